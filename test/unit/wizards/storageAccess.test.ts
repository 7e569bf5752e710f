/**
 * Configure Private Storage Access… against the emulator: the prod hub's storage (stfoundryprod) gets a file endpoint
 * next to its blob one, and its project a storage connection that uses the account key.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sendArm } from '../../../src/azure/armRequest';
import { API_VERSIONS } from '../../../src/azure/apiVersions';
import { startWizard } from '../../../src/wizards/catalog';
import { MemoryRunStore, type SavedRun } from '../../../src/wizards/execution/runStore';
import type { ScriptedAnswer } from '../../../src/wizards/framework/scriptedUi';
import { BUILT_IN_ROLES, PROD_SUBSCRIPTION_ID } from '../../../src/emulator/builders';
import { DEV_GROUP, PROD_GROUP, hubIdOf, startWizardHarness, type WizardHarness } from './support';
import {
  PROD_HUB as HUB,
  PROD_PROJECT as PROJECT,
  PROD_STORAGE as STORAGE,
  PROD_STORAGE_BLOB_ENDPOINT as PE_BLOB,
  PROD_STORAGE_FILE_ENDPOINT as PE_FILE,
  storageAccessTopology,
} from './storageAccessTopology';

const SEARCH = '5a1d0e6c-0000-4000-8000-00000000a150';
const DEVELOPERS = ['d0000000-0000-4000-8000-0000000000d1', 'd0000000-0000-4000-8000-0000000000d2'];
/** The identities as the emulator holds them. */
let projectPrincipal = '';
let aiServicesPrincipal = '';

type Grant = readonly [role: string, principal: string, scope: string];

/** Every role assignment in the prod resource group (at it and below), as sorted [role guid, principal, scope]. */
async function grants(harness: WizardHarness): Promise<Grant[]> {
  const answer = await sendArm<{
    value: { properties: { roleDefinitionId: string; principalId: string; scope: string } }[];
  }>(harness.connection.arm, {
    method: 'GET',
    path: `${PROD_GROUP}/providers/Microsoft.Authorization/roleAssignments`,
    apiVersion: API_VERSIONS.authorization,
  });
  return answer.body.value
    .map(
      ({ properties }) =>
        [properties.roleDefinitionId.split('/').pop() ?? '', properties.principalId, properties.scope] as const,
    )
    .sort((a, b) => a.join().localeCompare(b.join()));
}

const sorted = (list: Grant[]): Grant[] => [...list].sort((a, b) => a.join().localeCompare(b.join()));

/** Started from the storage node; AI Services picked, AI Search and two developer groups typed. */
const STORAGE_NODE = { hubId: HUB, resourceId: STORAGE };
const FULL_ANSWERS: readonly ScriptedAnswer[] = [
  { pick: 'ais-foundry-prod' },
  { input: SEARCH },
  { input: DEVELOPERS.join('\n') },
  { pick: 'Groups' },
];

/** A run store that acts once, between the review and the first write. */
class BeforeExecution extends MemoryRunStore {
  private acted = false;
  constructor(private readonly act: (run: SavedRun) => Promise<void>) {
    super();
  }
  override async save(run: SavedRun): Promise<void> {
    if (!this.acted) {
      this.acted = true;
      await this.act(run);
    }
    await super.save(run);
  }
}

describe('Configure Private Storage Access', () => {
  let harness: WizardHarness;
  let seeded: Grant[];
  before(async () => {
    harness = await startWizardHarness();
  });
  after(() => harness.close());
  beforeEach(async () => {
    await harness.admin.reset(storageAccessTopology());
    await harness.admin.clearFaults();
    projectPrincipal = (await harness.admin.getResource(PROJECT))?.identity?.principalId ?? '';
    aiServicesPrincipal =
      (await harness.admin.getResource(`${PROD_GROUP}/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod`))
        ?.identity?.principalId ?? '';
    seeded = await grants(harness);
  });

  it('grants exactly the missing roles (Reader on the new file endpoint, AI Search, developers); a second run has nothing to change', async () => {
    const services = harness.services([...FULL_ANSWERS, { pick: /Run these 4 operations/ }]);
    await harness.admin.clearRequests();
    assert.equal(
      await startWizard('configurePrivateStorageAccess', [STORAGE_NODE], services),
      'succeeded',
      JSON.stringify(services.ui.messages),
    );
    assert.deepEqual(
      seeded,
      sorted([
        [BUILT_IN_ROLES.storageBlobDataContributor, aiServicesPrincipal, STORAGE],
        [BUILT_IN_ROLES.storageFileDataPrivilegedContributor, projectPrincipal, STORAGE],
        [BUILT_IN_ROLES.reader, projectPrincipal, PE_BLOB],
      ]),
    );
    assert.deepEqual(
      await grants(harness),
      sorted([
        ...seeded,
        [BUILT_IN_ROLES.reader, projectPrincipal, PE_FILE],
        [BUILT_IN_ROLES.storageBlobDataContributor, SEARCH, STORAGE],
        [BUILT_IN_ROLES.storageBlobDataReader, DEVELOPERS[0]!, STORAGE],
        [BUILT_IN_ROLES.storageBlobDataReader, DEVELOPERS[1]!, STORAGE],
      ]),
    );
    const writes = (await harness.admin.requests()).filter((entry) => entry.method === 'PUT').length;
    assert.equal(writes, 4, 'one PUT per missing assignment');
    assert.match(
      services.ui.messages.find((message) => message.kind === 'warning')?.text ?? '',
      /"stfoundryprod-data" of project proj-dns-incomplete \(authType AccountKey\)[\s\S]*Microsoft Entra ID/,
    );
    assert.match(services.ui.messages.at(-1)?.text ?? '', /are in place/);
    // One principal type for the whole pasted list: both questions say so.
    const developersPrompt = services.ui.prompts.find(
      (prompt) => prompt.kind === 'input' && /Storage Blob Data Reader/.test(prompt.placeholder),
    );
    assert.match(
      developersPrompt?.placeholder ?? '',
      /all users or all groups \(for a mix, run this wizard once for each\)/,
    );
    const typePrompt = services.ui.prompts.find((prompt) =>
      prompt.items.includes('Groups — principal type Group (recommended: one group for the team)'),
    );
    assert.match(
      typePrompt?.placeholder ?? '',
      /^What are all 2 object ids\? The answer applies to each of them; for a mix of users and groups, run the wizard twice\.$/,
    );

    const again = harness.services([...FULL_ANSWERS]);
    assert.equal(await startWizard('configurePrivateStorageAccess', [STORAGE_NODE], again), 'nothingToDo');
    assert.match(again.ui.messages.at(-1)?.text ?? '', /nothing to change/);
  });

  it('from the palette: the only hub and project are answered by themselves; the review lists the keys warning', async () => {
    // The prod subscription has one hub and the hub one project: both are answered without asking.
    const services = harness.services([
      { pick: 'Contoso AI (prod)' },
      { pick: 'Skip' },
      { input: '' },
      { input: '' },
      { pick: 'Show the ARM operations' },
      'escape',
    ]);
    assert.equal(await startWizard('configurePrivateStorageAccess', [], services), 'cancelled');
    assert.deepEqual(
      services.ui.prompts.map((prompt) => prompt.kind),
      ['pick', 'pick', 'input', 'input', 'pick', 'pick'],
    );
    assert.match(
      services.ui.prompts[4]?.placeholder ?? '',
      /Review: Grant private access to storage account stfoundryprod/,
    );
    const operations = services.ui.documents[0]?.content ?? '';
    assert.match(operations, /PUT .*pe-stfoundryprod-file\/providers\/Microsoft.Authorization\/roleAssignments\//);
    assert.match(operations, /authType AccountKey/);
    assert.deepEqual(await grants(harness), seeded, 'nothing written');
  });

  it('Roll back deletes only the assignments this run created', async () => {
    const runs = new BeforeExecution(async (run) => {
      const last = run.plan.steps.at(-1)!.operation.resourceId;
      await harness.admin.injectFault({
        method: 'PUT',
        pathPattern: `${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
        kind: 'status',
        status: 500,
        count: 3,
      });
    });
    const services = harness.services([...FULL_ANSWERS, { pick: /Run these 4/ }, { button: 'Roll back' }], runs);
    assert.equal(
      await startWizard('configurePrivateStorageAccess', [STORAGE_NODE], services),
      'rolledBack',
      JSON.stringify(services.ui.messages),
    );
    assert.match(services.ui.messages.find((message) => message.kind === 'error')?.text ?? '', /failed/);
    assert.deepEqual(await grants(harness), seeded, 'the three created assignments are gone, the seeded ones stay');
  });

  it('an assignment someone else created meanwhile counts as granted (409 RoleAssignmentExists), and is not rolled back', async () => {
    const othersName = randomUUID();
    const runs = new BeforeExecution(async () => {
      await sendArm(harness.connection.arm, {
        method: 'PUT',
        path: `${STORAGE}/providers/Microsoft.Authorization/roleAssignments/${othersName}`,
        apiVersion: API_VERSIONS.authorization,
        body: {
          properties: {
            roleDefinitionId: `/subscriptions/${PROD_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES.storageBlobDataContributor}`,
            principalId: SEARCH,
            principalType: 'ServicePrincipal',
          },
        },
      });
    });
    const services = harness.services([...FULL_ANSWERS, { pick: /Run these 4/ }], runs);
    assert.equal(
      await startWizard('configurePrivateStorageAccess', [STORAGE_NODE], services),
      'succeeded',
      JSON.stringify(services.ui.messages),
    );
    assert.ok(
      services.ui.logLines.some((line) => /^= .*AI Search identity.*already in place/.test(line)),
      services.ui.logLines.join('\n'),
    );
    const search = (await grants(harness)).filter(([, principal]) => principal === SEARCH);
    assert.equal(search.length, 1);
    assert.ok(
      await harness.admin.getResource(`${STORAGE}/providers/Microsoft.Authorization/roleAssignments/${othersName}`),
      'the other assignment is the one that stays',
    );
  });

  it('shows what is wrong with typed object ids, inline', async () => {
    const services = harness.services([
      { pick: 'Skip' },
      { input: ['not-a-guid', `{${SEARCH}}`, SEARCH] },
      { input: [`${DEVELOPERS[0]}, ${DEVELOPERS[0]!.toUpperCase()}`, `${DEVELOPERS[0]} x`, DEVELOPERS[0]!] },
      'escape',
    ]);
    assert.equal(await startWizard('configurePrivateStorageAccess', [STORAGE_NODE], services), 'cancelled');
    const messages = services.ui.validationMessages.map((entry) => entry.message ?? 'ok');
    assert.match(messages[0]!, /"not-a-guid" is not an object id: expected a GUID/);
    assert.match(messages[1]!, /Leave out the braces/);
    assert.equal(messages[2], 'ok');
    assert.match(messages[3]!, /listed twice/);
    assert.match(messages[4]!, /"x" is not an object id/);
    assert.equal(messages[5], 'ok');
  });

  it('a project without a managed identity gets an error that says how to turn it on', async () => {
    await harness.admin.reset(storageAccessTopology({ projectIdentity: false }));
    const projectNode = { hubId: HUB, resourceId: PROJECT };
    await assert.rejects(
      startWizard('configurePrivateStorageAccess', [projectNode], harness.services([])),
      /proj-dns-incomplete has no system-assigned managed identity[\s\S]*Identity → System assigned → On/,
    );
  });

  it('storage without private endpoints: Stop changes nothing; Continue grants only the account-scope role', async () => {
    const hubPrivate = hubIdOf(DEV_GROUP, 'hub-private');
    const stopped = harness.services([{ pick: 'Stop' }]);
    assert.equal(await startWizard('configurePrivateStorageAccess', [hubPrivate], stopped), 'cancelled');
    assert.match(stopped.ui.prompts[0]?.placeholder ?? '', /stfoundrydev has no private endpoint/);
    assert.match(stopped.ui.messages[0]?.text ?? '', /Nothing was changed\. Add blob and file private endpoints/);

    const continued = harness.services([
      { pick: 'Continue' },
      { input: '' },
      { input: '' },
      { pick: 'Show the ARM operations' },
      { pick: /Run this operation/ },
    ]);
    assert.equal(
      await startWizard('configurePrivateStorageAccess', [hubPrivate], continued),
      'succeeded',
      JSON.stringify(continued.ui.messages),
    );
    assert.match(
      continued.ui.documents[0]?.content ?? '',
      /stfoundrydev has no approved blob or file private endpoint\. Add them, then run this wizard again/,
    );
    const project = (await harness.admin.getResource(hubIdOf(DEV_GROUP, 'proj-private')))?.identity?.principalId;
    const created = await sendArm<{ value: { properties: { roleDefinitionId: string; principalId: string } }[] }>(
      harness.connection.arm,
      {
        method: 'GET',
        path: `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev/providers/Microsoft.Authorization/roleAssignments`,
        apiVersion: API_VERSIONS.authorization,
      },
    );
    assert.deepEqual(
      created.body.value.map(({ properties }) => [
        properties.roleDefinitionId.split('/').pop(),
        properties.principalId,
      ]),
      [[BUILT_IN_ROLES.storageFileDataPrivilegedContributor, project]],
    );
  });
});
