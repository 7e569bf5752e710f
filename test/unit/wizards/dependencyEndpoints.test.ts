import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { assessHub } from '../../../src/model/assessment';
import { startWizard } from '../../../src/wizards/catalog';
import {
  DEV_GROUP,
  PROD_GROUP,
  endpointIdOf,
  hubIdOf,
  startWizardHarness,
  zoneIdOf,
  zoneNamesOf,
  type WizardHarness,
} from './support';

const BLOB_ZONE = 'privatelink.blob.core.windows.net';
const FILE_ZONE = 'privatelink.file.core.windows.net';
const VAULT_ZONE = 'privatelink.vaultcore.azure.net';
const ACCOUNT_ZONES = [
  'privatelink.cognitiveservices.azure.com',
  'privatelink.openai.azure.com',
  'privatelink.services.ai.azure.com',
];
const DEV_STORAGE = `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`;

describe('Add Private Endpoints to Dependencies', () => {
  let harness: WizardHarness;
  before(async () => {
    harness = await startWizardHarness();
  });
  after(() => harness.close());
  beforeEach(() => harness.admin.reset());

  const ipOf = async (endpointId: string): Promise<string> =>
    (await harness.admin.getProperties(endpointId))?.customDnsConfigs?.[0]?.ipAddresses?.[0] ?? 'no ip';
  const recordIps = async (group: string, zone: string, name: string): Promise<string[]> =>
    ((await harness.admin.getProperties(`${zoneIdOf(group, zone)}/A/${name}`))?.aRecords ?? []).map(
      (record: { ipv4Address: string }) => record.ipv4Address,
    );

  it('from a storage node: adds blob and file with zones, links and zone groups, then closes the storage after a confirmation', async () => {
    const hubId = hubIdOf(DEV_GROUP, 'hub-private');
    const services = harness.services([
      { pickMany: ['blob endpoint of stfoundrydev', 'file endpoint of stfoundrydev'] },
      { pick: 'vnet-hub' },
      { confirm: true }, // vnet-hub overlaps the Docker bridge
      { pick: 'snet-pe' },
      { pick: 'Use these names' },
      { pick: 'Azure Private DNS zones' },
      { pick: 'Disable public network access of stfoundrydev' },
      { pick: /Run these 9 operations/ },
      { confirm: true },
    ]);
    const result = await startWizard('addDependencyPrivateEndpoints', [{ hubId, resourceId: DEV_STORAGE }], services);
    assert.equal(result, 'succeeded', JSON.stringify(services.ui.messages));
    assert.deepEqual(services.ui.unusedAnswers, []);
    const [endpoints] = services.ui.prompts;
    assert.deepEqual(
      endpoints?.picked,
      ['blob endpoint of stfoundrydev', 'file endpoint of stfoundrydev'],
      "the node's resource is pre-selected",
    );
    assert.match(
      endpoints?.placeholder ?? '',
      /lack \(blob endpoint of stfoundrydev, file endpoint of stfoundrydev are selected\)$/,
    );
    assert.ok(endpoints?.items.includes('vault endpoint of kv-foundry-dev — Key vault'), endpoints?.items.join(' | '));
    assert.match(
      services.ui.confirmations.at(-1)?.detail ?? '',
      /stfoundrydev answers only through its private endpoints/,
    );

    for (const [groupId, zone] of [
      ['blob', BLOB_ZONE],
      ['file', FILE_ZONE],
    ] as const) {
      const endpointId = endpointIdOf(DEV_GROUP, `pe-stfoundrydev-${groupId}`);
      assert.equal((await harness.admin.getProperties(endpointId))?.provisioningState, 'Succeeded');
      assert.deepEqual(zoneNamesOf(await harness.admin.getProperties(`${endpointId}/privateDnsZoneGroups/default`)), [
        zone,
      ]);
      assert.equal(
        (await harness.admin.getProperties(`${zoneIdOf(DEV_GROUP, zone)}/virtualNetworkLinks/link-vnet-hub`))
          ?.registrationEnabled,
        false,
      );
      assert.deepEqual(await recordIps(DEV_GROUP, zone, 'stfoundrydev'), [await ipOf(endpointId)]);
    }
    const storage = (await services.directory.readHub(hubId)).dependentResources.find(
      (resource) => resource.kind === 'storage',
    );
    assert.equal(storage?.publicNetworkAccess, 'Disabled');
    assert.deepEqual(storage?.privateEndpoints.map((endpoint) => [endpoint.groupIds.join(), endpoint.status]).sort(), [
      ['blob', 'Approved'],
      ['file', 'Approved'],
    ]);
    assert.match(
      services.ui.messages.at(-1)?.text ?? '',
      /pe-stfoundrydev-blob, pe-stfoundrydev-file work: provisioning Succeeded, connections Approved, A records in every zone/,
    );
    assert.ok(services.directory.changedHubs.includes(hubId), 'the tree redraws the hub');
  });

  it("from the finding's fix: pre-selects that pair, refuses the Basic registry, checks edited names, and a second run has nothing to do", async () => {
    const hubId = hubIdOf(PROD_GROUP, 'hub-dns-incomplete');
    const state = await harness.services([]).directory.readHub(hubId);
    const fix = assessHub(state).findings.find(
      (finding) => finding.id === 'dependency-endpoint-missing' && finding.subject === 'file',
    )?.fix;
    assert.ok(fix, 'the file finding has a fix');
    const pairs = [
      'file endpoint of stfoundryprod',
      'vault endpoint of kv-foundry-prod',
      'account endpoint of ais-foundry-prod',
    ];
    const services = harness.services([
      { pickMany: [...pairs, 'registry endpoint of crfoundryprod'] },
      { pickMany: pairs },
      { pick: 'vnet-prod' },
      { pick: 'Edit the names' },
      { input: ['pe file!', 'pe-prod-file'] },
      { input: ['pe-prod-file', 'pe-prod-vault'] },
      { input: 'pe-prod-account' },
      { pick: 'Azure Private DNS zones' },
      { pick: 'Keep public access' },
      { pick: /Run these/ },
    ]);
    assert.equal(
      await startWizard('addDependencyPrivateEndpoints', fix.args, services),
      'succeeded',
      JSON.stringify(services.ui.messages),
    );
    assert.deepEqual(services.ui.prompts[0]?.picked, ['file endpoint of stfoundryprod']);
    assert.match(
      services.ui.prompts[0]?.placeholder ?? '',
      /lack \(file endpoint of stfoundryprod is selected\)$/,
      "says only the finding's pair is selected",
    );
    assert.ok(
      services.ui.prompts[0]?.items.includes('$(circle-slash) registry endpoint of crfoundryprod — not possible'),
      services.ui.prompts[0]?.items.join(' | '),
    );
    assert.match(
      services.ui.messages[0]?.text ?? '',
      /crfoundryprod cannot have a registry endpoint: Basic SKU: only Premium registries/,
    );
    const validation = services.ui.validationMessages.map((entry) => entry.message ?? 'ok');
    assert.deepEqual(
      validation.map((message) => message.slice(0, 40)),
      ['A private endpoint name can contain only', 'ok', 'The file endpoint of stfoundryprod alrea', 'ok', 'ok'],
    );

    const fileEndpoint = endpointIdOf(PROD_GROUP, 'pe-prod-file');
    assert.deepEqual(zoneNamesOf(await harness.admin.getProperties(`${fileEndpoint}/privateDnsZoneGroups/default`)), [
      FILE_ZONE,
    ]);
    assert.deepEqual(await recordIps(PROD_GROUP, FILE_ZONE, 'stfoundryprod'), [await ipOf(fileEndpoint)]);
    assert.deepEqual(await recordIps(PROD_GROUP, VAULT_ZONE, 'kv-foundry-prod'), [
      await ipOf(endpointIdOf(PROD_GROUP, 'pe-prod-vault')),
    ]);
    assert.deepEqual(
      zoneNamesOf(
        await harness.admin.getProperties(
          `${endpointIdOf(PROD_GROUP, 'pe-prod-account')}/privateDnsZoneGroups/default`,
        ),
      ),
      ACCOUNT_ZONES,
    );
    for (const zone of [FILE_ZONE, VAULT_ZONE, ...ACCOUNT_ZONES]) {
      assert.equal(
        (await harness.admin.getProperties(`${zoneIdOf(PROD_GROUP, zone)}/virtualNetworkLinks/link-vnet-prod`))
          ?.registrationEnabled,
        false,
        zone,
      );
    }
    assert.equal(
      (
        await harness.admin.getProperties(
          `${PROD_GROUP}/providers/Microsoft.CognitiveServices/accounts/ais-foundry-prod`,
        )
      )?.publicNetworkAccess,
      'Enabled',
      'kept',
    );

    const again = harness.services([]);
    assert.equal(await startWizard('addDependencyPrivateEndpoints', fix.args, again), 'nothingToDo');
    assert.deepEqual(again.ui.prompts, [], 'nothing was asked');
    assert.match(
      again.ui.messages[0]?.text ?? '',
      /Every dependency of hub-dns-incomplete that can have private endpoints has them\. crfoundryprod cannot/,
    );
    assert.match(again.ui.messages[1]?.text ?? '', /nothing to change, everything is already in place/);
  });

  it("from the palette, with the user's own DNS: only the endpoint, and the zone and FQDN the DNS team needs", async () => {
    const services = harness.services([
      { pick: 'Contoso AI (dev)' },
      { pick: 'hub-private' },
      { pickMany: ['vault endpoint of kv-foundry-dev'] },
      { pick: 'vnet-hub' },
      { confirm: true },
      { pick: 'snet-pe' },
      { pick: 'Use these names' },
      { pick: 'My own DNS' },
      { pick: 'Keep public access' },
      { pick: /Run this operation/ },
    ]);
    assert.equal(
      await startWizard('addDependencyPrivateEndpoints', [], services),
      'succeeded',
      JSON.stringify(services.ui.messages),
    );
    assert.deepEqual(
      services.ui.prompts[2]?.picked,
      [
        'blob endpoint of stfoundrydev',
        'file endpoint of stfoundrydev',
        'vault endpoint of kv-foundry-dev',
        'registry endpoint of crfoundrydev',
      ],
      'started on the hub: every missing endpoint is pre-selected',
    );
    assert.match(services.ui.prompts[2]?.placeholder ?? '', /lack \(all of them are selected\)$/);
    const endpointId = endpointIdOf(DEV_GROUP, 'pe-kv-foundry-dev-vault');
    assert.equal(
      await harness.admin.getResource(`${endpointId}/privateDnsZoneGroups/default`),
      undefined,
      'no zone group',
    );
    assert.equal(await harness.admin.getResource(zoneIdOf(DEV_GROUP, VAULT_ZONE)), undefined, 'no zone');
    const ip = await ipOf(endpointId);
    assert.ok(
      services.ui.documents[0]?.content.includes(
        `| pe-kv-foundry-dev-vault | ${VAULT_ZONE} | kv-foundry-dev.vault.azure.net | ${ip} |`,
      ),
      services.ui.documents[0]?.content,
    );
  });
});
