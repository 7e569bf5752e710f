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
  /** Path and query; secrets and tokens in the query are redacted. */
  path: string;
  status: number;
  durationMs: number;
  fault?: FaultKind;
}

const SECRET_PARAMETERS = /([?&](?:client_secret|access_token|refresh_token|code|client_assertion|sig|token)=)[^&]*/gi;

export const redactPath = (pathAndQuery: string): string => pathAndQuery.replace(SECRET_PARAMETERS, '$1REDACTED');

/** The request log behind `GET /_emulator/requests`. Never holds a header or a body, so never a token. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  constructor(private readonly capacity = 10_000) {}

  add(entry: RequestLogEntry): void {
    this.entries.push({ ...entry, path: redactPath(entry.path) });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
