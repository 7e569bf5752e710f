/**
 * A fake `vscode` module for unit tests of the modules that import it at run time (src/config.ts,
 * src/auth/vscodeAccess.ts): settings with a value per scope, scripted answers to warning messages, and a record of
 * what was written. Import this file before the module under test; `require('vscode')` then returns this module.
 *
 * Node 20 has no `mock.module` (Node 22.3+, behind a flag), and the package is CommonJS under tsx, so the fake is
 * installed by resolving the specifier `vscode` to this file.
 */
import Module from 'node:module';

/** One setting as `WorkspaceConfiguration.inspect()` reports it. */
export interface FakeSettingValues {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export interface FakeWarning {
  readonly message: string;
  readonly options: { modal?: boolean; detail?: string } | undefined;
  readonly items: readonly string[];
}

export interface FakeUpdate {
  readonly setting: string;
  readonly value: unknown;
  readonly target: unknown;
}

/** What a test sets up and reads back. */
export const fake = {
  /** Full setting name (section.key) → values per scope. */
  settings: new Map<string, FakeSettingValues>(),
  warnings: [] as FakeWarning[],
  /** The answers the user gives to warning messages, in order (undefined = dismissed). */
  warningAnswers: [] as (string | undefined)[],
  updates: [] as FakeUpdate[],
  /** Every line written to an output channel, as "level: message". */
  logLines: [] as string[],
  reset(): void {
    this.logLines.length = 0;
    this.settings.clear();
    this.warnings.length = 0;
    this.warningAnswers.length = 0;
    this.updates.length = 0;
  },
};

export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

export enum ExtensionMode {
  Production = 1,
  Development = 2,
  Test = 3,
}

export class Disposable {
  constructor(private readonly callOnDispose: () => void) {}
  dispose(): void {
    this.callOnDispose();
  }
}

export class EventEmitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/** VS Code's get(): the most specific scope wins, and object values are merged across scopes (a deep merge). */
function effectiveValue(values: FakeSettingValues | undefined): unknown {
  const layers = [values?.defaultValue, values?.globalValue, values?.workspaceValue, values?.workspaceFolderValue];
  let result: unknown;
  for (const layer of layers) {
    if (layer === undefined) continue;
    const bothObjects = isObject(result) && isObject(layer);
    result = bothObjects ? { ...(result as object), ...(layer as object) } : layer;
  }
  return result;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const workspace = {
  getConfiguration(section?: string) {
    const name = (key: string): string => (section ? `${section}.${key}` : key);
    return {
      get<T>(key: string, defaultValue?: T): T | undefined {
        const value = effectiveValue(fake.settings.get(name(key)));
        return value === undefined ? defaultValue : (value as T);
      },
      has(key: string): boolean {
        return effectiveValue(fake.settings.get(name(key))) !== undefined;
      },
      inspect(key: string) {
        const values = fake.settings.get(name(key));
        return values ? { key: name(key), ...values } : undefined;
      },
      async update(key: string, value: unknown, target: unknown): Promise<void> {
        fake.updates.push({ setting: name(key), value, target });
        const values = fake.settings.get(name(key)) ?? {};
        if (target === ConfigurationTarget.Global) values.globalValue = value;
        else values.workspaceValue = value;
        fake.settings.set(name(key), values);
      },
    };
  },
};

function logLine(level: string): (message: string) => void {
  return (message) => fake.logLines.push(`${level}: ${message}`);
}

export const window = {
  createOutputChannel: () => ({
    trace: logLine('trace'),
    debug: logLine('debug'),
    info: logLine('info'),
    warn: logLine('warn'),
    error: logLine('error'),
    appendLine: logLine('info'),
    show: () => undefined,
    dispose: () => undefined,
  }),
  async showWarningMessage(message: string, ...rest: unknown[]): Promise<string | undefined> {
    const options =
      typeof rest[0] === 'object' && rest[0] !== null ? (rest.shift() as FakeWarning['options']) : undefined;
    fake.warnings.push({ message, options, items: rest as string[] });
    return fake.warningAnswers.shift();
  },
};

export const commands = {
  executeCommand: async (): Promise<undefined> => undefined,
};

export const authentication = {
  onDidChangeSessions: (): Disposable => new Disposable(() => undefined),
};

export const l10n = {
  t: (message: string, ...args: unknown[]): string =>
    message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)])),
};

const moduleWithResolver = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
};
const resolveFilename = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? __filename : resolveFilename.call(this, request, ...rest);
};
