/**
 * An HTTPS server on 127.0.0.1 that answers with what real Azure answered (../shared/azure-recordings), so src/azure
 * reads real shapes through the real SDK clients, not our builders' idea of them. Requests are matched by method and
 * path (the query aside); each recorded answer is given once, the last one again when asked more often. Links in the
 * bodies (nextLink) point back at this server: nothing leaves the machine.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ArmConnection } from '../../../src/azure/clients';
import { createCertificate } from '../../../src/emulator/tls';
import { type RecordedInteraction, readCassette } from '../emulator/recordings/cassette';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** A token for a server that checks none. */
const anyToken: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: 'recorded', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** Interaction `index` of a recording file, e.g. `recorded('azure-cli/…yaml', 12)`. */
export function recorded(file: string, ...indexes: number[]): RecordedInteraction[] {
  const interactions = readCassette(file);
  return indexes.map((index) => interactions[index]);
}

/** A hand-written Microsoft example (`rest-api-specs-examples/…json`) as one answer to `GET path`. */
export function exampleAnswer(
  example: { responses: Record<string, { body?: unknown }> },
  path: string,
): RecordedInteraction {
  const [status, response] = Object.entries(example.responses)[0];
  return {
    file: 'example',
    index: 0,
    method: 'GET',
    path,
    query: new URLSearchParams(),
    requestHeaders: {},
    requestBody: undefined,
    status: Number(status),
    responseHeaders: {},
    responseBody: response.body,
  };
}

export class RecordedAnswerServer {
  readonly requests: ReceivedRequest[] = [];
  private readonly used = new Set<RecordedInteraction>();

  private constructor(
    private readonly server: Server,
    private readonly answers: readonly RecordedInteraction[],
    readonly url: string,
    private readonly ca: string,
  ) {}

  static async start(answers: readonly RecordedInteraction[]): Promise<RecordedAnswerServer> {
    const certificate = await createCertificate();
    const holder: { self?: RecordedAnswerServer } = {};
    const server = createServer({ cert: certificate.cert, key: certificate.key }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const answer = holder.self!.answer(request.method ?? 'GET', request.url ?? '/', text);
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    holder.self = new RecordedAnswerServer(server, answers, url, certificate.cert);
    return holder.self;
  }

  /** A connection to this server with the real SDK clients and pipeline (no retries: every answer counts). */
  connection(): ArmConnection {
    return new ArmConnection({
      credential: anyToken,
      resourceManagerEndpoint: this.url,
      tlsOptions: { ca: this.ca },
      retry: { maxRetries: 0 },
      pollIntervalInMs: 1,
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(
    method: string,
    url: string,
    text: string,
  ): { status: number; headers: Record<string, string>; body: string | undefined } {
    const path = new URL(url, this.url).pathname.toLowerCase();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text
    }
    this.requests.push({ method, path, body });
    const candidates = this.answers.filter(
      (answer) => answer.method === method.toUpperCase() && answer.path.toLowerCase() === path,
    );
    const answer = candidates.find((candidate) => !this.used.has(candidate)) ?? candidates.at(-1);
    if (!answer) {
      const error = { error: { code: 'NotRecorded', message: `No recorded answer for ${method} ${path}.` } };
      return { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify(error) };
    }
    this.used.add(answer);
    const payload =
      answer.responseBody === undefined
        ? undefined
        : JSON.stringify(answer.responseBody).replace(/https:\/\/management\.azure\.com(:443)?/g, this.url);
    return {
      status: answer.status,
      headers: {
        ...(payload !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        ...(answer.responseHeaders.etag ? { etag: answer.responseHeaders.etag } : {}),
      },
      body: payload,
    };
  }
}
