/**
 * The hub assessment: for every finding id, a case that raises it and a look-alike that must not; and the verdicts.
 * The look-alikes are the traps that made the tree say "DNS complete" for a hub none of whose records were its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FINDING_IDS, assessHub, type Finding, type FindingId } from '../../../src/model/assessment';
import type { DependentResource, HubNetworkState, PrivateDnsZoneStatus } from '../../../src/model/hubState';
import { ROLES } from '../../../src/model/roles';
import { WIZARD_COMMANDS } from '../../../src/wizards/ids';
import {
  HUB_GUID,
  HUB_ID,
  PE_ID,
  VNET_ID,
  approvedConnection,
  healthyEndpoint,
  healthyPrivateHub,
  healthyZones,
  privateDependents,
  privateWorkspace,
} from '../../builders/hubState';

const OTHER_GUID = '99999999-8888-4777-8666-555555555555';
const OTHER_VNET = VNET_ID.replace('vnet-hub', 'vnet-spoke');
const STORAGE_ID = privateDependents()[0]!.id;
const PROJECT_ID = HUB_ID.replace('hub-sales', 'proj-sales');
const PROJECT_PRINCIPAL = '11111111-2222-4333-8444-555555555555';

function ids(state: HubNetworkState): FindingId[] {
  return assessHub(state).findings.map((finding) => finding.id);
}

function only(state: HubNetworkState, id: FindingId): Finding {
  const found = assessHub(state).findings.filter((finding) => finding.id === id);
  assert.equal(found.length, 1, `expected one ${id}, got ${found.map((f) => f.id).join(', ') || 'none'}`);
  return found[0]!;
}

const withWorkspace = (overrides: Partial<HubNetworkState['workspace']>, state = healthyPrivateHub()) => ({
  ...state,
  workspace: { ...privateWorkspace(), ...overrides },
});

const selectedIps = (...ipRules: string[]) =>
  withWorkspace({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Deny', ipRules } });

function withZones(change: (api: PrivateDnsZoneStatus, notebooks: PrivateDnsZoneStatus) => PrivateDnsZoneStatus[]) {
  const [api, notebooks] = healthyZones();
  return healthyPrivateHub({ dnsZones: change(api!, notebooks!) });
}

function withDependent(kind: DependentResource['kind'], change: (resource: DependentResource) => DependentResource) {
  return healthyPrivateHub({
    dependentResources: privateDependents().map((resource) => (resource.kind === kind ? change(resource) : resource)),
  });
}

/** A private hub whose private storage is used by one project, with the table's roles granted unless left out. */
function withProjectStorage(options: { connectionAuth?: string; grantReaderOnEndpoints?: boolean } = {}) {
  const storage = privateDependents()[0]!;
  const grants = [
    {
      roleDefinitionId: ROLES.storageFileDataPrivilegedContributor.id,
      principalId: PROJECT_PRINCIPAL,
      scope: STORAGE_ID,
    },
    ...(options.grantReaderOnEndpoints === false
      ? []
      : storage.privateEndpoints.map((endpoint) => ({
          roleDefinitionId: `/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${ROLES.reader.id}`,
          principalId: PROJECT_PRINCIPAL,
          scope: endpoint.id,
        }))),
  ];
  return healthyPrivateHub({
    projects: [{ id: PROJECT_ID, name: 'proj-sales', workspaceId: OTHER_GUID, principalId: PROJECT_PRINCIPAL }],
    storageAccess: {
      connections: [
        {
          name: 'workspaceblobstore',
          owner: 'project proj-sales',
          category: 'AzureBlob',
          authType: options.connectionAuth ?? 'AAD',
          metadata: { ResourceId: STORAGE_ID },
        },
      ],
      roleAssignments: grants,
    },
  });
}

/** For every finding id: a state that raises it, and a look-alike that must not. */
const CASES: Record<FindingId, { raises: () => HubNetworkState; lookAlike: () => HubNetworkState; why: string }> = {
  'public-network-access-enabled': {
    raises: () =>
      withWorkspace({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow', ipRules: [] } }),
    lookAlike: () => selectedIps('52.1.2.3'),
    why: 'Enabled with a Deny default action is "selected IPs", not all networks',
  },
  'ip-rules-unreadable': {
    raises: () =>
      withWorkspace({ publicNetworkAccess: 'Enabled', networkAclsRead: { succeeded: false, message: 'refused' } }),
    lookAlike: () => withWorkspace({ networkAclsRead: { succeeded: false, message: 'refused' } }),
    why: 'with public access Disabled the rules do not decide anything',
  },
  'ip-rules-ignored': {
    raises: () =>
      withWorkspace({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow', ipRules: ['52.1.2.3'] } }),
    lookAlike: () => selectedIps('52.1.2.3'),
    why: 'the same rule under Deny is in force',
  },
  'ip-rule-reserved-range': {
    raises: () => selectedIps('52.1.2.3', '10.0.0.0/8'),
    lookAlike: () => selectedIps('52.1.2.3', '11.0.0.0/8'),
    why: '11.0.0.0/8 is public',
  },
  'no-private-endpoint': {
    raises: () => healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), status: 'Pending' }] }),
    lookAlike: () => healthyPrivateHub(),
    why: 'one approved endpoint is enough',
  },
  'private-endpoint-pending': {
    raises: () => healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), status: 'Pending' }] }),
    lookAlike: () => healthyPrivateHub(),
    why: 'approved',
  },
  'private-endpoint-rejected': {
    raises: () =>
      healthyPrivateHub({
        privateEndpointConnections: [approvedConnection(), { ...approvedConnection(), id: 'c2', status: 'Rejected' }],
      }),
    lookAlike: () =>
      healthyPrivateHub({
        privateEndpointConnections: [approvedConnection(), { ...approvedConnection(), id: 'c2', status: 'Pending' }],
      }),
    why: 'pending is its own finding',
  },
  'private-endpoint-disconnected': {
    raises: () =>
      healthyPrivateHub({
        privateEndpointConnections: [
          approvedConnection(),
          { ...approvedConnection(), id: 'c2', status: 'Disconnected' },
        ],
      }),
    lookAlike: () =>
      healthyPrivateHub({
        privateEndpointConnections: [approvedConnection(), { ...approvedConnection(), id: 'c2', status: 'Rejected' }],
      }),
    why: 'rejected is its own finding',
  },
  'dns-zone-missing': {
    raises: () =>
      withZones((api, notebooks) => [api, { ...notebooks, exists: false, linkedVirtualNetworkIds: [], aRecords: [] }]),
    lookAlike: () =>
      withZones((api, notebooks) => [
        api,
        // An empty placeholder where it would be created does not hide the zone that exists elsewhere.
        { ...notebooks, id: `${notebooks.id}-placeholder`, exists: false, linkedVirtualNetworkIds: [], aRecords: [] },
        notebooks,
      ]),
    why: 'the zone exists in another resource group and serves the hub',
  },
  'dns-zone-not-linked': {
    raises: () => withZones((api, notebooks) => [{ ...api, linkedVirtualNetworkIds: [OTHER_VNET] }, notebooks]),
    lookAlike: () =>
      withZones((api, notebooks) => [
        { ...api, linkedVirtualNetworkIds: [OTHER_VNET, VNET_ID.toUpperCase()] },
        notebooks,
      ]),
    why: 'linked to the endpoint VNet (ids compare case-insensitively), and to another one as well',
  },
  'dns-record-missing': {
    raises: () =>
      // A shared zone holding only another hub's records: none is this hub's.
      withZones((api, notebooks) => [
        { ...api, aRecords: [{ relativeName: `${OTHER_GUID}.workspace.eastus`, ipAddresses: ['10.1.0.5'] }] },
        notebooks,
      ]),
    lookAlike: () =>
      withZones((api, notebooks) => [
        {
          ...api,
          aRecords: [...api.aRecords, { relativeName: `${OTHER_GUID}.workspace.eastus`, ipAddresses: ['10.1.0.99'] }],
        },
        notebooks,
      ]),
    why: "another hub's record in the shared zone is neither counted nor a problem",
  },
  'dns-record-mismatch': {
    raises: () =>
      withZones((api, notebooks) => [
        api,
        {
          ...notebooks,
          aRecords: [{ relativeName: `ml-hub-sales-eastus-${HUB_GUID}.eastus`, ipAddresses: ['10.1.0.5'] }],
        },
      ]),
    lookAlike: () => healthyPrivateHub(),
    why: 'the right name with the right IP (the notebooks name has its own IP, 10.1.0.6)',
  },
  'dns-servers-custom': {
    raises: () =>
      healthyPrivateHub({
        privateEndpointConnections: [
          approvedConnection({ ...healthyEndpoint(), virtualNetworkDnsServers: ['10.1.0.4'] }),
        ],
        dnsZones: [],
      }),
    lookAlike: () =>
      healthyPrivateHub({
        privateEndpointConnections: [
          approvedConnection({ ...healthyEndpoint(), virtualNetworkDnsServers: ['10.1.0.4'] }),
        ],
      }),
    why: 'own DNS servers in front of complete Azure zones: nothing to say',
  },
  'docker-bridge-range': {
    raises: () =>
      healthyPrivateHub({
        privateEndpointConnections: [
          approvedConnection({ ...healthyEndpoint(), virtualNetworkAddressPrefixes: ['172.16.0.0/12'] }),
        ],
      }),
    lookAlike: () =>
      healthyPrivateHub({
        privateEndpointConnections: [
          approvedConnection({ ...healthyEndpoint(), virtualNetworkAddressPrefixes: ['172.18.0.0/16'] }),
        ],
      }),
    why: '172.18.0.0/16 is next to the bridge, not in it',
  },
  'dependency-public': {
    raises: () =>
      withDependent('keyVault', (vault) => ({
        ...vault,
        publicNetworkAccess: 'Enabled',
        networkDefaultAction: 'Allow',
      })),
    lookAlike: () =>
      withDependent('keyVault', (vault) => ({
        ...vault,
        publicNetworkAccess: 'Enabled',
        networkDefaultAction: 'Deny',
      })),
    why: 'Deny by default is selected networks',
  },
  'dependency-endpoint-missing': {
    raises: () =>
      withDependent('storage', (storage) => ({ ...storage, privateEndpoints: storage.privateEndpoints.slice(0, 1) })),
    lookAlike: () =>
      withDependent('storage', (storage) => ({
        ...storage,
        privateEndpoints: storage.privateEndpoints.map((endpoint) => ({
          ...endpoint,
          groupIds: endpoint.groupIds.map((g) => g.toUpperCase()),
        })),
      })),
    why: 'group ids compare case-insensitively',
  },
  'dependency-unreadable': {
    raises: () =>
      withDependent('keyVault', (vault) => ({ ...vault, readError: 'You need the Reader role on kv-sales.' })),
    lookAlike: () => healthyPrivateHub(),
    why: 'readable',
  },
  'registry-not-premium': {
    raises: () => withDependent('containerRegistry', (registry) => ({ ...registry, sku: 'Basic' })),
    lookAlike: () => withDependent('containerRegistry', (registry) => ({ ...registry, sku: 'premium' })),
    why: 'SKU names compare case-insensitively',
  },
  'storage-connection-key-auth': {
    raises: () => withProjectStorage({ connectionAuth: 'AccountKey' }),
    lookAlike: () => withProjectStorage({ connectionAuth: 'AAD' }),
    why: 'Microsoft Entra ID',
  },
  'storage-role-missing': {
    raises: () => withProjectStorage({ grantReaderOnEndpoints: false }),
    lookAlike: () => withProjectStorage(),
    why: 'Reader granted on each endpoint (role id given as a full definition id)',
  },
  'fqdn-rules-ignored': {
    raises: () =>
      withWorkspace({
        managedNetwork: {
          isolationMode: 'AllowInternetOutbound',
          status: 'Active',
          outboundRules: [{ name: 'pypi', type: 'FQDN', destination: 'pypi.org' }],
        },
      }),
    lookAlike: () =>
      withWorkspace({
        managedNetwork: {
          isolationMode: 'AllowOnlyApprovedOutbound',
          status: 'Active',
          outboundRules: [{ name: 'pypi', type: 'FQDN', destination: 'pypi.org' }],
        },
      }),
    why: 'FQDN rules apply in approved-only mode',
  },
};

describe('assessment of a hub', () => {
  it('finds nothing on a healthy private hub, and calls it Private', () => {
    const assessment = assessHub(healthyPrivateHub());
    assert.deepEqual(assessment.findings, []);
    assert.equal(assessment.verdict.kind, 'private');
    assert.equal(assessment.verdict.label, 'Private');
  });

  it('has a raising case and a look-alike for every finding id', () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...FINDING_IDS].sort());
  });

  for (const [id, testCase] of Object.entries(CASES) as [FindingId, (typeof CASES)[FindingId]][]) {
    it(`${id}: raised, and not raised when ${testCase.why}`, () => {
      assert.ok(ids(testCase.raises()).includes(id), `expected ${id} in ${ids(testCase.raises()).join(', ')}`);
      assert.ok(
        !ids(testCase.lookAlike()).includes(id),
        `${id} raised on the look-alike: ${ids(testCase.lookAlike()).join(', ')}`,
      );
    });
  }
});

describe('DNS judged per hub', () => {
  it("does not count a shared zone's records of another hub, and says which of its own names lack one", () => {
    const state = CASES['dns-record-missing'].raises();
    const missing = assessHub(state).findings.filter((finding) => finding.id === 'dns-record-missing');
    assert.deepEqual(missing.map((finding) => finding.subject).sort(), [
      `${HUB_GUID}.workspace.eastus.api.azureml.ms`,
      `${HUB_GUID}.workspace.eastus.cert.api.azureml.ms`,
    ]);
    assert.equal(assessHub(state).verdict.kind, 'broken');
  });

  it('names the endpoint IP a mismatched record should hold, and points the fix at the endpoint', () => {
    const finding = only(CASES['dns-record-mismatch'].raises(), 'dns-record-mismatch');
    assert.match(finding.detail, /holds 10\.1\.0\.5, which is not an IP of pe-hub \(10\.1\.0\.6\)/);
    assert.deepEqual(finding.fix, {
      command: WIZARD_COMMANDS.configurePrivateDns.command,
      args: [HUB_ID, PE_ID],
      title: 'Configure private DNS',
    });
  });

  it('treats an extra stale IP in a record as a mismatch: clients would get it part of the time', () => {
    const state = withZones((api, notebooks) => [
      api,
      {
        ...notebooks,
        aRecords: [{ relativeName: `ml-hub-sales-eastus-${HUB_GUID}.eastus`, ipAddresses: ['10.1.0.6', '10.1.0.200'] }],
      },
    ]);
    assert.match(only(state, 'dns-record-mismatch').detail, /holds 10\.1\.0\.200/);
  });

  it("uses the zone the endpoint's zone group points at, and reports it missing there even when another exists", () => {
    const [api, notebooks] = healthyZones();
    const elsewhere = `${notebooks!.id!.replace('rg-dns', 'rg-central')}`;
    const endpoint = {
      ...healthyEndpoint(),
      dnsZoneGroups: [
        {
          id: `${PE_ID}/privateDnsZoneGroups/default`,
          name: 'default',
          zoneConfigs: [{ name: 'nb', privateDnsZoneId: elsewhere, recordSets: [] }],
        },
      ],
    };
    const state = healthyPrivateHub({
      privateEndpointConnections: [approvedConnection(endpoint)],
      dnsZones: [api!, notebooks!],
    });
    const finding = only(state, 'dns-zone-missing');
    assert.equal(finding.resourceId, elsewhere);
  });

  it('judges nothing, and lists no record, when no endpoint is approved', () => {
    const assessment = assessHub(
      healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), status: 'Pending' }] }),
    );
    assert.deepEqual(assessment.dns, []);
  });

  it("judges the inference wildcard and a project's names when the endpoint publishes them", () => {
    const endpoint = {
      ...healthyEndpoint(),
      customDnsConfigs: [
        ...healthyEndpoint().customDnsConfigs,
        { fqdn: `*.${HUB_GUID}.inference.eastus.api.azureml.ms`, ipAddresses: ['10.1.0.5'] },
        { fqdn: `${OTHER_GUID}.workspace.eastus.api.azureml.ms`, ipAddresses: ['10.1.0.5'] },
      ],
    };
    const state = healthyPrivateHub({ privateEndpointConnections: [approvedConnection(endpoint)] });
    const missing = assessHub(state)
      .findings.filter((finding) => finding.id === 'dns-record-missing')
      .map((f) => f.subject);
    assert.deepEqual(missing.sort(), [
      `*.${HUB_GUID}.inference.eastus.api.azureml.ms`,
      `${OTHER_GUID}.workspace.eastus.api.azureml.ms`,
    ]);
  });
});

describe('verdicts', () => {
  const verdict = (state: HubNetworkState) => assessHub(state).verdict;

  it('Public: all networks', () => {
    assert.equal(verdict(CASES['public-network-access-enabled'].raises()).kind, 'public');
  });

  it('Restricted: selected IPs, whatever the endpoints', () => {
    const restricted = verdict(selectedIps('52.1.2.3'));
    assert.deepEqual([restricted.kind, restricted.label], ['restricted', 'Restricted (selected IPs)']);
    assert.match(restricted.reason, /selected IPs \(1 IP rule\) · 1 private endpoint/);
  });

  it('Broken: disabled with no approved endpoint ("nobody can reach this hub"), or selected IPs that let nobody in', () => {
    const noEndpoint = verdict(healthyPrivateHub({ privateEndpointConnections: [] }));
    assert.equal(noEndpoint.kind, 'broken');
    assert.match(noEndpoint.reason, /nobody can reach this hub/);
    assert.equal(verdict(selectedIps()).kind, 'restricted', 'an approved endpoint still lets the VNet in');
    assert.equal(verdict({ ...selectedIps(), privateEndpointConnections: [] }).kind, 'broken');
  });

  it('Broken: disabled with an approved endpoint whose DNS is incomplete (a missing zone)', () => {
    const broken = verdict(CASES['dns-zone-missing'].raises());
    assert.equal(broken.kind, 'broken');
    assert.match(broken.reason, /notebooks\.azure\.net: its zone is missing/);
  });

  it('Broken: an approved endpoint that failed to provision carries no traffic', () => {
    const failed = approvedConnection({ ...healthyEndpoint(), provisioningState: 'Failed' });
    assert.equal(verdict(healthyPrivateHub({ privateEndpointConnections: [failed] })).kind, 'broken');
  });

  it('Unknown: the IP rules could not be read, and says what', () => {
    const unknown = verdict(CASES['ip-rules-unreadable'].raises());
    assert.equal(unknown.kind, 'unknown');
    assert.match(unknown.reason, /preview API versions, and reading them failed \(refused\)/);
  });

  it('Unknown: the only approved endpoint could not be read', () => {
    assert.equal(
      verdict(
        healthyPrivateHub({ privateEndpointConnections: [{ ...approvedConnection(), privateEndpoint: undefined }] }),
      ).kind,
      'unknown',
    );
  });

  it("Unknown: DNS served by the VNet's own servers, which ARM cannot see", () => {
    const unknown = verdict(CASES['dns-servers-custom'].raises());
    assert.equal(unknown.kind, 'unknown');
    assert.match(unknown.reason, /own DNS servers \(10\.1\.0\.4\)/);
  });

  it('keeps Private when a dependency is public: that is a finding, not the hub verdict', () => {
    const state = CASES['dependency-public'].raises();
    assert.equal(verdict(state).kind, 'private');
    assert.equal(only(state, 'dependency-public').severity, 'warning');
  });

  it('does not judge the dependencies or storage roles of a public hub', () => {
    const state = {
      ...withProjectStorage({ connectionAuth: 'AccountKey', grantReaderOnEndpoints: false }),
      workspace: { ...privateWorkspace(), publicNetworkAccess: 'Enabled' as const },
      dependentResources: privateDependents().map((resource) => ({
        ...resource,
        publicNetworkAccess: 'Enabled' as const,
        networkDefaultAction: 'Allow' as const,
      })),
    };
    assert.deepEqual(ids(state), ['public-network-access-enabled']);
  });

  it('lists findings worst first, each once', () => {
    const state = {
      ...CASES['dns-zone-missing'].raises(),
      dependentResources: privateDependents().map((resource) => ({ ...resource, readError: 'denied' })),
    };
    const severities = assessHub(state).findings.map((finding) => finding.severity);
    assert.deepEqual(
      severities,
      [...severities].sort(
        (a, b) => ['error', 'warning', 'information'].indexOf(a) - ['error', 'warning', 'information'].indexOf(b),
      ),
    );
  });
});
