/**
 * A plan is what a wizard will do, shown before it does it: ARM operations in order, each with its az equivalent.
 * Plans are built from a wizard's context by the builders (privateEndpointPlan.ts, workspacePlans.ts,
 * storageAccessPlan.ts); the executor (planExecutor.ts) runs the very same steps, so what is shown is what runs.
 */
import { renderAzScript, type AzVariable } from './azScript';
import { printable } from './printable';

export type HttpMethod = 'PUT' | 'PATCH' | 'DELETE' | 'POST';

export interface ArmOperation {
  readonly method: HttpMethod;
  readonly resourceId: string;
  readonly apiVersion: string;
  readonly body?: unknown;
  /** Lost-update guard: ARM answers 412 when the resource changed since this etag. */
  readonly ifMatch?: string;
  /** `*`: create only; ARM answers 412 when someone created it meanwhile. */
  readonly ifNoneMatch?: '*';
}

/** How to take back what a creating step made. */
export interface UndoAction {
  readonly title: string;
  readonly operation: ArmOperation;
  readonly az: string;
}

export interface PlanStep {
  /** Stable within a plan: the executor's records and a resumed run refer to steps by id. */
  readonly id: string;
  readonly title: string;
  readonly operation: ArmOperation;
  /** The equivalent az command line(s), referring to the plan's variables. */
  readonly az: string;
  /** This run creates the resource, so Rollback deletes it with `undo`. */
  readonly creates: boolean;
  readonly undo?: UndoAction;
  /** Removes or cuts off something that exists. */
  readonly destructive: boolean;
  /** Makes something reachable from more networks than before. */
  readonly exposing: boolean;
  /** One sentence saying what a destructive or exposing step does to people. */
  readonly consequence?: string;
}

export interface Plan {
  /** A fingerprint of the steps, so a saved run is only resumed against the same plan. */
  readonly id: string;
  readonly title: string;
  readonly steps: readonly PlanStep[];
  readonly variables: readonly AzVariable[];
  readonly subscriptionVariable?: string;
}

/**
 * The api-versions a plan uses. The names match src/azure/apiVersions.ts, so the caller passes `API_VERSIONS` as it
 * is; the model only says which ones it needs.
 */
export interface PlanApiVersions {
  /** Workspaces and their private endpoint connections (stable). */
  readonly workspaces: string;
  /** Workspace `networkAcls` exist only in preview api-versions. */
  readonly workspacesPreview: string;
  /** Private endpoints and their zone groups. */
  readonly network: string;
  /** Private DNS zones, virtual network links and record sets. */
  readonly privateDns: string;
  /** Role assignments. */
  readonly authorization: string;
  /** AI Services (Foundry resource) accounts: their networkAcls are in the stable version. */
  readonly cognitiveServices: string;
}

export function createPlan(
  title: string,
  steps: readonly PlanStep[],
  variables: readonly AzVariable[],
  subscriptionVariable?: string,
): Plan {
  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) {
      throw new Error(`Two plan steps share the id "${step.id}".`);
    }
    if (step.creates && !step.undo) {
      throw new Error(`Plan step "${step.id}" creates a resource but says nothing about how to delete it.`);
    }
    ids.add(step.id);
  }
  return { id: planFingerprint(steps), title, steps, variables, subscriptionVariable };
}

/** FNV-1a over what each step does; cheap, stable, and enough to tell two plans apart. */
export function planFingerprint(steps: readonly PlanStep[]): string {
  const text = steps
    .map(
      (step) =>
        `${step.id} ${step.operation.method} ${step.operation.resourceId.toLowerCase()} ${JSON.stringify(step.operation.body ?? null)}`,
    )
    .join('\n');
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The human list of ARM operations, with warnings for destructive and exposing steps. Names from ARM are printable,
 * so none can add a line that looks like one of ours ("Rollback deletes it.").
 */
export function renderOperationList(plan: Plan): string {
  const lines = [printable(plan.title), ''];
  plan.steps.forEach((step, index) => {
    const { method, resourceId, apiVersion } = step.operation;
    lines.push(
      `${index + 1}. ${printable(step.title)}`,
      `   ${method} ${printable(resourceId)}?api-version=${apiVersion}`,
    );
    if (step.operation.ifMatch) {
      lines.push(`   If-Match: ${printable(step.operation.ifMatch)}`);
    }
    if (step.destructive || step.exposing) {
      const label = step.destructive ? 'Destructive' : 'Exposes';
      lines.push(`   ${label}: ${printable(step.consequence ?? 'review this step before you continue.')}`);
    }
    if (step.creates) {
      lines.push('   Rollback deletes it.');
    }
  });
  return `${lines.join('\n')}\n`;
}

export function renderPlanScript(plan: Plan): string {
  return renderAzScript({
    title: plan.title,
    variables: plan.variables,
    subscriptionVariable: plan.subscriptionVariable,
    steps: plan.steps,
  });
}

/** The rollback part of the script: undo actions of creating steps, newest first. */
export function renderRollbackScript(plan: Plan, createdStepIds?: ReadonlySet<string>): string {
  const undo = plan.steps
    .filter((step) => step.creates && step.undo && (createdStepIds === undefined || createdStepIds.has(step.id)))
    .reverse()
    .map((step) => step.undo as UndoAction);
  return renderAzScript({
    title: `Roll back: ${plan.title}`,
    variables: plan.variables,
    subscriptionVariable: plan.subscriptionVariable,
    steps: undo,
  });
}

export function hasDestructiveOrExposingSteps(plan: Plan): boolean {
  return plan.steps.some((step) => step.destructive || step.exposing);
}
