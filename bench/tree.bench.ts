/**
 * The hubs tree at scale, through the real tree model and presenter against the emulator (in its own process, 100 ms
 * per request): the first paint (subscriptions listed and every subscription's hub lines), then expanding a hub while
 * the model reads every shown resource in the background: the first hub, and the last one shown (queued behind all the
 * others). The common approach to compare with is the Azure Resources extension's listing, one subscription after
 * another (discovery.bench.ts measures it). Memory: the heap the model and presenter hold once listed and once every
 * shown hub is read (no latency), for 1,000 and 10,000 hubs.
 */
import type { AzureAccess, SubscriptionAccess } from '../src/auth/azureAccess';
import { emulatorCredential, emulatorTlsOptions } from '../src/emulator/credential';
import { customCloud } from '../src/model/clouds';
import { HubsTreeModel } from '../src/tree/model';
import type { NodeView } from '../src/tree/nodeView';
import { TreePresenter } from '../src/tree/presenter';
import { type EmulatorProcess, generatedSnapshot, startEmulatorProcess } from './emulatorProcess';
import { type BenchPart, type Figure, QUICK, type Row, figure, runBench, show } from './support';

const LATENCY_MS = 100;
const RUNS = QUICK ? 1 : 3;
const PAINT_SHAPES = QUICK
  ? [{ subscriptions: 10, hubs: 10 }]
  : [
      { subscriptions: 50, hubs: 10 },
      { subscriptions: 200, hubs: 10 },
    ];
const MEMORY_SHAPES = QUICK
  ? [{ subscriptions: 10, hubs: 10, label: 'mbFor100Hubs' }]
  : [
      { subscriptions: 100, hubs: 10, label: 'mbFor1000Hubs' },
      { subscriptions: 100, hubs: 100, label: 'mbFor10000Hubs' },
    ];

function accessTo(emulator: EmulatorProcess): AzureAccess {
  const credential = emulatorCredential(emulator.endpoint);
  const subscriptions: SubscriptionAccess[] = emulator.subscriptionIds.map((subscriptionId, index) => ({
    subscriptionId,
    name: `Generated ${String(index + 1).padStart(4, '0')}`,
    tenantId: 'bench',
    credential,
  }));
  return {
    cloud: customCloud({ resourceManagerEndpoint: emulator.endpoint.url, portalUrl: 'https://portal.azure.com' }),
    isSignedIn: async () => true,
    signIn: async () => true,
    listSubscriptions: async () => ({ subscriptions, skippedTenants: [] }),
    onDidChangeSignIn: () => ({ dispose() {} }),
    dispose() {},
  };
}

function newModel(emulator: EmulatorProcess): { model: HubsTreeModel; presenter: TreePresenter } {
  const model = new HubsTreeModel({
    access: accessTo(emulator),
    selectedSubscriptions: () => [],
    connectionOptions: { ...emulatorTlsOptions(emulator.endpoint), retry: { maxRetries: 0 } },
  });
  return { model, presenter: new TreePresenter(model) };
}

/** Resolves once the hub's sections show (its first read finished). */
async function expand(presenter: TreePresenter, hub: NodeView): Promise<number> {
  const started = performance.now();
  for (;;) {
    const children = await presenter.children(hub);
    if (!children.some((child) => child.id.endsWith('/loading'))) return performance.now() - started;
    await new Promise<void>((resolve) => {
      const listener = presenter.model.onDidChange((change) => {
        if (change === 'all' || change.some((id) => id.toLowerCase() === hub.id.toLowerCase())) {
          listener.dispose();
          resolve();
        }
      });
    });
  }
}

/** Resolves when no read is in flight or queued. */
async function idle(model: HubsTreeModel): Promise<void> {
  while (model.resources().some((entry) => entry.reading)) {
    await new Promise<void>((resolve) => {
      const listener = model.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
  }
}

interface PaintRun {
  firstPaintMs: number;
  hubLinesMs: number;
  firstHubMs: number;
  lastHubMs: number;
}

async function paintOnce(emulator: EmulatorProcess): Promise<PaintRun> {
  const { model, presenter } = newModel(emulator);
  const started = performance.now();
  const root = presenter.rootChildren(await model.loadRoot());
  if (root.kind !== 'nodes') throw new Error(`the tree shows ${root.kind}`);
  const firstPaintMs = performance.now() - started;
  const lines = await Promise.all(root.nodes.map((subscription) => presenter.children(subscription)));
  const hubLinesMs = performance.now() - started;
  const hubs = lines.flat().filter((node) => node.context === 'hub');
  const [firstHubMs, lastHubMs] = await Promise.all([expand(presenter, hubs[0]!), expand(presenter, hubs.at(-1)!)]);
  model.invalidateAll(); // drops the background reads still queued
  return { firstPaintMs, hubLinesMs, firstHubMs, lastHubMs };
}

async function paint(shape: { subscriptions: number; hubs: number }, rows: Row[]) {
  const emulator = await startEmulatorProcess(generatedSnapshot(shape.subscriptions, shape.hubs));
  try {
    await paintOnce(emulator); // warm: modules, JIT, TLS
    await emulator.admin.setLatency(LATENCY_MS);
    const runs: PaintRun[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await paintOnce(emulator));
    const of = (key: keyof PaintRun): Figure => figure(runs.map((run) => run[key]));
    const label = `${shape.subscriptions}×${shape.hubs}`;
    const result = {
      subscriptions: shape.subscriptions,
      hubs: shape.subscriptions * shape.hubs,
      firstPaintMs: of('firstPaintMs'),
      hubLinesMs: of('hubLinesMs'),
      firstHubExpandMs: of('firstHubMs'),
      lastHubExpandMs: of('lastHubMs'),
    };
    rows.push(
      { section: 'tree', measure: `${label}: first paint (subscriptions), ms`, value: show(result.firstPaintMs, 0) },
      { section: 'tree', measure: `${label}: every subscription's hub lines, ms`, value: show(result.hubLinesMs, 0) },
      { section: 'tree', measure: `${label}: expand the first hub, ms`, value: show(result.firstHubExpandMs, 0) },
      // No budget in issue 15: it waits for a read slot (4 hub reads in flight) and then its own 3 round trips.
      {
        section: 'tree',
        measure: `${label}: expand the last hub shown (behind ${result.hubs} queued reads), ms`,
        value: show(result.lastHubExpandMs, 0),
      },
    );
    return result;
  } finally {
    await emulator.close();
  }
}

function heapMb(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** The heap the model and presenter hold: listed, then with every shown resource read. */
async function memory(shape: (typeof MEMORY_SHAPES)[number], rows: Row[]) {
  if (!globalThis.gc) throw new Error('run with --expose-gc (npm run bench does)');
  const emulator = await startEmulatorProcess(generatedSnapshot(shape.subscriptions, shape.hubs));
  try {
    const before = heapMb();
    const { model, presenter } = newModel(emulator);
    const root = presenter.rootChildren(await model.loadRoot());
    if (root.kind !== 'nodes') throw new Error(`the tree shows ${root.kind}`);
    await Promise.all(root.nodes.map((subscription) => presenter.children(subscription)));
    const listed = heapMb() - before;
    const started = performance.now();
    await idle(model);
    const readSeconds = (performance.now() - started) / 1000;
    const read = heapMb() - before;
    const hubs = shape.subscriptions * shape.hubs;
    const readCount = model.resources().filter((entry) => entry.details).length;
    rows.push(
      { section: 'memory', measure: `${hubs} hubs listed, MB`, value: show(listed) },
      {
        section: 'memory',
        measure: `${hubs} hubs, ${readCount} read in the background (${readSeconds.toFixed(0)} s), MB`,
        value: show(read),
        ...(hubs >= 10_000 ? { budget: '≤ 50 MB', holds: read <= 50 } : {}),
      },
    );
    // Keep the model alive until measured.
    if (!model.resources().length) throw new Error('nothing listed');
    return { label: shape.label, listed, read };
  } finally {
    await emulator.close();
  }
}

runBench(async (): Promise<BenchPart> => {
  const rows: Row[] = [];
  const tree = [];
  for (const shape of PAINT_SHAPES) tree.push(await paint(shape, rows));
  const memoryResults: Record<string, number> = {};
  for (const shape of MEMORY_SHAPES) {
    const measured = await memory(shape, rows);
    memoryResults[measured.label] = Math.round(measured.read * 10) / 10;
    memoryResults[`${measured.label}Listed`] = Math.round(measured.listed * 10) / 10;
  }
  return { results: { tree, memory: memoryResults }, rows };
});
