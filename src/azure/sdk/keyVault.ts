// Required on first use by ../clients.ts: a module of its own keeps the SDK out of the tree expansion's start-up.
export { KeyVaultManagementClient } from '@azure/arm-keyvault';
