/** Command-line parsing for `foundry-net`. */

export type OutputFormat = 'json' | 'stylish';

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'lint'; readonly format: OutputFormat; readonly fix: boolean; readonly patterns: readonly string[] };

export class UsageError extends Error {}

export const USAGE = `Usage: foundry-net lint [--format json|stylish] [--fix] <file or glob>...

Checks the network settings of Azure AI Foundry hub YAML files (az ml workspace create --file).

Options:
  --format json|stylish  Output format (default: stylish)
  --fix                  Apply the safe quick fixes and write the files back
  -h, --help             Show this help
  -v, --version          Show the version

Globs support *, ** and ?; quote them so that every shell passes them as written.
Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.`;

export function parseArguments(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('No command given. Run "foundry-net lint <file>..." or "foundry-net --help".');
  if (command !== 'lint') throw new UsageError(`Unknown command "${command}". The only command is "lint"; see "foundry-net --help".`);
  let format: OutputFormat = 'stylish';
  let fix = false;
  const patterns: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index];
    if (argument === '--fix') fix = true;
    else if (argument === '--format' || argument.startsWith('--format=')) {
      const value = argument === '--format' ? rest[++index] : argument.slice('--format='.length);
      if (value !== 'json' && value !== 'stylish') throw new UsageError(`--format must be json or stylish, not "${value ?? ''}".`);
      format = value;
    } else if (argument === '--') {
      patterns.push(...rest.slice(index + 1));
      break;
    } else if (argument.startsWith('-') && argument !== '-') throw new UsageError(`Unknown option "${argument}"; see "foundry-net --help".`);
    else patterns.push(argument);
  }
  if (patterns.length === 0) throw new UsageError('No files given. Run "foundry-net lint <file or glob>...".');
  return { kind: 'lint', format, fix, patterns };
}
