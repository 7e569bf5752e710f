/**
 * The wizards: id, command and title say the same thing, and each wizard lives in `flows/<id>.ts`. No imports:
 * src/commands.ts reads this at activation without loading the Azure SDKs; the wizards themselves live in the lazily
 * loaded bundle (src/features.ts). `formerCommands` are the ids earlier versions contributed (keybindings and scripts
 * may still call them).
 */
export const WIZARD_COMMANDS = {
  addPrivateEndpoint: { command: 'foundryNetwork.addPrivateEndpoint', title: 'Add Private Endpoint…' },
  configurePrivateDns: {
    command: 'foundryNetwork.configurePrivateDns',
    title: 'Configure Private DNS…',
    formerCommands: ['foundryNetwork.fixPrivateDns'],
  },
  verifyPrivateEndpoint: { command: 'foundryNetwork.verifyPrivateEndpoint', title: 'Verify Private Endpoint' },
  removePrivateEndpoint: {
    command: 'foundryNetwork.removePrivateEndpoint',
    title: 'Remove Private Endpoint…',
    formerCommands: ['foundryNetwork.deletePrivateEndpoint'],
  },
  approveOrRejectConnection: {
    command: 'foundryNetwork.approveOrRejectConnection',
    title: 'Approve or Reject Private Endpoint Connection…',
    formerCommands: ['foundryNetwork.approveConnection'],
  },
  setPublicNetworkAccess: {
    command: 'foundryNetwork.setPublicNetworkAccess',
    title: 'Set Public Network Access…',
    formerCommands: ['foundryNetwork.changePublicAccess'],
  },
  editIpRules: { command: 'foundryNetwork.editIpRules', title: 'Edit IP Rules…' },
  exportCustomDnsRecords: {
    command: 'foundryNetwork.exportCustomDnsRecords',
    title: 'Export Custom DNS Records…',
    formerCommands: ['foundryNetwork.exportDnsRecords'],
  },
  disableDependencyPublicAccess: {
    command: 'foundryNetwork.disableDependencyPublicAccess',
    title: 'Disable Public Access of a Dependency…',
    formerCommands: ['foundryNetwork.restrictDependentPublicAccess'],
  },
  addDependencyPrivateEndpoints: {
    command: 'foundryNetwork.addDependencyPrivateEndpoints',
    title: 'Add Private Endpoints to Dependencies…',
  },
  resumeOrRollBack: {
    command: 'foundryNetwork.resumeOrRollBack',
    title: 'Resume or Roll Back an Interrupted Change…',
    formerCommands: ['foundryNetwork.resumeWizardRun'],
  },
  configurePrivateStorageAccess: {
    command: 'foundryNetwork.configurePrivateStorageAccess',
    title: 'Configure Private Storage Access…',
    formerCommands: ['foundryNetwork.configureStorageAccess'],
  },
} as const satisfies Record<string, { command: string; title: string; formerCommands?: readonly string[] }>;

export type WizardId = keyof typeof WIZARD_COMMANDS;

export const WIZARD_IDS = Object.keys(WIZARD_COMMANDS) as WizardId[];

/** Command ids of earlier versions → today's: registered (not contributed), so old keybindings keep working. */
export const FORMER_COMMANDS: Readonly<Record<string, string>> = Object.fromEntries(
  WIZARD_IDS.flatMap((id) => {
    const entry: { command: string; formerCommands?: readonly string[] } = WIZARD_COMMANDS[id];
    return (entry.formerCommands ?? []).map((former) => [former, entry.command]);
  }),
);
