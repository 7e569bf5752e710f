/**
 * Resource Graph's per-user quota (by default 15 queries in every 5-second window). Each answer says how many queries
 * are left (`x-ms-user-quota-remaining`) and when the window resets (`x-ms-user-quota-resets-after`, hh:mm:ss). A
 * query waits here for a slot instead of being sent into a 429; the SDK's retry policy still handles a 429 that slips
 * through (another tool of the same user spending the quota) through its Retry-After.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import { CancelledError } from './errors';

export const QUOTA_REMAINING_HEADER = 'x-ms-user-quota-remaining';
export const QUOTA_RESETS_AFTER_HEADER = 'x-ms-user-quota-resets-after';

export interface QuotaHeaders {
  readonly remaining: string | undefined;
  readonly resetsAfter: string | undefined;
}

/** `hh:mm:ss` (optionally with a fraction of a second) in milliseconds; undefined when unreadable. */
export function parseQuotaResetsAfter(value: string | undefined): number | undefined {
  const match = /^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

/** The header has whole seconds: answers whose reset times differ by less than this belong to one window. */
const SAME_WINDOW_MS = 1000;

const cancelled = (): CancelledError =>
  new CancelledError({
    userMessage: 'The request was cancelled while it waited for the Resource Graph quota.',
    action: 'Run the command again when you are ready.',
  });

export class ResourceGraphQuota {
  /** Queries we may still send in this window; undefined while no answer has told us (then queries go out). */
  private available: number | undefined;
  /** The largest quota seen: what a fresh window gives back. */
  private windowSize = 0;
  /** When the window resets; +Infinity after a reset until an answer of the new window tells us. */
  private resetsAt = 0;
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Sends one query when the quota allows, and learns the quota from its answer (or its error's answer). */
  async send<T>(
    query: () => Promise<T>,
    headersOf: (answerOrError: unknown) => QuotaHeaders | undefined,
    abortSignal?: AbortSignalLike,
  ): Promise<T> {
    await this.acquire(abortSignal);
    this.inFlight++;
    let settled: unknown;
    try {
      settled = await query();
      return settled as T;
    } catch (error) {
      settled = error;
      throw error;
    } finally {
      this.inFlight--;
      this.learn(headersOf(settled));
      this.wakeAll();
    }
  }

  /** Queries that can go out now without waiting; undefined while unknown. */
  get availableNow(): number | undefined {
    this.refreshIfReset();
    return this.available;
  }

  private async acquire(abortSignal?: AbortSignalLike): Promise<void> {
    for (;;) {
      if (abortSignal?.aborted) throw cancelled();
      this.refreshIfReset();
      if (this.available === undefined || this.available > 0) {
        if (this.available !== undefined) this.available--;
        return;
      }
      await this.nextChance(abortSignal);
    }
  }

  private learn(headers: QuotaHeaders | undefined): void {
    const left = Number(headers?.remaining);
    const resetsInMs = parseQuotaResetsAfter(headers?.resetsAfter);
    if (headers?.remaining === undefined || !Number.isInteger(left) || left < 0 || resetsInMs === undefined) {
      // Without the headers nothing is known; never leave a query waiting for an answer that will not come.
      if (this.available === 0 && this.inFlight === 0 && this.resetsAt === Number.POSITIVE_INFINITY) {
        this.available = undefined;
      }
      return;
    }
    const resetsAt = this.now() + resetsInMs;
    this.windowSize = Math.max(this.windowSize, left + 1);
    // Queries still in flight may not be counted in `left` yet: assume they are not.
    const estimate = Math.max(0, left - this.inFlight);
    const newWindow =
      this.available === undefined ||
      this.resetsAt === Number.POSITIVE_INFINITY ||
      resetsAt > this.resetsAt + SAME_WINDOW_MS;
    this.available = newWindow ? estimate : Math.min(this.available ?? estimate, estimate);
    this.resetsAt = newWindow ? resetsAt : Math.max(this.resetsAt, resetsAt);
  }

  private refreshIfReset(): void {
    if (this.available === undefined || this.resetsAt > this.now()) return;
    this.available = Math.max(0, this.windowSize - this.inFlight);
    this.resetsAt = Number.POSITIVE_INFINITY;
  }

  /** Resolves at the reset, or when an answer arrives (it may tell us more). */
  private nextChance(abortSignal?: AbortSignalLike): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const wake = (): void => {
        abortSignal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        this.waiting = this.waiting.filter((entry) => entry !== wake);
        if (this.waiting.length === 0 && this.timer) {
          clearTimeout(this.timer);
          this.timer = undefined;
        }
        reject(cancelled());
      };
      abortSignal?.addEventListener('abort', onAbort);
      this.waiting.push(wake);
      if (!this.timer && Number.isFinite(this.resetsAt)) {
        this.timer = setTimeout(() => this.wakeAll(), Math.max(0, this.resetsAt - this.now()));
      }
    });
  }

  private wakeAll(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const woken = this.waiting;
    this.waiting = [];
    for (const wake of woken) wake();
  }
}
