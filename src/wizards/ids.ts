/**
 * The wizard command ids and titles. No imports: src/commands.ts reads this at activation without loading the Azure
 * SDKs; the wizards themselves live in the lazily loaded bundle (src/features.ts).
 */
export const WIZARD_COMMANDS = {
  addPrivateEndpoint: { command: 'foundryNetwork.addPrivateEndpoint', title: 'Add Private Endpoint to Hub…' },
  configurePrivateDns: { command: 'foundryNetwork.fixPrivateDns', title: 'Configure Private DNS for Endpoint…' },
  verifyPrivateEndpoint: { command: 'foundryNetwork.verifyPrivateEndpoint', title: 'Verify Private Endpoint' },
  removePrivateEndpoint: { command: 'foundryNetwork.deletePrivateEndpoint', title: 'Remove Private Endpoint…' },
  decideConnection: { command: 'foundryNetwork.approveConnection', title: 'Approve / Reject Private Endpoint Connection…' },
  setPublicAccess: { command: 'foundryNetwork.changePublicAccess', title: 'Set Public Network Access…' },
  editIpRules: { command: 'foundryNetwork.editIpRules', title: 'Edit IP Rules…' },
  exportDnsRecords: { command: 'foundryNetwork.exportDnsRecords', title: 'Export Custom DNS Records…' },
  restrictDependentAccess: { command: 'foundryNetwork.restrictDependentPublicAccess', title: 'Disable Public Access of a Hub Dependency…' },
  addDependencyPrivateEndpoints: { command: 'foundryNetwork.addDependencyPrivateEndpoints', title: 'Add Private Endpoints to Hub Dependencies…' },
  resumeRun: { command: 'foundryNetwork.resumeWizardRun', title: 'Resume or Roll Back an Interrupted Change…' },
  configureStorageAccess: { command: 'foundryNetwork.configureStorageAccess', title: 'Configure Private Storage Access…' },
} as const;

export type WizardId = keyof typeof WIZARD_COMMANDS;

export const WIZARD_IDS = Object.keys(WIZARD_COMMANDS) as WizardId[];
