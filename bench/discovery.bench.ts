/**
 * Discovery at scale against the emulator (100 ms per request), our way and the common way in the same run: (a)
 * discoverHubs (Resource Graph, two rounds, within the quota) and (b) `workspaces.listBySubscription` per
 * subscription, one after another, as the Azure Resources extension lists resources. Then one hub's full network
 * state. Requests and round trips come from the emulator's log; client CPU is this process's CPU during discovery
 * (the emulator runs in its own process).
 */
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import type { TokenCredential } from '@azure/core-auth';
import { ArmConnection } from '../src/azure/clients';
import { collect } from '../src/azure/collect';
import { type DiscoveredResource, discoverHubs, groupResources } from '../src/azure/discovery';
import { readHubNetworkState } from '../src/azure/hubDetails';
import { emulatorClientOptions, emulatorCredential, emulatorTlsOptions } from '../src/emulator/credential';
import { type EmulatorProcess, generatedSnapshot, startEmulatorProcess } from './emulatorProcess';
import { type BenchPart, type Figure, QUICK, type Row, figure, roundTrips, runBench, show, timeRuns } from './support';

const LATENCY_MS = 100;
const RUNS = QUICK ? 1 : 3;
const SHAPES = QUICK
  ? [
      { subscriptions: 1, hubs: 10 },
      { subscriptions: 10, hubs: 10 },
    ]
  : [
      { subscriptions: 1, hubs: 10 },
      { subscriptions: 10, hubs: 10 },
      { subscriptions: 50, hubs: 10 },
      { subscriptions: 200, hubs: 10 },
      { subscriptions: 100, hubs: 100 },
    ];
/** Budgets: the ratio of (b) to (a) at a size. */
const RATIO_BUDGETS: Record<string, number> = { '50×10': 10, '200×10': 30 };

interface DiscoveryRow {
  readonly subscriptions: number;
  readonly hubs: number;
  readonly oursMs: Figure;
  readonly perSubscriptionMs: Figure;
  readonly ratio: Figure;
  readonly requests: number;
  readonly roundTrips: number;
  readonly clientCpuMs: Figure;
}

/** A new identity per run: each run starts with a fresh Resource Graph quota, as a user's first load does. */
async function freshCredential(emulator: EmulatorProcess): Promise<TokenCredential> {
  const credential = emulatorCredential(emulator.endpoint);
  await credential.getToken(`${emulator.endpoint.url}/.default`);
  return credential;
}

function connect(emulator: EmulatorProcess, credential: TokenCredential): ArmConnection {
  return new ArmConnection({
    credential,
    resourceManagerEndpoint: emulator.endpoint.url,
    ...emulatorTlsOptions(emulator.endpoint),
  });
}

async function ours(emulator: EmulatorProcess) {
  const connection = connect(emulator, await freshCredential(emulator));
  await emulator.admin.clearRequests();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await discoverHubs(connection, emulator.subscriptionIds);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const log = (await emulator.admin.requests()).filter((entry) => entry.path.startsWith('/providers'));
  if (result.source !== 'resourceGraph') throw new Error(`discovery fell back: ${result.resourceGraphError?.message}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, requests: log.length, roundTrips: roundTrips(log), result };
}

/** (b): the SDK's workspaces.listBySubscription, every page, one subscription after another. */
async function perSubscription(emulator: EmulatorProcess): Promise<{ ms: number; hubs: number }> {
  const credential = await freshCredential(emulator);
  const started = performance.now();
  let hubs = 0;
  for (const subscriptionId of emulator.subscriptionIds) {
    const client = new AzureMachineLearningWorkspaces(
      credential,
      subscriptionId,
      emulatorClientOptions(emulator.endpoint),
    );
    const workspaces = await collect(client.workspaces.listBySubscription());
    hubs += workspaces.filter((workspace) => (workspace as { kind?: string }).kind?.toLowerCase() === 'hub').length;
  }
  return { ms: performance.now() - started, hubs };
}

async function measureShape(shape: { subscriptions: number; hubs: number }, rows: Row[]) {
  const emulator = await startEmulatorProcess(generatedSnapshot(shape.subscriptions, shape.hubs));
  try {
    await ours(emulator); // warm: modules, JIT
    await emulator.admin.setLatency(LATENCY_MS);
    const runs: Awaited<ReturnType<typeof ours>>[] = [];
    const common: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      runs.push(await ours(emulator));
      const listed = await perSubscription(emulator);
      if (listed.hubs !== runs[run]!.result.hubs.length)
        throw new Error(`(b) found ${listed.hubs} hubs, (a) ${runs[run]!.result.hubs.length}`);
      common.push(listed.ms);
    }
    const label = `${shape.subscriptions}×${shape.hubs}`;
    const row: DiscoveryRow = {
      subscriptions: shape.subscriptions,
      hubs: shape.subscriptions * shape.hubs,
      oursMs: figure(runs.map((run) => run.ms)),
      perSubscriptionMs: figure(common),
      ratio: figure(runs.map((run, index) => common[index]! / run.ms)),
      requests: Math.max(...runs.map((run) => run.requests)),
      roundTrips: Math.max(...runs.map((run) => run.roundTrips)),
      clientCpuMs: figure(runs.map((run) => run.cpuMs)),
    };
    const ratioBudget = RATIO_BUDGETS[label];
    rows.push(
      { section: 'discovery', measure: `${label}: ours, ms`, value: show(row.oursMs, 0) },
      { section: 'discovery', measure: `${label}: per subscription (b), ms`, value: show(row.perSubscriptionMs, 0) },
      {
        section: 'discovery',
        measure: `${label}: (b) ÷ ours`,
        value: show(row.ratio),
        ...(ratioBudget ? { budget: `≥ ${ratioBudget}×`, holds: row.ratio.median >= ratioBudget } : {}),
      },
      {
        section: 'discovery',
        measure: `${label}: requests / sequential round trips`,
        value: `${row.requests} / ${row.roundTrips}`,
        budget: '≤ 3 round trips',
        holds: row.roundTrips <= 3,
      },
      { section: 'discovery', measure: `${label}: client CPU, ms`, value: show(row.clientCpuMs, 0) },
    );
    if (shape.subscriptions * shape.hubs >= 10_000) rows.push(groupingRow(runs[0]!.result));
    const details = shape.subscriptions === 10 ? await hubDetails(emulator, rows) : undefined;
    return { row, details };
  } finally {
    await emulator.close();
  }
}

/** Grouping alone at 10,000 hubs and 30,000 projects: the part of the client CPU that used to be quadratic. */
function groupingRow(result: Awaited<ReturnType<typeof ours>>['result']): Row {
  const resources: DiscoveredResource[] = [
    ...result.hubs.flatMap(({ projects, ...hub }) => [hub, ...projects]),
    ...result.aiServices,
  ];
  const grouping = figure(timeRuns(() => groupResources(resources), 5, 1));
  return {
    section: 'discovery',
    measure: `grouping ${result.hubs.length} hubs and ${resources.length - result.hubs.length} projects, ms`,
    value: show(grouping, 1),
    budget: '≤ 150 ms',
    holds: grouping.median <= 150,
  };
}

/** One private hub's full network state, at the same latency. */
async function hubDetails(emulator: EmulatorProcess, rows: Row[]): Promise<{ ms: Figure; roundTrips: number }> {
  const connection = connect(emulator, await freshCredential(emulator));
  const discovered = await discoverHubs(connection, emulator.subscriptionIds);
  const hub = discovered.hubs.find((candidate) => candidate.name.startsWith('hub-private'));
  if (!hub) throw new Error('no private hub in the generated topology');
  const times: number[] = [];
  let trips = 0;
  // The tree reads details on the connection discovery warmed (its TLS sessions open), as this does.
  await readHubNetworkState(connection, discovered.hubs.find((other) => other !== hub)!.id);
  for (let run = 0; run < RUNS; run++) {
    await emulator.admin.clearRequests();
    const started = performance.now();
    await readHubNetworkState(connection, hub.id, { projectIds: hub.projects.map((project) => project.id) });
    times.push(performance.now() - started);
    const log = (await emulator.admin.requests()).filter((entry) => /^\/(subscriptions|providers)/i.test(entry.path));
    trips = Math.max(trips, roundTrips(log));
  }
  const ms = figure(times);
  rows.push(
    { section: 'hub details', measure: `one hub (${LATENCY_MS} ms per request), ms`, value: show(ms, 0) },
    {
      section: 'hub details',
      measure: 'sequential round trips',
      value: String(trips),
      budget: '≤ 3',
      holds: trips <= 3,
    },
    {
      section: 'hub details',
      measure: "a Foundry resource's details",
      value: 'not measured: they do not exist yet',
    },
  );
  return { ms, roundTrips: trips };
}

runBench(async (): Promise<BenchPart> => {
  const rows: Row[] = [];
  const discovery: DiscoveryRow[] = [];
  let details: { ms: Figure; roundTrips: number } | undefined;
  for (const shape of SHAPES) {
    const measured = await measureShape(shape, rows);
    discovery.push(measured.row);
    details ??= measured.details;
  }
  return { results: { discovery, details: details ?? null }, rows };
});
