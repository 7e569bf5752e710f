/**
 * What the fault matrices prove with, read from the emulator rather than assumed: which step writes are long-running
 * (the fault-free run polled an operation), that an injected fault was answered (the request log marks it), and how
 * the stored resources differ from before a run.
 */
import assert from 'node:assert/strict';
import type { FaultSpec, RequestLogEntry } from '../../../src/emulator/adminClient';
import type { PlanStep } from '../../../src/model/plan';
import type { WizardHarness } from './support';

export type Fault = Omit<FaultSpec, 'pathPattern' | 'method' | 'count'>;

export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The path pattern a fault on this resource matches: exactly its id (the emulator matches case-insensitively). */
export const exactly = (resourceId: string): string => `${escapeRegex(resourceId)}$`;

const pathOf = (entry: RequestLogEntry): string => entry.path.split('?')[0] ?? '';

/** Every ARM RP's polling URL ends in `…operation…/<operation id>` (operations, operationResults, asyncoperations, …). */
const OPERATION_POLL = /operation[a-z]*\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WRITES = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

export interface StepWrites {
  /** Steps whose write the fault-free run sent (the step runner skips a write that finds its work done). */
  readonly sent: ReadonlySet<string>;
  /** Steps whose write started a long-running operation: only these can end in an LRO failure. */
  readonly longRunning: ReadonlySet<string>;
}

/**
 * What the emulator's request log (cleared before a fault-free run) says about each step's write: whether it was sent,
 * and whether an operation was polled after it and before the next write.
 */
export function stepWrites(
  log: readonly RequestLogEntry[],
  steps: readonly PlanStep[],
  patternOf: (step: PlanStep) => string,
): StepWrites {
  const sent = new Set<string>();
  const longRunning = new Set<string>();
  for (const step of steps) {
    const pattern = new RegExp(patternOf(step), 'i');
    let write = log.length - 1;
    while (write >= 0 && !(log[write]!.method === step.operation.method && pattern.test(pathOf(log[write]!)))) write--;
    if (write < 0) continue;
    sent.add(step.id);
    const after = log.slice(write + 1);
    const next = after.findIndex((entry) => WRITES.has(entry.method));
    const polled = (next < 0 ? after : after.slice(0, next)).some(
      (entry) => entry.method === 'GET' && OPERATION_POLL.test(pathOf(entry)),
    );
    if (polled) longRunning.add(step.id);
  }
  return { sent, longRunning };
}

export interface ExpectedFault {
  readonly fault: Fault;
  readonly method: string;
  readonly pathPattern: string;
}

/**
 * The faults were answered, each once and in this order, to the requests they were meant for: the emulator's log
 * marks each request a fault hit, with the injected status (0 for a reset connection).
 */
export function assertFaultsFired(log: readonly RequestLogEntry[], expected: readonly ExpectedFault[], where: string) {
  const hits = log.filter((entry) => entry.fault !== undefined);
  assert.equal(hits.length, expected.length, `${where}: requests answered with a fault: ${hits.length}`);
  expected.forEach(({ fault, method, pathPattern }, index) => {
    const hit = hits[index]!;
    assert.equal(hit.fault, fault.kind, where);
    assert.equal(hit.method, method, where);
    assert.match(pathOf(hit), new RegExp(pathPattern, 'i'), where);
    if (fault.kind === 'status') assert.equal(hit.status, fault.status, where);
    if (fault.kind === 'reset') assert.equal(hit.status, 0, where);
  });
}

export function assertFaultFired(
  log: readonly RequestLogEntry[],
  fault: Fault,
  method: string,
  pathPattern: string,
  where: string,
): void {
  assertFaultsFired(log, [{ fault, method, pathPattern }], where);
}

/** Every stored resource by lower-case id, as JSON: equal before and after means nothing created, lost or changed. */
export async function resourcesNow(harness: WizardHarness): Promise<Map<string, string>> {
  return new Map(
    (await harness.admin.snapshot()).resources.map((resource) => [resource.id.toLowerCase(), JSON.stringify(resource)]),
  );
}

export interface ResourceDiff {
  readonly orphans: string[];
  readonly lost: string[];
  readonly changed: string[];
}

export function diffResources(before: Map<string, string>, now: Map<string, string>): ResourceDiff {
  return {
    orphans: [...now.keys()].filter((id) => !before.has(id)),
    lost: [...before.keys()].filter((id) => !now.has(id)),
    changed: [...before.keys()].filter((id) => now.has(id) && now.get(id) !== before.get(id)),
  };
}

/** A plan step by id, failing (not skipping) when a wizard renamed it. */
export function stepById(steps: readonly PlanStep[], id: string): PlanStep {
  const step = steps.find((candidate) => candidate.id === id);
  assert.ok(step, `the plan has no step "${id}" (it has ${steps.map((candidate) => candidate.id).join(', ')})`);
  return step;
}
