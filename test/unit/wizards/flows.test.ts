import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startWizard } from '../../../src/wizards/catalog';
import { addPrivateEndpointWizard } from '../../../src/wizards/flows/addPrivateEndpoint';
import { runWizard } from '../../../src/wizards/framework/wizard';
import {
  API_ZONE,
  DEV_GROUP,
  NOTEBOOKS_ZONE,
  PROD_GROUP,
  endpointIdOf,
  hubIdOf,
  startWizardHarness,
  zoneNamesOf,
  zoneIdOf,
  type WizardHarness,
} from './support';

describe('wizards against the demo topology', () => {
  let harness: WizardHarness;
  before(async () => {
    harness = await startWizardHarness();
  });
  after(() => harness.close());
  beforeEach(() => harness.admin.reset());

  const writes = async () =>
    (await harness.admin.requests()).filter(
      (entry) => entry.method !== 'GET' && entry.path.startsWith('/subscriptions'),
    );

  it('Back returns to the last question shown, and Escape changes nothing', async () => {
    await harness.admin.clearRequests();
    const services = harness.services([
      { pick: 'vnet-hub' },
      { confirm: true },
      { pick: 'snet-pe' },
      'back',
      { pick: 'snet-workload' },
      { input: 'pe-x' },
      'escape',
    ]);
    assert.equal(await runWizard(addPrivateEndpointWizard, [hubIdOf(DEV_GROUP, 'hub-public')], services), 'cancelled');
    assert.deepEqual(
      services.ui.prompts.map((prompt) => prompt.kind),
      ['pick', 'pick', 'input', 'pick', 'input', 'pick'],
    );
    assert.equal(
      services.ui.prompts[0]?.canGoBack,
      false,
      'the subscription and hub were given: the VNet is the first question',
    );
    assert.equal(services.ui.prompts[1]?.canGoBack, true);
    assert.match(services.ui.prompts[3]?.placeholder ?? '', /subnet/);
    assert.match(
      services.ui.prompts[3]?.items.find((item) => item.startsWith('snet-workload')) ?? '',
      /network policies Enabled/,
    );
    assert.deepEqual(await writes(), []);
  });

  it('Configure Private DNS creates only the missing notebooks zone, its link and zone-group entry; a second run has nothing to do', async () => {
    const hubId = hubIdOf(PROD_GROUP, 'hub-dns-incomplete');
    const apiBefore = await harness.admin.getResource(zoneIdOf(PROD_GROUP, API_ZONE));
    const services = harness.services([{ pick: /Run these 3 operations/ }]);
    assert.equal(
      await startWizard('configurePrivateDns', [hubId], services),
      'succeeded',
      JSON.stringify(services.ui.messages),
    );
    const group = await harness.admin.getProperties(
      `${endpointIdOf(PROD_GROUP, 'pe-hub-dns-incomplete')}/privateDnsZoneGroups/default`,
    );
    assert.deepEqual(zoneNamesOf(group), [API_ZONE, NOTEBOOKS_ZONE]);
    assert.equal(
      (await harness.admin.getResource(`${zoneIdOf(PROD_GROUP, NOTEBOOKS_ZONE)}/virtualNetworkLinks/link-vnet-prod`))
        ?.properties?.registrationEnabled,
      false,
    );
    assert.equal(
      (await harness.admin.getResource(zoneIdOf(PROD_GROUP, API_ZONE)))?.etag,
      apiBefore?.etag,
      'the existing api zone is untouched',
    );
    assert.match(services.ui.messages.at(-1)?.text ?? '', /complete: both zones linked/);

    const again = harness.services([]);
    assert.equal(await startWizard('configurePrivateDns', [hubId], again), 'nothingToDo');
  });

  it('Verify passes every check on the private hub, and offers the DNS fix on the incomplete one', async () => {
    const passing = harness.services([]);
    assert.equal(await startWizard('verifyPrivateEndpoint', [hubIdOf(DEV_GROUP, 'hub-private')], passing), 'finished');
    // Provisioning, approval; per zone: exists, linked; then each of the hub's names (api, cert, inference; notebooks).
    assert.match(passing.ui.messages[0]?.text ?? '', /all 10 checks passed/);

    const failing = harness.services([{ pick: /Zone privatelink.notebooks.azure.net exists/ }, { pick: /Run these/ }]);
    await startWizard('verifyPrivateEndpoint', [hubIdOf(PROD_GROUP, 'hub-dns-incomplete')], failing);
    assert.match(failing.ui.prompts[0]?.placeholder ?? '', /2 of 9 checks failed/);
    assert.ok(
      await harness.admin.getResource(zoneIdOf(PROD_GROUP, NOTEBOOKS_ZONE)),
      'the fix created the missing zone',
    );
  });

  it('Remove Private Endpoint warns that the hub does not become public, deletes the endpoint and its records, and keeps the zones', async () => {
    const hubId = hubIdOf(DEV_GROUP, 'hub-private');
    const services = harness.services([
      { pick: 'Remove the endpoint and its DNS records' },
      { pick: /Run these/ },
      { confirm: true },
    ]);
    assert.equal(
      await startWizard('removePrivateEndpoint', [endpointIdOf(DEV_GROUP, 'pe-hub-private')], services),
      'succeeded',
    );
    assert.match(services.ui.confirmations[0]?.detail ?? '', /does NOT make the hub public/);
    assert.equal(await harness.admin.getResource(endpointIdOf(DEV_GROUP, 'pe-hub-private')), undefined);
    const state = await services.directory.readHub(hubId);
    assert.equal(state.workspace.publicNetworkAccess, 'Disabled');
    for (const zone of state.dnsZones) {
      assert.equal(zone.exists, true, `${zone.zoneName} stays`);
      assert.deepEqual(zone.aRecords, [], `${zone.zoneName} has no records left`);
    }
  });

  it('Approve records the decision and its description after a modal confirmation', async () => {
    const services = harness.services([
      { pick: 'Approve' },
      { input: ['', 'Approved for the data team'] },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    assert.equal(
      await startWizard('approveOrRejectConnection', [hubIdOf(DEV_GROUP, 'hub-pending')], services),
      'succeeded',
    );
    assert.match(services.ui.validationMessages[0]?.message ?? '', /Enter a description/);
    const state = await services.directory.readHub(hubIdOf(DEV_GROUP, 'hub-pending'));
    assert.deepEqual(
      state.privateEndpointConnections.map((connection) => [connection.status, connection.description]),
      [['Approved', 'Approved for the data team']],
    );
  });

  it('Set Public Network Access to all networks saves the rules first, lists them with the plan and asks before exposing', async () => {
    const hubId = hubIdOf(DEV_GROUP, 'hub-selected-ips');
    const services = harness.services([
      { pick: 'Enabled from all networks' },
      { pick: 'Save the current rules' },
      { pick: 'Show the ARM operations' },
      { pick: 'Show as az script' },
      { pick: /Run this/ },
      { confirm: false },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    assert.equal(await startWizard('setPublicNetworkAccess', [hubId], services), 'succeeded');
    assert.match(services.ui.prompts[0]?.items.join('|') ?? '', /\(current\) only the listed/);
    assert.match(services.ui.documents[0]?.content ?? '', /52\.174\.12\.0\/24\n20\.42\.11\.5\n20\.50\.64\.0\/20/);
    assert.match(services.ui.documents[1]?.content ?? '', /IP rules this change removes[\s\S]*20\.50\.64\.0\/20/);
    assert.match(services.ui.documents[2]?.content ?? '', /^#!\/usr\/bin\/env bash[\s\S]*az rest --method=patch/);
    assert.equal(services.ui.confirmations.length, 2);
    assert.ok(
      services.ui.logLines.some((line) => line.includes('20.42.11.5')),
      'the removed rules are in the log',
    );
    const workspace = (await services.directory.readHub(hubId)).workspace;
    assert.equal(workspace.publicNetworkAccess, 'Enabled');
    assert.deepEqual(workspace.networkAcls, { defaultAction: 'Allow', ipRules: [] });
  });

  it('Edit IP Rules checks a pasted list like the YAML rules and writes Deny plus the rules', async () => {
    const hubId = hubIdOf(DEV_GROUP, 'hub-public');
    const services = harness.services([
      { pick: 'Add rules' },
      {
        input: [
          '10.0.0.1',
          '52.1.2.3/24',
          '52.1.2.0/24, 52.1.2.0/24',
          '52.1.0.0/16 52.1.2.0/24',
          '2001:db8::1',
          '52.1.2.0/24,\n20.30.40.50',
        ],
      },
      { pick: /Run this/ },
    ]);
    assert.equal(await startWizard('editIpRules', [hubId], services), 'succeeded');
    const messages = services.ui.validationMessages.map((entry) => entry.message ?? 'ok');
    assert.match(messages[0]!, /reserved range 10\.0\.0\.0\/8/);
    assert.match(messages[1]!, /host bits set; the network is 52\.1\.2\.0\/24/);
    assert.match(messages[2]!, /listed twice/);
    assert.match(messages[3]!, /lies inside "52\.1\.0\.0\/16"/);
    assert.match(messages[4]!, /IPv6/);
    assert.equal(messages[5], 'ok');
    const workspace = (await services.directory.readHub(hubId)).workspace;
    assert.deepEqual(workspace.networkAcls, { defaultAction: 'Deny', ipRules: ['52.1.2.0/24', '20.30.40.50'] });

    const removal = harness.services([
      { pick: 'Remove rules' },
      { pickMany: ['20.30.40.50'] },
      { pick: /Run this/ },
      { confirm: true },
    ]);
    await startWizard('editIpRules', [hubId], removal);
    assert.deepEqual((await removal.directory.readHub(hubId)).workspace.networkAcls?.ipRules, ['52.1.2.0/24']);
  });

  it("Export Custom DNS Records opens the A records with the endpoint's private IP as a BIND snippet", async () => {
    const services = harness.services([{ pick: 'BIND zone snippet' }]);
    assert.equal(
      await startWizard('exportCustomDnsRecords', [hubIdOf(DEV_GROUP, 'hub-private')], services),
      'finished',
    );
    const state = await services.directory.readHub(hubIdOf(DEV_GROUP, 'hub-private'));
    const ip = state.privateEndpointConnections[0]?.privateEndpoint?.privateIpAddresses[0] ?? 'none';
    const document = services.ui.documents[0]?.content ?? '';
    assert.match(document, /\$ORIGIN api\.azureml\.ms\./);
    assert.match(document, /\$ORIGIN notebooks\.azure\.net\./);
    assert.ok(document.includes(`\tIN\tA\t${ip}`), document);
  });

  it('Disable Public Access of a Dependency closes the public storage account of a hub after a modal confirmation', async () => {
    const storageId = `${DEV_GROUP}/providers/Microsoft.Storage/storageAccounts/stfoundrydev`;
    // stfoundrydev is the hub's only public dependency: picked without asking.
    const services = harness.services([{ pick: /Run this/ }, { confirm: true }]);
    assert.equal(
      await startWizard('disableDependencyPublicAccess', [hubIdOf(DEV_GROUP, 'hub-public')], services),
      'succeeded',
    );
    assert.match(services.ui.confirmations[0]?.detail ?? '', /answers only through its private endpoints/);
    assert.equal((await harness.admin.getProperties(storageId))?.publicNetworkAccess, 'Disabled');
    // From the finding, with the resource id alone; the runner finds it already Disabled and writes nothing.
    const again = harness.services([{ pick: /Run this/ }, { confirm: true }]);
    assert.equal(await startWizard('disableDependencyPublicAccess', [storageId], again), 'succeeded');
    assert.ok(
      again.ui.logLines.some((line) => /already in place, reused/.test(line)),
      again.ui.logLines.join('\n'),
    );
  });

  it('Add Private Endpoint with central zones links nothing twice; with policy-managed or own DNS it hands over the records', async () => {
    const base = (dns: string) =>
      [
        { pick: 'vnet-hub' },
        { confirm: true },
        { pick: 'snet-pe' },
        { input: `pe-${dns.split(' ')[0]?.toLowerCase()}` },
        { pick: dns },
      ] as const;
    const central = harness.services([
      ...base('Existing central zones'),
      { pick: 'rg-foundry-dev' },
      { pick: 'Keep public access' },
      { pick: /Run these 2 operations/ },
    ]);
    assert.equal(await runWizard(addPrivateEndpointWizard, [hubIdOf(DEV_GROUP, 'hub-public')], central), 'succeeded');
    assert.deepEqual(
      zoneNamesOf(
        await harness.admin.getProperties(`${endpointIdOf(DEV_GROUP, 'pe-existing')}/privateDnsZoneGroups/default`),
      ),
      [API_ZONE, NOTEBOOKS_ZONE],
    );

    const policy = harness.services([
      ...base('Managed by policy'),
      { pick: 'Keep public access' },
      { pick: /Run this operation/ },
    ]);
    assert.equal(
      await runWizard(addPrivateEndpointWizard, [hubIdOf(DEV_GROUP, 'hub-selected-ips')], policy),
      'succeeded',
    );
    assert.match(
      policy.ui.documents[0]?.content ?? '',
      /\| privatelink\.notebooks\.azure\.net \| ml-hub-selected-ips-eastus-[0-9a-f-]+\.eastus \| 172\.17\.1\.\d+ \|/,
    );
    assert.equal(
      await harness.admin.getResource(`${endpointIdOf(DEV_GROUP, 'pe-managed')}/privateDnsZoneGroups/default`),
      undefined,
      'no zone group',
    );

    const own = harness.services([
      ...base('My own DNS'),
      { pick: 'Keep public access' },
      { pick: /Run this operation/ },
      { button: 'Export DNS records' },
    ]);
    await harness.admin.reset();
    assert.equal(await runWizard(addPrivateEndpointWizard, [hubIdOf(DEV_GROUP, 'hub-public')], own), 'succeeded');
    assert.match(
      own.ui.documents[0]?.content ?? '',
      /^172\.17\.1\.\d+\s+[0-9a-f-]+\.workspace\.eastus\.cert\.api\.azureml\.ms$/m,
    );
  });

  it('Set Public Network Access opens a Disabled hub to all networks, not to "selected IPs" with no rules', async () => {
    // The service keeps a Disabled workspace's networkAcls as Deny with no rules: Enabled alone would block everyone.
    const hubId = hubIdOf(DEV_GROUP, 'hub-private');
    assert.deepEqual((await harness.admin.getProperties(hubId))?.networkAcls, { defaultAction: 'Deny', ipRules: [] });
    const open = harness.services([{ pick: 'Enabled from all networks' }, { pick: /Run this/ }, { confirm: true }]);
    assert.equal(
      await startWizard('setPublicNetworkAccess', [hubId], open),
      'succeeded',
      JSON.stringify(open.ui.messages),
    );
    const stored = await harness.admin.getProperties(hubId);
    assert.equal(stored?.publicNetworkAccess, 'Enabled');
    assert.equal(stored?.networkAcls?.defaultAction, 'Allow');
    assert.equal((await open.directory.readHub(hubId)).workspace.networkAcls?.defaultAction, 'Allow');
  });
});
