/**
 * Performs plan steps against ARM, exactly as the plan shows them, but idempotently and guarded against lost updates:
 * - a create reuses what is already there (zones, links, endpoints), and a VNet already linked to a zone under
 *   another link name is not linked twice;
 * - an update that is already in place is skipped; a zone group is never overwritten with fewer zones;
 * - the workspace PATCH goes with If-Match, and every write is preceded by a re-read compared with what the wizard
 *   saw (`Expectation`), so a change made meanwhile stops the run with ConcurrentChangeError and nothing is written;
 * - a create that failed half-way (an LRO ending Failed) is deleted again, so neither Resume nor Roll back leaves an
 *   orphan behind; a resource left Failed is written again only when this run created it (a PUT replaces the whole
 *   resource, so rewriting someone else's would drop their settings).
 */
import { isRestError } from '@azure/core-rest-pipeline';
import { sendArmLongRunning } from '../../azure/armRequest';
import type { ArmConnection } from '../../azure/clients';
import { isRoleAssignmentExists, toAzureAccessError } from '../../azure/errors';
import { listAllPages } from '../../azure/workspaceApi';
import { isResourceType, parentResourceId, resourceNameOf, sameResourceId } from '../../model/armIds';
import type { ConcurrentChangeError } from '../../model/concurrency';
import { isPreconditionFailed, lostUpdate, sameEtag, valueAt } from '../../model/concurrency';
import type { ArmOperation } from '../../model/plan';
import { LeftBehindError, type RunnableStep, type StepResult, type StepRunner } from '../../model/planExecutor';
import { roleToWrite } from '../../model/roles';
import { holds, provisioningStateOf, readResource, type ArmRead } from './armState';

/** What the wizard saw of a resource it is about to change: dotted property paths and their values then. */
export interface Expectation {
  readonly resourceId: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A step the runner refuses to take as planned; its message says why and what to do. */
export class StepRefusedError extends Error {
  override readonly name = 'StepRefusedError';
}

/** A failure whose message already says what happened and what to do: passed on as it is. */
class ExplainedStepError extends Error {}

const DONE: StepResult = { outcome: 'done' };
const SKIPPED: StepResult = { outcome: 'skipped' };

export class WizardStepRunner implements StepRunner {
  constructor(
    private readonly connection: ArmConnection,
    private readonly expectations: readonly Expectation[] = [],
  ) {}

  async runStep(step: RunnableStep, signal: AbortSignal): Promise<StepResult> {
    const { operation } = step;
    try {
      if (operation.method === 'DELETE') return await this.remove(operation, step.writtenByRun ?? [], signal);
      if (operation.method === 'PATCH') return await this.patch(operation, signal);
      if (operation.method === 'PUT') return await this.put(step, signal);
      await this.send(operation, signal);
      return DONE;
    } catch (error) {
      throw this.actionable(error, operation);
    }
  }

  private async put(step: RunnableStep, signal: AbortSignal): Promise<StepResult> {
    const { operation } = step;
    const current = await this.read(operation, signal);
    if (!current) {
      if (await this.virtualNetworkAlreadyLinked(operation, signal)) return SKIPPED;
      return this.createAbsent(operation, signal);
    }
    if (operation.ifNoneMatch === '*') return this.reuse(step, current, signal);
    this.assertAsExpected(operation.resourceId, current);
    this.assertKeepsZones(operation, current);
    const asPlanned = holds(current.body, operation.body);
    if (asPlanned && provisioningStateOf(current.body) !== 'Failed') return SKIPPED;
    if (isCreatingStep(step)) {
      // The plan meant to create it; someone else did, with other settings: do not take it over.
      if (!asPlanned)
        throw lostUpdate(resourceNameOf(operation.resourceId), ['(created meanwhile with other settings)']);
      // As planned but Failed (say a roll back's delete failed): written again to recover it; who created it is unchanged.
      this.assertOwnFailed(step);
      await this.send(operation, signal);
      return SKIPPED;
    }
    await this.send(operation, signal);
    return DONE;
  }

  /** Creates a resource that was absent; a failure that left a half-made resource deletes it again. */
  private async createAbsent(operation: ArmOperation, signal: AbortSignal): Promise<StepResult> {
    try {
      await this.send(operation, signal);
      return DONE;
    } catch (error) {
      if (isRestError(error) && isPreconditionFailed(error) && operation.ifNoneMatch === '*') return SKIPPED;
      // The same role was granted meanwhile under another name: it is in place, and not this run's to roll back.
      if (isRoleAssignmentExists(error)) return SKIPPED;
      const after = await this.read(operation, signal).catch(() => undefined);
      if (!after) throw error;
      // The write landed and only the answer was lost.
      if (provisioningStateOf(after.body) === 'Succeeded' && holds(after.body, operation.body)) return DONE;
      const name = resourceNameOf(operation.resourceId);
      const mapped = this.actionable(error, operation);
      const cleaned = await this.send(
        { method: 'DELETE', resourceId: operation.resourceId, apiVersion: operation.apiVersion },
        signal,
      ).then(
        () => true,
        () => false,
      );
      if (cleaned)
        throw new ExplainedStepError(
          `${mapped.message} The half-created ${name} was deleted, so Resume creates it again.`,
        );
      // Still there: the run owns it, so Resume may write it again and Roll back deletes it.
      throw new LeftBehindError(
        `${mapped.message} The half-created ${name} could not be deleted; Resume writes it again, Roll back deletes it.`,
      );
    }
  }

  private async reuse(step: RunnableStep, current: ArmRead, signal: AbortSignal): Promise<StepResult> {
    const { operation } = step;
    const wanted = identityOf(operation.body);
    const found = identityOf(current.body);
    const differs = Object.entries(wanted).filter(([path, value]) => !holds(found[path], value));
    if (differs.length > 0) {
      const name = resourceNameOf(operation.resourceId);
      throw new StepRefusedError(
        `${name} already exists with other settings (${differs.map(([path]) => path).join(', ')}). Choose another name, or delete the existing one first.`,
      );
    }
    // Left Failed (say by a roll back's delete that failed): writing it again as planned is how ARM recovers it.
    if (provisioningStateOf(current.body) === 'Failed') {
      this.assertOwnFailed(step);
      await this.send({ ...operation, ifNoneMatch: undefined }, signal);
    }
    return SKIPPED;
  }

  /** A PUT replaces the whole resource: a Failed one is written again only when this run created it. */
  private assertOwnFailed(step: RunnableStep): void {
    if (step.createdByRun) return;
    throw new StepRefusedError(
      `${resourceNameOf(step.operation.resourceId)} exists but is in a Failed state; repair or delete it, then Resume.`,
    );
  }

  private async patch(operation: ArmOperation, signal: AbortSignal): Promise<StepResult> {
    const current = await this.read(operation, signal);
    if (!current)
      throw new StepRefusedError(`${resourceNameOf(operation.resourceId)} no longer exists. Refresh the view.`);
    const alreadyApplied = patchApplied(operation, current.body);
    if (alreadyApplied && provisioningStateOf(current.body) !== 'Failed') return SKIPPED;
    let ifMatch = operation.ifMatch;
    if (ifMatch !== undefined && !sameEtag(ifMatch, current.etag)) {
      // Our own earlier attempt applied the change (its LRO then failed): re-applying the same values loses nothing.
      if (!alreadyApplied) throw this.concurrentChange(operation.resourceId, current);
      ifMatch = current.etag;
    }
    this.assertAsExpected(operation.resourceId, current, alreadyApplied);
    try {
      await this.send({ ...operation, ifMatch }, signal);
    } catch (error) {
      if (isRestError(error) && isPreconditionFailed(error)) throw this.concurrentChange(operation.resourceId, current);
      throw error;
    }
    return DONE;
  }

  private async remove(
    operation: ArmOperation,
    writtenByRun: NonNullable<RunnableStep['writtenByRun']>,
    signal: AbortSignal,
  ): Promise<StepResult> {
    const current = await this.read(operation, signal);
    if (!current) return SKIPPED;
    const contents = await this.zoneContents(operation, writtenByRun, signal);
    if (contents.length > 0) {
      const name = resourceNameOf(operation.resourceId);
      return {
        outcome: 'kept',
        note: `Kept ${name}: it holds ${contents.join(', ')}, which deleting the zone would delete too. Delete the zone yourself once nothing needs it.`,
      };
    }
    try {
      await this.send(operation, signal);
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return SKIPPED;
      throw error;
    }
    return DONE;
  }

  /**
   * What a private DNS zone holds besides its SOA record set and the records the run's own zone groups wrote. Azure
   * deletes a zone with all its record sets, so a zone is deleted only when nothing in it is someone else's (a
   * rollback removes the run's links and zone groups first).
   */
  private async zoneContents(
    operation: ArmOperation,
    writtenByRun: NonNullable<RunnableStep['writtenByRun']>,
    signal: AbortSignal,
  ): Promise<string[]> {
    const zoneId = operation.resourceId;
    if (!isResourceType(zoneId, 'Microsoft.Network/privateDnsZones')) return [];
    const list = (path: string) => this.listAll(`${zoneId}/${path}`, operation.apiVersion, signal);
    const [recordSets, links, ownRecordSets] = await Promise.all([
      list('ALL'),
      list('virtualNetworkLinks'),
      this.recordSetsWrittenBy(writtenByRun, zoneId, signal),
    ]);
    const records = recordSets
      .filter(
        (recordSet) =>
          !String(recordSet.type ?? '')
            .toUpperCase()
            .endsWith('/SOA') && !ownRecordSets.has(String(recordSet.name).toLowerCase()),
      )
      .map((recordSet) => `record set ${String(recordSet.name)}`);
    return [...records, ...links.map((link) => `virtual network link ${String(link.name)}`)];
  }

  /** The names of the record sets that the run's zone groups registered in a zone (lower case). */
  private async recordSetsWrittenBy(
    writtenByRun: NonNullable<RunnableStep['writtenByRun']>,
    zoneId: string,
    signal: AbortSignal,
  ): Promise<Set<string>> {
    const zoneGroupType = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
    const written = writtenByRun.filter((write) => isResourceType(write.resourceId, zoneGroupType));
    const groups = await Promise.all(
      written.map((write) => readResource(this.connection.arm, write.resourceId, write.apiVersion, signal)),
    );
    const names = new Set<string>();
    for (const group of groups) {
      for (const config of (valueAt(group?.body, 'properties.privateDnsZoneConfigs') as unknown[] | undefined) ?? []) {
        if (!sameResourceId(valueAt(config, 'properties.privateDnsZoneId') as string | undefined, zoneId)) continue;
        for (const recordSet of (valueAt(config, 'properties.recordSets') as unknown[] | undefined) ?? [])
          names.add(String(valueAt(recordSet, 'recordSetName')).toLowerCase());
      }
    }
    return names;
  }

  /** A zone accepts one link per VNet: if another link already links ours, linking again is neither needed nor allowed. */
  private async virtualNetworkAlreadyLinked(operation: ArmOperation, signal: AbortSignal): Promise<boolean> {
    if (!isResourceType(operation.resourceId, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks')) return false;
    const wanted = valueAt(operation.body, 'properties.virtualNetwork.id');
    const zoneId = parentResourceId(operation.resourceId) ?? '';
    const links = await this.listAll(`${zoneId}/virtualNetworkLinks`, operation.apiVersion, signal);
    return links.some((link) =>
      sameResourceId(valueAt(link, 'properties.virtualNetwork.id') as string | undefined, wanted as string | undefined),
    );
  }

  /** A zone group update must keep every zone the group has now; one more there means someone changed it. */
  private assertKeepsZones(operation: ArmOperation, current: ArmRead): void {
    if (!isResourceType(operation.resourceId, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups')) return;
    const zoneIds = (body: unknown) =>
      ((valueAt(body, 'properties.privateDnsZoneConfigs') as unknown[] | undefined) ?? []).map((config) =>
        String(valueAt(config, 'properties.privateDnsZoneId') ?? ''),
      );
    const wanted = zoneIds(operation.body);
    const dropped = zoneIds(current.body).filter((id) => !wanted.some((candidate) => sameResourceId(candidate, id)));
    if (dropped.length > 0)
      throw lostUpdate(
        resourceNameOf(operation.resourceId),
        dropped.map((id) => `zone ${resourceNameOf(id)}`),
      );
  }

  private assertAsExpected(resourceId: string, current: ArmRead, alreadyApplied = false): void {
    const expected = this.expectationOf(resourceId);
    if (!expected || alreadyApplied) return;
    const changed = Object.entries(expected.values).filter(
      ([path, value]) => !holds(valueAt(current.body, path), value) || !holds(value, valueAt(current.body, path)),
    );
    if (changed.length > 0)
      throw lostUpdate(
        resourceNameOf(resourceId),
        changed.map(([path]) => path),
      );
  }

  private concurrentChange(resourceId: string, current: ArmRead): ConcurrentChangeError {
    const expected = this.expectationOf(resourceId);
    const changed = Object.entries(expected?.values ?? {})
      .filter(([path, value]) => !holds(valueAt(current.body, path), value))
      .map(([path]) => path);
    return lostUpdate(resourceNameOf(resourceId), changed);
  }

  private expectationOf(resourceId: string): Expectation | undefined {
    return this.expectations.find((candidate) => sameResourceId(candidate.resourceId, resourceId));
  }

  /** Every page of a list (someone else's record set may be on a later one); a parent that is gone lists nothing. */
  private async listAll(path: string, apiVersion: string, signal: AbortSignal): Promise<Record<string, unknown>[]> {
    try {
      return await listAllPages<Record<string, unknown>>(this.connection.arm, path, apiVersion, signal);
    } catch (error) {
      if (isRestError(error) && error.statusCode === 404) return [];
      throw error;
    }
  }

  private read(operation: ArmOperation, signal: AbortSignal): Promise<ArmRead | undefined> {
    return readResource(this.connection.arm, operation.resourceId, operation.apiVersion, signal);
  }

  private async send(operation: ArmOperation, signal: AbortSignal): Promise<void> {
    const workspace = isResourceType(operation.resourceId, 'Microsoft.MachineLearningServices/workspaces');
    await sendArmLongRunning(
      this.connection.arm,
      {
        method: operation.method,
        path: operation.resourceId,
        apiVersion: operation.apiVersion,
        ...(operation.body !== undefined ? { body: operation.body } : {}),
        ...(operation.ifMatch ? { ifMatch: operation.ifMatch } : {}),
        ...(operation.ifNoneMatch ? { ifNoneMatch: operation.ifNoneMatch } : {}),
        abortSignal: signal,
      },
      {
        ...(this.connection.pollIntervalInMs !== undefined
          ? { pollIntervalInMs: this.connection.pollIntervalInMs }
          : {}),
        // Workspaces answer 202 + Location, and the final state is read from there.
        ...(workspace && operation.method === 'PATCH' ? { resourceLocationConfig: 'location' as const } : {}),
      },
    );
  }

  /** The executor records the message as it is: make it say what happened and what to do next. */
  private actionable(error: unknown, operation: ArmOperation): Error {
    if (error instanceof StepRefusedError || error instanceof ExplainedStepError || error instanceof LeftBehindError)
      return error;
    const mapped = toAzureAccessError(error, {
      resourceId: operation.resourceId,
      access: 'write',
      requiredRole: roleToWrite(operation.resourceId),
    });
    return Object.assign(mapped, { message: `${mapped.userMessage} ${mapped.action}` });
  }
}

/** With public access Disabled the default action means nothing (ARM may answer Deny): compare what decides access. */
function patchApplied(operation: ArmOperation, current: Record<string, unknown>): boolean {
  const wanted = operation.body;
  if (
    !isResourceType(operation.resourceId, 'Microsoft.MachineLearningServices/workspaces') ||
    valueAt(wanted, 'properties.publicNetworkAccess') !== 'Disabled'
  ) {
    return holds(current, wanted);
  }
  const rules = valueAt(wanted, 'properties.networkAcls.ipRules');
  return (
    valueAt(current, 'properties.publicNetworkAccess') === 'Disabled' &&
    (rules === undefined || holds(valueAt(current, 'properties.networkAcls.ipRules') ?? [], rules))
  );
}

function isCreatingStep(step: RunnableStep): boolean {
  return (step as { creates?: boolean }).creates === true;
}

/** What makes an existing resource "the same one" as the one a create step describes. */
function identityOf(body: unknown): Record<string, unknown> {
  const identity: Record<string, unknown> = {};
  for (const path of ['properties.subnet.id', 'properties.virtualNetwork.id']) {
    const value = valueAt(body, path);
    if (value !== undefined) identity[path] = value;
  }
  const target =
    valueAt(body, 'properties.privateLinkServiceConnections') ??
    valueAt(body, 'properties.manualPrivateLinkServiceConnections');
  const connection: unknown = Array.isArray(target) ? target[0] : undefined;
  const serviceId = valueAt(connection, 'properties.privateLinkServiceId');
  if (serviceId !== undefined) {
    const key = valueAt(body, 'properties.privateLinkServiceConnections')
      ? 'properties.privateLinkServiceConnections'
      : 'properties.manualPrivateLinkServiceConnections';
    // An endpoint to the same service for another group id (file, not blob) is another endpoint.
    // Group ids compare case-insensitively (ARM may echo `Blob`).
    const groupIds = valueAt(connection, 'properties.groupIds');
    const normalized = Array.isArray(groupIds) ? groupIds.map((groupId) => String(groupId).toLowerCase()) : undefined;
    identity[key] = [
      { properties: { privateLinkServiceId: serviceId, ...(normalized ? { groupIds: normalized } : {}) } },
    ];
  }
  return identity;
}
