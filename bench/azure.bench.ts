// Discovery and hub-detail budgets, measured against the emulator with a fixed latency per request. The sequential
// round trips come from the emulator's request log: a request is one round deeper than the deepest request that had
// finished before it started. Ratios from one run; nothing is asserted.
import { ArmConnection } from '../src/azure/clients';
import { discoverHubs } from '../src/azure/discovery';
import { readHubNetworkState } from '../src/azure/hubDetails';
import { EmulatorAdmin, type RequestLogEntry } from '../src/emulator/adminClient';
import { emulatorCredential, emulatorTlsOptions } from '../src/emulator/credential';
import { startEmulator } from '../src/emulator/index';
import { generateTopology } from '../src/emulator/seeds/generate';

const LATENCY_MS = 150;
const SHAPES = [
  { subscriptions: 1, hubsPerSubscription: 5 },
  { subscriptions: 10, hubsPerSubscription: 20 },
  { subscriptions: 40, hubsPerSubscription: 25 },
];

/** The longest chain of requests where each started after the previous one finished. */
function sequentialDepth(entries: readonly RequestLogEntry[]): number {
  const spans = entries
    .map((entry) => ({ end: Date.parse(entry.time), start: Date.parse(entry.time) - entry.durationMs }))
    .sort((a, b) => a.start - b.start);
  const depths: number[] = [];
  spans.forEach((span, index) => {
    const before = spans.slice(0, index).map((other, j) => (other.end <= span.start + 1 ? depths[j]! : 0));
    depths.push(1 + Math.max(0, ...before));
  });
  return Math.max(0, ...depths);
}

async function main(): Promise<void> {
  const rows: string[][] = [
    ['measure', 'hubs', 'requests', 'sequential round trips', 'elapsed ms', 'elapsed ÷ latency'],
  ];
  for (const shape of SHAPES) {
    const topology = generateTopology(shape);
    const emulator = await startEmulator({ seed: topology, lro: 'instant' });
    try {
      const admin = new EmulatorAdmin(emulator);
      const connection = new ArmConnection({
        credential: emulatorCredential(emulator),
        resourceManagerEndpoint: emulator.url,
        ...emulatorTlsOptions(emulator),
      });
      const subscriptionIds = topology.subscriptions.map((s) => s.subscriptionId);
      await discoverHubs(connection, subscriptionIds); // warm: token, TLS session
      await admin.setLatency(LATENCY_MS);
      await admin.clearRequests();
      let started = performance.now();
      const discovered = await discoverHubs(connection, subscriptionIds, { pageSize: 1000 });
      let elapsed = performance.now() - started;
      const discoveryLog = await admin.requests();
      const label = `${shape.subscriptions}×${shape.hubsPerSubscription}`;
      rows.push([
        `discovery ${label}`,
        String(discovered.hubs.length),
        String(discoveryLog.length),
        String(sequentialDepth(discoveryLog)),
        elapsed.toFixed(0),
        (elapsed / LATENCY_MS).toFixed(2),
      ]);

      const privateHub = discovered.hubs.find((hub) => hub.name.startsWith('hub-private'))!;
      await admin.clearRequests();
      started = performance.now();
      await readHubNetworkState(connection, privateHub.id);
      elapsed = performance.now() - started;
      const detailsLog = await admin.requests();
      rows.push([
        `hub details ${label}`,
        '1',
        String(detailsLog.length),
        String(sequentialDepth(detailsLog)),
        elapsed.toFixed(0),
        (elapsed / LATENCY_MS).toFixed(2),
      ]);
    } finally {
      await emulator.close();
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  console.log(
    `\nBudgets: discovery ≤ 3 sequential round trips whatever the subscriptions; a hub's details ≤ 3. Latency ${LATENCY_MS} ms per request.`,
  );
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
