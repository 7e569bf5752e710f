import {
  BUILT_IN_ROLES,
  DEMO_TENANT_ID,
  DEV_SUBSCRIPTION_ID,
  PROD_SUBSCRIPTION_ID,
  aComputeInstance,
  aConnection,
  aContainerRegistry,
  aDnsZoneGroup,
  aHub,
  aKeyVault,
  aPrivateDnsZone,
  aPrivateEndpoint,
  aProject,
  aResourceGroup,
  aRoleAssignment,
  aStorageAccount,
  aVirtualNetwork,
  aVirtualNetworkLink,
  anAiServicesAccount,
  type ArmJson,
} from '../builders';
import type { Topology } from '../topology';

/** Dev subscription, eastus: public, selected-IPs, private (full DNS) and pending hubs on vnet-hub 172.17.0.0/16. */
function devSubscription(): ArmJson[] {
  const at = <
    T extends { inSubscription(id: string): T; inResourceGroup(name: string): T; inRegion(region: string): T },
  >(
    builder: T,
  ): T => builder.inSubscription(DEV_SUBSCRIPTION_ID).inResourceGroup('rg-foundry-dev').inRegion('eastus');
  const group = at(aResourceGroup('rg-foundry-dev'));
  const vnet = at(aVirtualNetwork('vnet-hub'))
    .withAddressSpace('172.17.0.0/16')
    .withSubnet('snet-pe', '172.17.1.0/24', 'Disabled')
    .withSubnet('snet-workload', '172.17.2.0/24', 'Enabled');
  const storage = at(aStorageAccount('stfoundrydev'));
  const vault = at(aKeyVault('kv-foundry-dev')).withSelectedIps('52.168.10.0/24');
  const registry = at(aContainerRegistry('crfoundrydev')).withSku('Premium').withPublicAccess('Disabled');
  const dependencies = <T extends ReturnType<typeof aHub>>(hub: T): T =>
    hub.withStorage(storage.id).withKeyVault(vault.id).withContainerRegistry(registry.id);
  const hubPublic = dependencies(at(aHub('hub-public'))).withPublicAccess('Enabled');
  const hubSelected = dependencies(at(aHub('hub-selected-ips'))).withSelectedIps(
    '52.174.12.0/24',
    '20.42.11.5',
    '20.50.64.0/20',
  );
  const hubPrivate = dependencies(at(aHub('hub-private')))
    .withPublicAccess('Disabled')
    .withManagedNetwork('AllowOnlyApprovedOutbound', {
      'allow-pypi': { type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' },
    });
  const projectPrivate = aProject('proj-private').underHub(hubPrivate);
  const hubPending = dependencies(at(aHub('hub-pending'))).withPublicAccess('Disabled');
  const apiZone = at(aPrivateDnsZone('privatelink.api.azureml.ms'));
  const notebooksZone = at(aPrivateDnsZone('privatelink.notebooks.azure.net'));
  const peHubPrivate = at(aPrivateEndpoint('pe-hub-private'))
    .inSubnet(vnet.subnetId('snet-pe'))
    .connectingTo(hubPrivate.id, 'amlworkspace');
  const peHubPending = at(aPrivateEndpoint('pe-hub-pending'))
    .inSubnet(vnet.subnetId('snet-pe'))
    .connectingTo(hubPending.id, 'amlworkspace')
    .manual('Requested by the network team');
  return [
    group.build(),
    vnet.build(),
    storage.build(),
    vault.build(),
    registry.build(),
    hubPublic.build(),
    aProject('proj-public').underHub(hubPublic).build(),
    hubSelected.build(),
    aProject('proj-selected-ips').underHub(hubSelected).build(),
    hubPrivate.build(),
    projectPrivate.build(),
    aComputeInstance(projectPrivate.id, 'ci-alice').build(),
    hubPending.build(),
    apiZone.build(),
    notebooksZone.build(),
    aVirtualNetworkLink(apiZone, 'link-vnet-hub').toVirtualNetwork(vnet.id).build(),
    aVirtualNetworkLink(notebooksZone, 'link-vnet-hub').toVirtualNetwork(vnet.id).build(),
    peHubPrivate.build(),
    aDnsZoneGroup(peHubPrivate).withZone(apiZone.id, notebooksZone.id).build(),
    peHubPending.build(),
  ];
}

/** Prod subscription, westeurope: a hub whose DNS lacks the notebooks zone, a private storage account, AI Services. */
function prodSubscription(): ArmJson[] {
  const at = <
    T extends { inSubscription(id: string): T; inResourceGroup(name: string): T; inRegion(region: string): T },
  >(
    builder: T,
  ): T => builder.inSubscription(PROD_SUBSCRIPTION_ID).inResourceGroup('rg-foundry-prod').inRegion('westeurope');
  const group = at(aResourceGroup('rg-foundry-prod'));
  const vnet = at(aVirtualNetwork('vnet-prod'))
    .withAddressSpace('10.20.0.0/16')
    .withSubnet('snet-pe', '10.20.1.0/24', 'Disabled');
  const storage = at(aStorageAccount('stfoundryprod')).withPublicAccess('Disabled');
  const vault = at(aKeyVault('kv-foundry-prod')).withPublicAccess('Disabled');
  const registry = at(aContainerRegistry('crfoundryprod')).withSku('Basic');
  const account = at(anAiServicesAccount('ais-foundry-prod')).withSelectedIps('20.61.0.0/16');
  // The kind is lower case on purpose: Azure's `kind` is a free string, compared case-insensitively.
  const hub = at(aHub('hub-dns-incomplete'))
    .withKind('hub')
    .withPublicAccess('Disabled')
    .withStorage(storage.id)
    .withKeyVault(vault.id)
    .withContainerRegistry(registry.id);
  const project = aProject('proj-dns-incomplete').underHub(hub);
  const apiZone = at(aPrivateDnsZone('privatelink.api.azureml.ms'));
  const blobZone = at(aPrivateDnsZone('privatelink.blob.core.windows.net'));
  const peHub = at(aPrivateEndpoint('pe-hub-dns-incomplete'))
    .inSubnet(vnet.subnetId('snet-pe'))
    .connectingTo(hub.id, 'amlworkspace');
  const peBlob = at(aPrivateEndpoint('pe-stfoundryprod-blob'))
    .inSubnet(vnet.subnetId('snet-pe'))
    .connectingTo(storage.id, 'blob');
  return [
    group.build(),
    vnet.build(),
    storage.build(),
    vault.build(),
    registry.build(),
    account.build(),
    hub.build(),
    project.build(),
    aConnection(hub.id, 'ais-foundry-prod').toAiServices(account.id).build(),
    apiZone.build(),
    blobZone.build(),
    aVirtualNetworkLink(apiZone, 'link-vnet-prod').toVirtualNetwork(vnet.id).build(),
    aVirtualNetworkLink(blobZone, 'link-vnet-prod').toVirtualNetwork(vnet.id).build(),
    peHub.build(),
    aDnsZoneGroup(peHub).withZone(apiZone.id).build(),
    peBlob.build(),
    aDnsZoneGroup(peBlob).withZone(blobZone.id).build(),
    aRoleAssignment(storage.id)
      .ofRole(BUILT_IN_ROLES.storageBlobDataContributor)
      .toPrincipal(account.systemPrincipalId)
      .build(),
    aRoleAssignment(storage.id)
      .ofRole(BUILT_IN_ROLES.storageFileDataPrivilegedContributor)
      .toPrincipal(project.systemPrincipalId)
      .build(),
    aRoleAssignment(peBlob.id).ofRole(BUILT_IN_ROLES.reader).toPrincipal(project.systemPrincipalId).build(),
  ];
}

/** The demo topology (documented in src/emulator/README.md; seeds/demo.json is this, serialized). */
export function buildDemoTopology(): Topology {
  return {
    tenantId: DEMO_TENANT_ID,
    subscriptions: [
      { subscriptionId: DEV_SUBSCRIPTION_ID, displayName: 'Contoso AI (dev)' },
      { subscriptionId: PROD_SUBSCRIPTION_ID, displayName: 'Contoso AI (prod)' },
    ],
    resources: [...devSubscription(), ...prodSubscription()],
  };
}
