export type FaultKind = 'status' | 'reset' | 'hang' | 'lroFailed';

export interface FaultSpec {
  method?: string;
  /** A regular expression matched case-insensitively against the path (without the query). */
  pathPattern: string;
  /** How many matching requests it applies to. */
  count: number;
  kind: FaultKind;
  status?: number;
  retryAfterSeconds?: number;
  hangMs?: number;
}

interface ActiveFault extends FaultSpec {
  pattern: RegExp;
  remaining: number;
}

export function validateFault(input: unknown): FaultSpec {
  const spec = (input ?? {}) as Partial<FaultSpec>;
  const kinds: FaultKind[] = ['status', 'reset', 'hang', 'lroFailed'];
  if (typeof spec.pathPattern !== 'string') throw new Error('pathPattern (a regular expression) is required');
  new RegExp(spec.pathPattern, 'i');
  if (!spec.kind || !kinds.includes(spec.kind)) throw new Error(`kind must be one of ${kinds.join(', ')}`);
  if (spec.kind === 'status' && (typeof spec.status !== 'number' || spec.status < 400 || spec.status > 599)) {
    throw new Error('a status fault needs status between 400 and 599');
  }
  const count = spec.count ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
  return { ...spec, count, pathPattern: spec.pathPattern, kind: spec.kind } as FaultSpec;
}

/** Faults waiting for matching requests; each one is consumed `count` times. */
export class FaultTable {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, pattern: new RegExp(spec.pathPattern, 'i'), remaining: spec.count });
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map(({ pattern: _pattern, remaining, ...spec }) => ({ ...spec, count: remaining }));
  }

  /** The first fault matching this request, consumed once. */
  take(method: string, path: string): FaultSpec | undefined {
    const fault = this.faults.find(
      (candidate) => (!candidate.method || candidate.method.toUpperCase() === method) && candidate.pattern.test(path),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }
}

export interface RequestLogEntry {
  time: string;
  method: string;
  /** The path only (ARM ids: nothing secret); never the query. */
  path: string;
  status: number;
  durationMs: number;
  fault?: FaultKind;
}

/**
 * What the log keeps of a request target: the path, up to the first `?` or `#`. An allow-list, not a list of secret
 * parameter names: a query can carry any secret under any name and in any encoding (`client%5Fsecret`, `password`,
 * `assertion`, `key`, a SAS `sig`), and a list of names always misses one.
 */
export function loggedPath(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** The request log behind `GET /_emulator/requests`. Never holds a header, a body or a query, so never a token. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  constructor(private readonly capacity = 10_000) {}

  add(entry: RequestLogEntry): void {
    this.entries.push({ ...entry, path: loggedPath(entry.path) });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
