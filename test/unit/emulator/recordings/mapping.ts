/**
 * What the emulator names differently from Azure, learned from the answers as the replay goes: etags, private
 * endpoint connection names (a GUID suffix each service makes up) and Resource Graph page tokens.
 */
import type { RecordedInteraction } from './cassette';
import type { EmulatorAnswer } from './compare';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Polls are matched by path and the query parameters that tell the polls of one operation apart. */
const VOLATILE_PARAMETERS = new Set(['api-version', 't', 'c', 's', 'h']);

export function pollKey(path: string, query: URLSearchParams): string {
  const kept = [...query.entries()]
    .filter(([name]) => !VOLATILE_PARAMETERS.has(name.toLowerCase()))
    .map(([name, value]) => `${name.toLowerCase()}=${value}`)
    .sort();
  return `${path.toLowerCase()}?${kept.join('&')}`;
}

const RUNNING = new Set(['inprogress', 'running', 'accepted', 'notstarted', 'creating', 'updating', 'deleting']);

/** A poll that answered "not yet". */
export function isInProgress(poll: RecordedInteraction): boolean {
  if (poll.status === 202) return true;
  const status = isObject(poll.responseBody) ? poll.responseBody.status : undefined;
  return typeof status === 'string' && RUNNING.has(status.toLowerCase());
}

interface Connection {
  readonly name: string;
  readonly endpointId: string;
}

/** Private endpoint connections in a body: the resource itself, a list, or a target's embedded ones. */
function connectionsIn(body: unknown): Connection[] {
  if (!isObject(body)) return [];
  const candidates: unknown[] = [body];
  if (Array.isArray(body.value)) candidates.push(...body.value);
  const embedded = isObject(body.properties) ? body.properties.privateEndpointConnections : undefined;
  if (Array.isArray(embedded)) candidates.push(...embedded);
  return candidates.flatMap((candidate) => {
    if (!isObject(candidate) || typeof candidate.id !== 'string') return [];
    if (!/\/privateEndpointConnections\//i.test(candidate.id)) return [];
    const endpoint = isObject(candidate.properties) ? candidate.properties.privateEndpoint : undefined;
    const endpointId = isObject(endpoint) && typeof endpoint.id === 'string' ? endpoint.id : undefined;
    return endpointId ? [{ name: candidate.id.split('/').pop() ?? '', endpointId: endpointId.toLowerCase() }] : [];
  });
}

/**
 * Resource Graph tokens are base64 JSON naming the page (`MaxRows`, `RowsToSkip`) and the cluster that served it; two
 * tokens for the same page may name different clusters.
 */
function pageOf(token: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {
      MaxRows?: number;
      RowsToSkip?: number;
    };
    return `${decoded.MaxRows}/${decoded.RowsToSkip}`;
  } catch {
    return token;
  }
}

const headerOf = (answer: EmulatorAnswer, name: string): string | undefined => {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export class SessionNames {
  private readonly etags = new Map<string, string>();
  private readonly segments = new Map<string, string>();
  private readonly tokens = new Map<string, string>();

  etag(recorded: string): string {
    return this.etags.get(recorded) ?? recorded;
  }

  mapPath(path: string): string {
    return path
      .split('/')
      .map((segment) => this.segments.get(segment.toLowerCase()) ?? segment)
      .join('/');
  }

  /** A Resource Graph page token the recording sends back becomes the emulator's token for the same page. */
  mapBody(text: string): string {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return text;
    }
    const options = isObject(body) && isObject(body.options) ? body.options : undefined;
    const token = options && typeof options.$skipToken === 'string' ? options.$skipToken : undefined;
    const ours = token === undefined ? undefined : this.tokens.get(pageOf(token));
    if (!ours) return text;
    return JSON.stringify({ ...(body as object), options: { ...options, $skipToken: ours } });
  }

  learn(recorded: RecordedInteraction, answer: EmulatorAnswer): void {
    this.pair(this.etags, recorded.responseHeaders.etag, headerOf(answer, 'etag'));
    const [theirs, ours] = [recorded.responseBody, answer.body];
    if (isObject(theirs) && isObject(ours)) {
      this.pair(this.etags, theirs.etag, ours.etag);
      if (typeof theirs.$skipToken === 'string') this.pair(this.tokens, pageOf(theirs.$skipToken), ours.$skipToken);
    }
    const ourConnections = connectionsIn(ours);
    for (const connection of connectionsIn(theirs)) {
      const match = ourConnections.find((candidate) => candidate.endpointId === connection.endpointId);
      if (match) this.segments.set(connection.name.toLowerCase(), match.name);
    }
  }

  private pair(map: Map<string, string>, recorded: unknown, ours: unknown): void {
    if (typeof recorded === 'string' && typeof ours === 'string') map.set(recorded, ours);
  }
}
