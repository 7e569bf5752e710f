import type { Reply } from './arm';
import { DEFAULT_LIST_PAGE_SIZE, type EmulatorCore } from './emulator';
import { validateFault } from './faults';
import type { Snapshot } from './store';
import { type SeedOption, resolveSeed } from './topology';

/** The admin header's name; the value is the adminToken the emulator printed when it started. */
export const ADMIN_TOKEN_HEADER = 'x-emulator-admin-token';

const bad = (message: string): Reply => ({ status: 400, body: { error: { code: 'BadRequest', message } } });

/**
 * `/_emulator/*`: test control, outside ARM auth. reset, snapshot (GET/PUT), latency, paging, faults, requests, resource, lro.
 */
export async function handleAdmin(
  core: EmulatorCore,
  method: string,
  route: string,
  query: URLSearchParams,
  body: unknown,
  defaultSeed: SeedOption | undefined,
): Promise<Reply> {
  const input = (body ?? {}) as Record<string, unknown>;
  switch (`${method} ${route.toLowerCase()}`) {
    case 'POST reset': {
      const seed = (input.seed as SeedOption | undefined) ?? defaultSeed;
      core.seed(await resolveSeed(seed));
      core.faults.clear();
      core.log.clear();
      core.listPageSize = DEFAULT_LIST_PAGE_SIZE;
      return { status: 200, body: { reset: true, resources: core.store.all().length } };
    }
    case 'GET snapshot':
      return { status: 200, body: core.snapshot() };
    case 'PUT snapshot':
      core.restore(body as Snapshot);
      return { status: 200, body: { restored: true, resources: core.store.all().length } };
    case 'POST latency': {
      const ms = Number(input.ms);
      if (!Number.isFinite(ms) || ms < 0) return bad('latency needs {ms: a number ≥ 0}');
      core.latencyMs = ms;
      return { status: 200, body: { latencyMs: ms } };
    }
    case 'POST paging': {
      const pageSize = Number(input.pageSize);
      if (!Number.isInteger(pageSize) || pageSize < 1) return bad('paging needs {pageSize: an integer ≥ 1}');
      core.listPageSize = pageSize;
      return { status: 200, body: { pageSize } };
    }
    case 'POST lro': {
      if (input.mode !== 'instant' && input.mode !== 'realistic')
        return bad("lro needs {mode: 'instant' | 'realistic', durationMs?}");
      core.lro.mode = input.mode;
      if (typeof input.durationMs === 'number') core.lro.durationMs = input.durationMs;
      return { status: 200, body: { mode: core.lro.mode, durationMs: core.lro.durationMs } };
    }
    case 'POST faults':
      core.faults.add(validateFault(body));
      return { status: 201, body: { faults: core.faults.list() } };
    case 'GET faults':
      return { status: 200, body: { faults: core.faults.list() } };
    case 'DELETE faults':
      core.faults.clear();
      return { status: 204 };
    case 'GET requests':
      return { status: 200, body: { requests: core.log.list() } };
    case 'DELETE requests':
      core.log.clear();
      return { status: 204 };
    case 'GET resource': {
      core.lro.settle();
      const resource = core.store.get(query.get('id') ?? '');
      return resource
        ? { status: 200, body: resource }
        : { status: 404, body: { error: { code: 'ResourceNotFound', message: `No resource '${query.get('id')}'.` } } };
    }
    default:
      return {
        status: 404,
        body: { error: { code: 'NotFound', message: `No admin route ${method} /_emulator/${route}` } },
      };
  }
}
