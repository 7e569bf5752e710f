/**
 * Resource Graph's per-user throttling, as the service documents it: a quota of queries per time window (by default
 * 15 in every 5 seconds), told in every answer through `x-ms-user-quota-remaining` and `x-ms-user-quota-resets-after`
 * (hh:mm:ss); a query over the quota gets 429 RateLimiting.
 */
import { ArmError } from '../arm';

export interface ResourceGraphQuotaSettings {
  /** Queries allowed per window. */
  readonly queries: number;
  readonly windowMs: number;
}

export const DEFAULT_RESOURCE_GRAPH_QUOTA: ResourceGraphQuotaSettings = { queries: 15, windowMs: 5000 };

interface UserWindow {
  startedAt: number;
  used: number;
}

/** `hh:mm:ss`, rounded up: a client that waits this long always finds the window reset. */
export function formatResetsAfter(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

export class ResourceGraphQuotas {
  private readonly windows = new Map<string, UserWindow>();

  constructor(
    public settings: ResourceGraphQuotaSettings = DEFAULT_RESOURCE_GRAPH_QUOTA,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Counts one query of the user; returns the headers of its answer, or throws 429 when the quota is spent. */
  take(user: string): Record<string, string> {
    const now = this.now();
    let window = this.windows.get(user);
    if (!window || now >= window.startedAt + this.settings.windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(user, window);
    }
    const resetsAfter = formatResetsAfter(window.startedAt + this.settings.windowMs - now);
    if (window.used >= this.settings.queries) {
      const headers = {
        'x-ms-user-quota-remaining': '0',
        'x-ms-user-quota-resets-after': resetsAfter,
        'Retry-After': String(Math.max(1, Math.ceil((window.startedAt + this.settings.windowMs - now) / 1000))),
      };
      throw new ArmError(
        429,
        'RateLimiting',
        'Client application has been throttled and should not attempt to repeat the request until an amount of time ' +
          `has elapsed (x-ms-user-quota-resets-after: ${resetsAfter}). Please see https://aka.ms/resourcegraph-throttling for help.`,
        undefined,
        headers,
      );
    }
    window.used++;
    return {
      'x-ms-user-quota-remaining': String(this.settings.queries - window.used),
      'x-ms-user-quota-resets-after': resetsAfter,
    };
  }

  clear(): void {
    this.windows.clear();
  }
}
