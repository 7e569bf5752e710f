/**
 * Runs one Resource Graph query over many subscriptions in at most two sequential rounds, whatever the size: the
 * first page of each batch of subscriptions (ARG takes at most 1000 per request) comes back with `totalRecords`, and
 * then every other page of that batch is asked for at once with `$skip` (the query must sort, e.g. by id, so that
 * pages do not overlap). Following `$skipToken` instead would cost one round trip per 1000 rows. Every query waits
 * for the user's Resource Graph quota (resourceGraphQuota.ts).
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import { isRestError } from '@azure/core-rest-pipeline';
import { API_VERSIONS } from './apiVersions';
import { type ArmResponse, sendArm } from './armRequest';
import type { ArmConnection } from './clients';
import { QUOTA_REMAINING_HEADER, QUOTA_RESETS_AFTER_HEADER, type QuotaHeaders } from './resourceGraphQuota';

/** ARG accepts at most 1000 subscriptions in one request. */
export const RESOURCE_GRAPH_SUBSCRIPTION_LIMIT = 1000;
/** ARG returns at most 1000 rows per page. */
export const RESOURCE_GRAPH_MAX_PAGE_SIZE = 1000;

export interface ResourceGraphQueryOptions {
  readonly abortSignal?: AbortSignalLike;
  /** Rows per page; ARG allows up to 1000. */
  readonly pageSize?: number;
}

interface ResourceGraphResponse<Row> {
  readonly data?: readonly Row[];
  readonly totalRecords?: number;
  readonly $skipToken?: string;
}

/** Every row of `query` over the subscriptions, in page order. */
export async function queryResourceGraph<Row>(
  connection: ArmConnection,
  subscriptionIds: readonly string[],
  query: string,
  options: ResourceGraphQueryOptions = {},
): Promise<Row[]> {
  const batches: string[][] = [];
  for (let start = 0; start < subscriptionIds.length; start += RESOURCE_GRAPH_SUBSCRIPTION_LIMIT) {
    batches.push(subscriptionIds.slice(start, start + RESOURCE_GRAPH_SUBSCRIPTION_LIMIT));
  }
  const perBatch = await Promise.all(batches.map((batch) => queryBatch<Row>(connection, batch, query, options)));
  return perBatch.flat();
}

async function queryBatch<Row>(
  connection: ArmConnection,
  subscriptions: string[],
  query: string,
  options: ResourceGraphQueryOptions,
): Promise<Row[]> {
  const pageSize = Math.min(options.pageSize ?? RESOURCE_GRAPH_MAX_PAGE_SIZE, RESOURCE_GRAPH_MAX_PAGE_SIZE);
  const send = (page: { skip?: number; skipToken?: string }) =>
    sendPage<Row>(connection, { subscriptions, query, pageSize, ...page }, options.abortSignal);
  const first = await send({ skip: 0 });
  const rows = [...(first.data ?? [])];
  const total = first.totalRecords;
  if (!first.$skipToken) return rows;
  // Offsets assume full pages: a server that pages on its own terms (fewer rows than asked, more to come) is followed
  // by its $skipToken instead, one page after another, which is always right.
  if (total === undefined || rows.length < pageSize) return followSkipTokens(rows, first.$skipToken, send);
  const offsets: number[] = [];
  for (let offset = rows.length; offset < total; offset += pageSize) offsets.push(offset);
  const pages = await Promise.all(offsets.map((skip) => send({ skip })));
  for (const page of pages) rows.push(...(page.data ?? []));
  // Rows added since the first page: the last page says so with a $skipToken.
  const last = pages[pages.length - 1];
  return last?.$skipToken ? followSkipTokens(rows, last.$skipToken, send) : rows;
}

async function followSkipTokens<Row>(
  rows: Row[],
  firstToken: string,
  send: (page: { skipToken: string }) => Promise<ResourceGraphResponse<Row>>,
): Promise<Row[]> {
  let skipToken: string | undefined = firstToken;
  while (skipToken) {
    const page = await send({ skipToken });
    rows.push(...(page.data ?? []));
    skipToken = page.$skipToken || undefined;
  }
  return rows;
}

interface PageRequest {
  readonly subscriptions: string[];
  readonly query: string;
  readonly pageSize: number;
  readonly skip?: number;
  readonly skipToken?: string;
}

async function sendPage<Row>(
  connection: ArmConnection,
  request: PageRequest,
  abortSignal: AbortSignalLike | undefined,
): Promise<ResourceGraphResponse<Row>> {
  const body = {
    subscriptions: request.subscriptions,
    query: request.query,
    options: {
      $top: request.pageSize,
      resultFormat: 'objectArray',
      ...(request.skipToken ? { $skipToken: request.skipToken } : { $skip: request.skip ?? 0 }),
    },
  };
  const response = await connection.resourceGraphQuota.send(
    () =>
      sendArm<ResourceGraphResponse<Row>>(connection.arm, {
        method: 'POST',
        path: '/providers/Microsoft.ResourceGraph/resources',
        apiVersion: API_VERSIONS.resourceGraph,
        body,
        abortSignal,
      }),
    quotaHeadersOf,
    abortSignal,
  );
  return response.body;
}

function quotaHeadersOf(answerOrError: unknown): QuotaHeaders | undefined {
  const header = (answerOrError as Partial<ArmResponse<unknown>> | undefined)?.header;
  if (typeof header === 'function') {
    return { remaining: header(QUOTA_REMAINING_HEADER), resetsAfter: header(QUOTA_RESETS_AFTER_HEADER) };
  }
  const headers = isRestError(answerOrError) ? answerOrError.response?.headers : undefined;
  return headers
    ? { remaining: headers.get(QUOTA_REMAINING_HEADER), resetsAfter: headers.get(QUOTA_RESETS_AFTER_HEADER) }
    : undefined;
}
