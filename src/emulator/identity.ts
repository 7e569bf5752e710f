import { randomUUID } from 'node:crypto';
import { type ArmIdentity, isRecord } from './arm';

/**
 * Managed identities as ARM shows them: a system-assigned principal id per resource, and a principal/client id per
 * user-assigned identity. On a seed the given ids are kept, so tests can assert on them.
 */
export function normalizeIdentity(
  input: unknown,
  previous: ArmIdentity | undefined,
  tenantId: string,
  keepGivenIds: boolean,
  fallbackType = 'None',
): ArmIdentity | undefined {
  const requested = isRecord(input) ? input : undefined;
  const type = String(requested?.type ?? previous?.type ?? fallbackType);
  if (type.toLowerCase() === 'none') return fallbackType === 'None' && !requested ? undefined : { type: 'None' };
  const systemAssigned = type.toLowerCase().includes('systemassigned');
  const givenPrincipal = keepGivenIds && typeof requested?.principalId === 'string' ? requested.principalId : undefined;
  const identity: ArmIdentity = { type };
  if (systemAssigned) {
    identity.principalId = givenPrincipal ?? previous?.principalId ?? randomUUID();
    identity.tenantId = tenantId;
  }
  const users = isRecord(requested?.userAssignedIdentities)
    ? requested.userAssignedIdentities
    : previous?.userAssignedIdentities;
  if (type.toLowerCase().includes('userassigned') && isRecord(users)) {
    identity.userAssignedIdentities = Object.fromEntries(
      Object.entries(users).map(([id, value]) => {
        const given = isRecord(value) ? value : {};
        const old = previous?.userAssignedIdentities?.[id];
        return [
          id,
          {
            principalId:
              (keepGivenIds && typeof given.principalId === 'string' ? given.principalId : old?.principalId) ??
              randomUUID(),
            clientId:
              (keepGivenIds && typeof given.clientId === 'string' ? given.clientId : old?.clientId) ?? randomUUID(),
          },
        ];
      }),
    );
  }
  return identity;
}
