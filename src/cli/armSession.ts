/**
 * Sign-in and ARM access for the commands that read live Azure (`check`, `diagnose`): @azure/identity's
 * DefaultAzureCredential (environment, workload identity, managed identity, az login), the public cloud or any ARM
 * endpoint (`--arm-endpoint`, the emulator included), and the subscriptions to look at.
 */
import type { TokenCredential } from '@azure/core-auth';
import { ClientSecretCredential, DefaultAzureCredential } from '@azure/identity';
import { ArmConnection } from '../azure/clients';
import { ResourceNotFoundError, toAzureAccessError, type AzureAccessError } from '../azure/errors';
import { listSubscriptions, type SubscriptionSummary } from '../azure/subscriptions';
import { withoutTrailingSlashes } from '../model/armIds';
import { CLOUDS, cloudForResourceManagerEndpoint, type Cloud } from '../model/clouds';
import { UsageError } from './io';

export interface ArmSessionOptions {
  /** `--arm-endpoint`: an ARM endpoint other than the public cloud's (Azure Stack, a proxy, the emulator). */
  readonly armEndpoint?: string;
  /** `--subscription`, repeatable; empty means every subscription the identity can see. */
  readonly subscriptionIds: readonly string[];
}

export interface ArmSession {
  readonly cloud: Cloud;
  readonly connection: ArmConnection;
  /** The subscriptions to check, with their names; ids the identity cannot see are in `unreadable`. */
  readonly subscriptions: readonly SubscriptionSummary[];
  readonly unreadable: readonly { readonly subscriptionId: string; readonly error: AzureAccessError }[];
}

/** Thrown when no credential works or the subscriptions cannot be listed at all: exit 3. */
export class SignInError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function openArmSession(options: ArmSessionOptions, env: NodeJS.ProcessEnv): Promise<ArmSession> {
  const cloud = cloudOf(options.armEndpoint);
  for (const id of options.subscriptionIds) {
    if (!GUID.test(id)) throw new UsageError(`--subscription takes a subscription id (a GUID), not "${id}".`);
  }
  const connection = new ArmConnection({ credential: credentialFrom(env, options.armEndpoint !== undefined), cloud });
  let visible: SubscriptionSummary[];
  try {
    visible = await listSubscriptions(connection);
  } catch (error) {
    const failure = toAzureAccessError(error);
    throw new SignInError(
      `Signing in to ${cloud.resourceManagerEndpoint} failed: ${failure.userMessage} ${failure.action}`,
    );
  }
  if (options.subscriptionIds.length === 0) return { cloud, connection, subscriptions: visible, unreadable: [] };
  const byId = new Map(visible.map((subscription) => [subscription.subscriptionId.toLowerCase(), subscription]));
  const subscriptions: SubscriptionSummary[] = [];
  const unreadable: { subscriptionId: string; error: AzureAccessError }[] = [];
  for (const id of new Set(options.subscriptionIds.map((value) => value.toLowerCase()))) {
    const found = byId.get(id);
    if (found) subscriptions.push(found);
    else
      unreadable.push({
        subscriptionId: id,
        error: new ResourceNotFoundError({
          userMessage: `Subscription ${id} is not visible to this identity.`,
          action: 'Check the id, or grant the identity the Reader role on it.',
          resourceId: `/subscriptions/${id}`,
        }),
      });
  }
  return { cloud, connection, subscriptions, unreadable };
}

function cloudOf(armEndpoint: string | undefined): Cloud {
  if (armEndpoint === undefined) return CLOUDS.AzureCloud;
  let url: URL;
  try {
    url = new URL(armEndpoint);
  } catch {
    throw new UsageError(`--arm-endpoint must be an https URL, not "${armEndpoint}".`);
  }
  if (url.protocol !== 'https:') throw new UsageError(`--arm-endpoint must use https, not "${url.protocol}".`);
  return cloudForResourceManagerEndpoint(url.origin);
}

/**
 * DefaultAzureCredential, except where AZURE_AUTHORITY_HOST names an AD FS authority (`…/adfs`, as the emulator and
 * Azure Stack Hub use): MSAL wants that as host + the `adfs` tenant, which the environment variables cannot express.
 */
function credentialFrom(env: NodeJS.ProcessEnv, customEndpoint: boolean): TokenCredential {
  const authority =
    env.AZURE_AUTHORITY_HOST === undefined ? undefined : withoutTrailingSlashes(env.AZURE_AUTHORITY_HOST);
  // The client secret goes to this host: never without TLS.
  if (authority !== undefined && !/^https:\/\//i.test(authority)) {
    throw new UsageError(`AZURE_AUTHORITY_HOST must be an https URL, not "${authority}".`);
  }
  const adfs = authority !== undefined && /\/adfs$/i.test(authority);
  // A custom authority is not in Microsoft's instance list; discovery would call the public cloud.
  const disableInstanceDiscovery = customEndpoint || adfs;
  if (adfs && env.AZURE_CLIENT_ID && env.AZURE_CLIENT_SECRET) {
    return new ClientSecretCredential('adfs', env.AZURE_CLIENT_ID, env.AZURE_CLIENT_SECRET, {
      authorityHost: authority.replace(/\/adfs$/i, ''),
      disableInstanceDiscovery,
    });
  }
  return new DefaultAzureCredential({ ...(authority ? { authorityHost: authority } : {}), disableInstanceDiscovery });
}
