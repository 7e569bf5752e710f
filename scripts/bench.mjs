// `npm run bench [-- --quick] [--out file] [names...]`: runs every bench/*.bench.ts in a process of its own, each handing back its
// part of bench-results.json and its table rows (bench/support.ts). Prints one table: each figure is the median of
// several runs with min and max beside it, each comparison a ratio measured in this run. Nothing here asserts a time;
// a budget that does not hold is printed as such.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values: flags, positionals: only } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } },
  allowPositionals: true,
});
const quick = flags.quick;
const resultsPath = flags.out ?? join(root, 'bench-results.json');
const benches = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();
if (benches.length === 0) {
  console.error(`No bench matches ${only.join(', ')}. The benches are in bench/*.bench.ts.`);
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'foundry-bench-results-'));
const results = {};
const rows = [];
const failed = [];
try {
  for (const bench of benches) {
    console.error(`bench: ${bench}${quick ? ' (quick)' : ''}`);
    const out = join(scratch, `${bench}.json`);
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join('bench', bench), '--out', out, ...(quick ? ['--quick'] : [])],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    console.error(`bench: ${bench} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (run.status !== 0) {
      failed.push(bench);
      continue;
    }
    const part = JSON.parse(readFileSync(out, 'utf8'));
    Object.assign(results, part.results);
    rows.push(...part.rows);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  quick,
  date: new Date().toISOString(),
};
if (only.length === 0 && failed.length === 0) {
  writeFileSync(resultsPath, `${JSON.stringify({ machine, ...results }, null, 2)}\n`);
}
printTable(rows);
console.log(
  `\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}${quick ? ', --quick' : ''}`,
);
const missed = rows.filter((row) => row.holds === false).length;
console.log(`${benches.length - failed.length} benches ran, ${failed.length} failed; ${missed} budgets not met`);
if (failed.length) console.log(`Failed: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);

function printTable(tableRows) {
  const cells = [['section', 'measure', 'median (min–max)', 'budget', '']];
  for (const row of tableRows) {
    const verdict = row.holds === undefined ? '' : row.holds ? 'holds' : 'MISSED';
    cells.push([row.section, row.measure, row.value, row.budget ?? '', verdict]);
  }
  // A long value (the problems each validator found) overflows its column instead of widening every line.
  const measured = cells.filter((line) => line[2].length <= 40);
  const widths = cells[0].map((_, column) => Math.max(...measured.map((line) => line[column].length)));
  for (const line of cells)
    console.log(
      line
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    );
}
