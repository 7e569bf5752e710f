/**
 * What every bench shares: the --quick flag, figures (median of several runs, with min and max), table rows, and the
 * part of bench-results.json a bench hands back to scripts/bench.mjs (through the file named by --out).
 */
import { writeFileSync } from 'node:fs';

export const QUICK = process.argv.includes('--quick');

/** A measured figure: the median of the runs, with the smallest and largest beside it. */
export interface Figure {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function figure(values: readonly number[]): Figure {
  if (values.length === 0) throw new Error('a figure needs at least one run');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!) };
}

export const round = (value: number): number => Math.round(value * 1000) / 1000;

/** `12.3 (11.9–13.0)`: a figure as the table shows it. */
export function show(value: Figure | number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return 'not measured';
  if (typeof value === 'number') return value.toFixed(digits);
  return `${value.median.toFixed(digits)} (${value.min.toFixed(digits)}–${value.max.toFixed(digits)})`;
}

/** One line of the printed table: what, the figure, its budget, and whether the budget holds. */
export interface Row {
  readonly section: string;
  readonly measure: string;
  readonly value: string;
  readonly budget?: string;
  /** Undefined when there is no budget. */
  readonly holds?: boolean;
}

export interface BenchPart {
  readonly results: Record<string, unknown>;
  readonly rows: Row[];
}

/** Hands the part to scripts/bench.mjs (or prints it when run alone). */
export function finish(part: BenchPart): void {
  const at = process.argv.indexOf('--out');
  if (at >= 0 && process.argv[at + 1]) writeFileSync(process.argv[at + 1]!, JSON.stringify(part, null, 2));
  else console.log(JSON.stringify(part, null, 2));
}

export function runBench(main: () => Promise<BenchPart>): void {
  main().then(finish, (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
}

/** Runs `run` `count` times (after `warmup` unmeasured runs) and returns the milliseconds of each. */
export function timeRuns(run: () => void, count: number, warmup = 0): number[] {
  for (let index = 0; index < warmup; index++) run();
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Sequential round trips in a request log: a request opens a new round when it starts after every request of the
 * current round was answered; parallel requests share a round.
 */
export function roundTrips(requests: readonly { time: string; durationMs: number }[]): number {
  const spans = requests
    .map((entry) => ({ end: Date.parse(entry.time), start: Date.parse(entry.time) - entry.durationMs }))
    .sort((a, b) => a.start - b.start);
  let rounds = 0;
  let roundEnd = -Infinity;
  for (const span of spans) {
    if (span.start >= roundEnd) {
      rounds++;
      roundEnd = span.end;
    } else roundEnd = Math.max(roundEnd, span.end);
  }
  return rounds;
}
