import { type EmulatorOptions, startEmulator } from './index';

/**
 * `npm run emulator -- [--port N] [--seed demo|FILE] [--state FILE] [--latency-ms N] [--lro instant|realistic]
 *   [--lro-duration-ms N]`.
 * Prints one JSON line when ready; stops on SIGINT/SIGTERM; bad arguments exit 2.
 */
function parseArguments(argv: string[]): EmulatorOptions {
  const options: EmulatorOptions = {};
  const number = (flag: string, value: string | undefined): number => {
    if (value === undefined || !/^\d+$/.test(value))
      throw new Error(`${flag} needs a non-negative integer, got ${value === undefined ? 'nothing' : `'${value}'`}`);
    return Number(value);
  };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1];
    index++;
    switch (flag) {
      case '--port':
        options.port = number(flag, value);
        if (options.port > 65535) throw new Error(`--port must be at most 65535, got ${value}`);
        break;
      case '--seed':
      case '--state':
        if (!value || value.startsWith('--')) throw new Error(`${flag} needs a value`);
        if (flag === '--seed') options.seed = value;
        else options.statePath = value;
        break;
      case '--latency-ms':
        options.latencyMs = number(flag, value);
        break;
      case '--lro-duration-ms':
        options.lroDurationMs = number(flag, value);
        break;
      case '--lro':
        if (value !== 'instant' && value !== 'realistic')
          throw new Error(`--lro must be instant or realistic, got '${value ?? ''}'`);
        options.lro = value;
        break;
      default:
        throw new Error(
          `unknown argument '${flag}'. Usage: emulator [--port N] [--seed demo|FILE] [--state FILE] [--latency-ms N] [--lro instant|realistic] [--lro-duration-ms N]`,
        );
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const emulator = await startEmulator(options);
  const { close: _close, reset: _reset, ...ready } = emulator;
  process.stdout.write(`${JSON.stringify({ ready: true, ...ready })}\n`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
