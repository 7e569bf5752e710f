/**
 * Replays one recording's interactions, in order, against a fresh emulator that holds the recording's own
 * subscriptions and resource groups. Names stay the recording's; what the emulator names itself (operation URLs,
 * etags, private endpoint connection names, Resource Graph page tokens) is mapped as the answers come back.
 * A resource the recording reads before any replayed request created it (made by a template deployment, or by the
 * test's preparer) is seeded from that recorded answer first.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { type ArmResource, parseArmPath } from '../../../../src/emulator/arm';
import { supportedApiVersions } from '../../../../src/emulator/apiVersions';
import type { EmulatorCore } from '../../../../src/emulator/emulator';
import { type RunningEmulator, startEmulatorWithCore } from '../../../../src/emulator/index';
import { handles } from '../../../../src/emulator/registry';
import { type RecordedInteraction, splitUrl } from './cassette';
import { type EmulatorAnswer, POLLING_HEADERS, differences } from './compare';
import { notEmulatedReason, operationLabel } from './exceptions';
import { SessionNames, isInProgress, pollKey } from './mapping';
import { seedTopology } from './seed';

export interface ReplayOutcome {
  readonly file: string;
  readonly index: number;
  readonly label: string;
  /** Why it was not replayed (an operation the emulator does not implement); undefined when it was. */
  readonly notReplayed?: string;
  readonly differences: readonly string[];
}

interface PollTarget {
  readonly initiator: string;
  readonly header: string;
  readonly emulatorUrl: string | undefined;
  readonly notReplayed: string | undefined;
}

export class ReplaySession {
  private readonly polls = new Map<string, PollTarget>();
  private readonly names = new SessionNames();
  /** Resource ids (lower case) whose interactions follow one that was not replayed, with its reason. */
  private readonly excludedResources = new Map<string, string>();
  private token = '';

  private constructor(
    private readonly emulator: RunningEmulator,
    private readonly core: EmulatorCore,
    private readonly ca: string,
    private readonly machineLearningVersion: string,
  ) {}

  static async start(interactions: readonly RecordedInteraction[]): Promise<ReplaySession> {
    const { emulator, core } = await startEmulatorWithCore({ seed: seedTopology(interactions), lro: 'polls' });
    const session = new ReplaySession(
      emulator,
      core,
      readFileSync(emulator.caCertPath, 'utf8'),
      leakedMachineLearningVersion(interactions),
    );
    session.token = await session.signIn();
    return session;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }

  async replay(interactions: readonly RecordedInteraction[]): Promise<ReplayOutcome[]> {
    const outcomes: ReplayOutcome[] = [];
    for (const recorded of interactions) outcomes.push(await this.replayOne(recorded, interactions));
    return outcomes;
  }

  private async replayOne(recorded: RecordedInteraction, all: readonly RecordedInteraction[]): Promise<ReplayOutcome> {
    const base = { file: recorded.file, index: recorded.index };
    const poll = this.polls.get(pollKey(recorded.path, recorded.query));
    if (poll) {
      const label = `poll of ${poll.initiator}`;
      if (poll.notReplayed) return { ...base, label, notReplayed: poll.notReplayed, differences: [] };
      if (!poll.emulatorUrl) return { ...base, label, differences: [`the emulator sent no ${poll.header} to poll`] };
      const answer = await this.send('GET', poll.emulatorUrl);
      this.learn(recorded, answer);
      return { ...base, label, differences: differences(recorded, answer, { isPoll: true }) };
    }
    const label = operationLabel(recorded);
    const notReplayed = this.notReplayedReason(recorded);
    if (notReplayed) {
      this.registerPolls(recorded, undefined, label, notReplayed);
      return { ...base, label, notReplayed, differences: [] };
    }
    this.seedIfUnknown(recorded, all);
    this.core.lro.inProgressPolls = countInProgressPolls(recorded, all);
    const answer = await this.send(recorded.method, this.mappedUrl(recorded), this.mappedBody(recorded), {
      ...this.conditionalHeaders(recorded),
    });
    this.learn(recorded, answer);
    this.registerPolls(recorded, answer, label, undefined);
    return { ...base, label, differences: differences(recorded, answer, { isPoll: false }) };
  }

  private notReplayedReason(recorded: RecordedInteraction): string | undefined {
    const id = recorded.path.toLowerCase();
    for (const [excluded, reason] of this.excludedResources) {
      if (id === excluded || id.startsWith(`${excluded}/`)) return reason;
    }
    const reason = notEmulatedReason(recorded) ?? this.unhandledReason(recorded);
    const target = privateEndpointTarget(recorded);
    if (reason && target) this.excludedResources.set(id, reason);
    return reason;
  }

  private unhandledReason(recorded: RecordedInteraction): string | undefined {
    if (handles(recorded.method, recorded.path)) return undefined;
    return `not emulated: ${operationLabel(recorded)}`;
  }

  /**
   * A top-level resource that Azure had (a 2xx on it or under it) but no replayed request made: seeded from the first
   * recorded GET of it from here on (the preparer or a template deployment made it).
   */
  private seedIfUnknown(recorded: RecordedInteraction, all: readonly RecordedInteraction[]): void {
    const path = parseArmPath(recorded.path);
    if (recorded.status >= 300 || !path.namespace || path.names.length === 0) return;
    const resourceId = recorded.path.split('/').slice(0, 9).join('/');
    if (this.core.store.get(resourceId)) return;
    const next = all
      .slice(recorded.index)
      .find(
        (later) =>
          later.path.toLowerCase() === resourceId.toLowerCase() &&
          (later.method === 'PUT' || (later.method === 'GET' && later.status === 200)),
      );
    // The recording creates it itself: nothing to seed.
    if (next?.method !== 'GET') return;
    const body = next.responseBody as ArmResource | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') return;
    const { etag: _etag, ...resource } = body;
    this.core.apply([{ ...resource, id: resourceId, name: resourceId.split('/')[8] }]);
  }

  private mappedUrl(recorded: RecordedInteraction): string {
    const query = new URLSearchParams(recorded.query);
    if (query.get('api-version') === '0000-00-00') query.set('api-version', this.sanitizedVersion(recorded.path));
    return `${this.names.mapPath(recorded.path)}?${query.toString()}`;
  }

  /** The ML recordings blank the api-version; the real one survives in their polling headers. */
  private sanitizedVersion(pathname: string): string {
    const path = parseArmPath(pathname);
    const key = `${path.namespace ?? ''}/${path.types.join('/')}`.toLowerCase();
    if (key.startsWith('microsoft.machinelearningservices/')) return this.machineLearningVersion;
    return supportedApiVersions(key).at(-1) ?? '2024-03-01';
  }

  private mappedBody(recorded: RecordedInteraction): string | undefined {
    return recorded.requestBody === undefined ? undefined : this.names.mapBody(recorded.requestBody);
  }

  private conditionalHeaders(recorded: RecordedInteraction): Record<string, string> {
    const headers: Record<string, string> = {};
    const ifMatch = recorded.requestHeaders['if-match'];
    if (ifMatch) headers['If-Match'] = this.names.etag(ifMatch);
    const ifNoneMatch = recorded.requestHeaders['if-none-match'];
    if (ifNoneMatch) headers['If-None-Match'] = ifNoneMatch;
    return headers;
  }

  private learn(recorded: RecordedInteraction, answer: EmulatorAnswer): void {
    this.names.learn(recorded, answer);
  }

  /** Where the recording later polls, and the URL the emulator gave for the same header. */
  private registerPolls(
    recorded: RecordedInteraction,
    answer: EmulatorAnswer | undefined,
    initiator: string,
    notReplayed: string | undefined,
  ): void {
    for (const header of POLLING_HEADERS) {
      const url = recorded.responseHeaders[header];
      if (!url) continue;
      const { path, query } = splitUrl(url);
      const key = pollKey(path, query);
      const previous = this.polls.get(key);
      const given = answer?.headers[header];
      this.polls.set(key, {
        initiator: previous?.initiator ?? initiator,
        header,
        emulatorUrl: typeof given === 'string' ? given.replace(this.emulator.url, '') : previous?.emulatorUrl,
        notReplayed: previous?.notReplayed ?? notReplayed,
      });
    }
  }

  private async signIn(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.emulator.clientId,
      client_secret: this.emulator.clientSecret,
      scope: `${this.emulator.url}/.default`,
    });
    const answer = await this.send('POST', '/adfs/oauth2/token', form.toString(), {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    return String((answer.body as { access_token?: string }).access_token);
  }

  private send(
    method: string,
    pathAndQuery: string,
    payload?: string,
    headers: Record<string, string> = {},
  ): Promise<EmulatorAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        `${this.emulator.url}${pathAndQuery}`,
        {
          method,
          ca: this.ca,
          headers: {
            ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
            ...(payload !== undefined && !headers['Content-Type'] ? { 'Content-Type': 'application/json' } : {}),
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = undefined;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              body = text;
            }
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }
}

/** The target of a private endpoint PUT, when the recording creates one. */
function privateEndpointTarget(recorded: RecordedInteraction): string | undefined {
  if (recorded.method !== 'PUT' || !/\/providers\/Microsoft\.Network\/privateEndpoints\/[^/]+$/i.test(recorded.path))
    return undefined;
  const match = /"privateLinkServiceId":\s*"([^"]+)"/.exec(recorded.requestBody ?? '');
  return match?.[1];
}

/** How many polls of the operation this request starts answered "still running" in the recording. */
function countInProgressPolls(recorded: RecordedInteraction, all: readonly RecordedInteraction[]): number {
  const keys = POLLING_HEADERS.map((header) => recorded.responseHeaders[header])
    .filter((url): url is string => url !== undefined)
    .map((url) => {
      const { path, query } = splitUrl(url);
      return pollKey(path, query);
    });
  if (keys.length === 0) return 0;
  return all
    .slice(recorded.index + 1)
    .filter((later) => keys.includes(pollKey(later.path, later.query)) && isInProgress(later)).length;
}

function leakedMachineLearningVersion(interactions: readonly RecordedInteraction[]): string {
  for (const interaction of interactions) {
    for (const header of POLLING_HEADERS) {
      const match = /MachineLearningServices\/.*api-version=(\d{4}-\d{2}-\d{2}(?:-preview)?)/.exec(
        interaction.responseHeaders[header] ?? '',
      );
      if (match) return match[1];
    }
  }
  return '2024-10-01-preview';
}
