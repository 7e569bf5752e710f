/** The subscriptions and tenants the signed-in identity can see, for the subscription picker. */
import type { AbortSignalLike } from '@azure/abort-controller';
import type { ArmConnection } from './clients';
import { mapAzureErrors } from './errors';

export interface SubscriptionSummary {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly tenantId: string | undefined;
  /** Enabled, Warned, PastDue, Disabled or Deleted. */
  readonly state: string | undefined;
}

export interface TenantSummary {
  readonly tenantId: string;
  readonly displayName: string | undefined;
  readonly defaultDomain: string | undefined;
}

export async function listSubscriptions(
  connection: ArmConnection,
  abortSignal?: AbortSignalLike,
): Promise<SubscriptionSummary[]> {
  return mapAzureErrors({}, async () => {
    const result: SubscriptionSummary[] = [];
    for await (const subscription of connection.subscriptions.subscriptions.list({ abortSignal })) {
      if (!subscription.subscriptionId) {
        continue;
      }
      result.push({
        subscriptionId: subscription.subscriptionId,
        displayName: subscription.displayName ?? subscription.subscriptionId,
        tenantId: subscription.tenantId,
        state: subscription.state,
      });
    }
    return result.sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
}

export async function listTenants(connection: ArmConnection, abortSignal?: AbortSignalLike): Promise<TenantSummary[]> {
  return mapAzureErrors({}, async () => {
    const result: TenantSummary[] = [];
    for await (const tenant of connection.subscriptions.tenants.list({ abortSignal })) {
      if (tenant.tenantId) {
        result.push({
          tenantId: tenant.tenantId,
          displayName: tenant.displayName,
          defaultDomain: tenant.defaultDomain,
        });
      }
    }
    return result;
  });
}
