/** Option parsing for the commands, through Node's own `util.parseArgs`; its errors become one-line usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandLine<T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's message for an unknown option goes on about positionals; the option's name is what matters.
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const said = unknown ? `Unknown option "${unknown}".` : message.replace(/\s+/g, ' ').trim();
    throw new UsageError(`${said.replace(/([^.])$/, '$1.')} See "foundry-net ${command} --help".`);
  }
}

/** A string option limited to `allowed` values. */
export function oneOf<V extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly V[],
  fallback: V,
): V {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${option} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not "${value}".`);
  }
  return value as V;
}
