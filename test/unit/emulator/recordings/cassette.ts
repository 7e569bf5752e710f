/**
 * Reads the real ARM traffic that the Azure CLI's own tests recorded (vcrpy YAML cassettes, see
 * ../shared/azure-recordings/README.md) into plain interactions: the request as sent, the answer as Azure gave it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const RECORDINGS = process.env.FOUNDRY_AZURE_RECORDINGS ?? '/work/shared/azure-recordings';

/** The cassettes of real traffic (the x-ms-examples next to them are hand-written, so they are not replayed). */
export const CASSETTE_FOLDERS = ['azure-cli', 'azure-cli-extensions'];

export interface RecordedInteraction {
  readonly file: string;
  readonly index: number;
  readonly method: string;
  /** Path and query, without the host (`https://management.azure.com[:443]`). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: string | undefined;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when empty; the text when it is not JSON. */
  readonly responseBody: unknown;
}

interface VcrInteraction {
  request: { method: string; uri: string; body: string | null; headers?: Record<string, string[] | string> };
  response: {
    status: { code: number };
    headers?: Record<string, string[] | string>;
    body?: { string?: string };
  };
}

export function cassetteFiles(): string[] {
  if (!existsSync(RECORDINGS))
    throw new Error(
      `The Azure recordings are missing at ${RECORDINGS}: they are the shared ../shared/azure-recordings folder (set FOUNDRY_AZURE_RECORDINGS to another copy).`,
    );
  return CASSETTE_FOLDERS.flatMap((folder) =>
    readdirSync(join(RECORDINGS, folder))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => `${folder}/${name}`),
  );
}

const lowerCaseHeaders = (headers: Record<string, string[] | string> | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? String(value[0]) : String(value),
    ]),
  );

/** A URL from a recording (or one of its polling headers) as a path and query on any host. */
export function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const parsed = new URL(url, 'https://management.azure.com');
  return { path: parsed.pathname, query: parsed.searchParams };
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined || text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function readCassette(file: string): RecordedInteraction[] {
  const document = parse(readFileSync(join(RECORDINGS, file), 'utf8')) as { interactions: VcrInteraction[] };
  return document.interactions.map((interaction, index) => {
    const { path, query } = splitUrl(interaction.request.uri);
    return {
      file,
      index,
      method: interaction.request.method.toUpperCase(),
      path,
      query,
      requestHeaders: lowerCaseHeaders(interaction.request.headers),
      requestBody: interaction.request.body ?? undefined,
      status: interaction.response.status.code,
      responseHeaders: lowerCaseHeaders(interaction.response.headers),
      responseBody: parseBody(interaction.response.body?.string),
    };
  });
}
