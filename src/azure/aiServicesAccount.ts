/**
 * Reads an AI Services (Foundry) account for the access wizards: its public access and its whole networkAcls, VNet
 * rules included, because a PATCH of networkAcls must send them back as they are.
 */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { AiServicesAccount } from '../model/aiServicesAccess';
import { parseResourceId } from '../model/armIds';
import type { ArmConnection } from './clients';
import { mapAzureErrors } from './errors';

export async function readAiServicesAccount(
  connection: ArmConnection,
  accountId: string,
  abortSignal?: AbortSignalLike,
): Promise<AiServicesAccount> {
  const parsed = parseResourceId(accountId);
  const name = parsed.resources[0]?.name ?? '';
  const client = connection.forSubscription(parsed.subscriptionId).cognitiveServices;
  return mapAzureErrors({ resourceId: accountId, access: 'read' }, async () => {
    const account = await client.accounts.get(parsed.resourceGroup ?? '', name, { abortSignal });
    const properties = account.properties;
    const acls = properties?.networkAcls;
    const access = properties?.publicNetworkAccess;
    return {
      id: account.id ?? accountId,
      name: account.name ?? name,
      location: account.location ?? '',
      publicNetworkAccess:
        access === undefined ? undefined : access.toLowerCase() === 'disabled' ? 'Disabled' : 'Enabled',
      networkAcls: acls && {
        defaultAction:
          acls.defaultAction === undefined ? undefined : acls.defaultAction.toLowerCase() === 'deny' ? 'Deny' : 'Allow',
        ...(acls.bypass ? { bypass: acls.bypass } : {}),
        ipRules: (acls.ipRules ?? []).map((rule) => rule.value),
        virtualNetworkRules: (acls.virtualNetworkRules ?? []).map((rule) => ({
          id: rule.id,
          ...(rule.ignoreMissingVnetServiceEndpoint === undefined
            ? {}
            : { ignoreMissingVnetServiceEndpoint: rule.ignoreMissingVnetServiceEndpoint }),
          ...(rule.state === undefined ? {} : { state: rule.state }),
        })),
      },
    };
  });
}
