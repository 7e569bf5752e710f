/**
 * What the replay leaves out, and why: operations the emulator does not implement (the README's "Not emulated"), and
 * the recorded interactions the emulator still answers differently, each with its reason.
 */
import { parseArmPath } from '../../../../src/emulator/arm';
import { PRIVATE_LINK_TARGETS } from '../../../../src/emulator/privateLinks';
import type { RecordedInteraction } from './cassette';

/** `PUT Microsoft.Network/privateDnsZones/A`, `GET subscriptions/resourceGroups`. */
export function operationLabel(recorded: RecordedInteraction): string {
  const path = parseArmPath(recorded.path);
  if (path.namespace === undefined) {
    const kinds = path.segments.filter((_, index) => index % 2 === 0);
    return `${recorded.method} ${kinds.join('/')}`;
  }
  return `${recorded.method} ${path.namespace}/${path.types.join('/')}`;
}

const typeOfId = (id: string): string => {
  const path = parseArmPath(id);
  return `${path.namespace ?? ''}/${path.types.join('/')}`;
};

/** Requests on paths the emulator routes, but whose subject it does not emulate. */
export function notEmulatedReason(recorded: RecordedInteraction): string | undefined {
  if (/\/providers\/Microsoft\.ResourceGraph\/resources$/i.test(recorded.path)) {
    const query = String((JSON.parse(recorded.requestBody ?? '{}') as { query?: string }).query ?? '');
    if (/^\s*resourcecontainers\b/i.test(query))
      return 'not emulated: the Resource Graph ResourceContainers table (management groups)';
    return undefined;
  }
  if (recorded.method === 'PUT' && /\/providers\/Microsoft\.Network\/privateEndpoints\/[^/]+$/i.test(recorded.path)) {
    const target = /"privateLinkServiceId":\s*"([^"]+)"/.exec(recorded.requestBody ?? '')?.[1];
    const type = target ? typeOfId(target) : '';
    if (!(type.toLowerCase() in PRIVATE_LINK_TARGETS)) return `not emulated: private endpoints to ${type}`;
  }
  return undefined;
}

/** `file#index` → why the emulator still answers differently. The test fails when one of these starts to agree. */
export const KNOWN_DISAGREEMENTS: Readonly<Record<string, string>> = {
  'azure-cli/network__test_network_private_endpoints.yaml#3':
    "ARM's generic resource list answered an empty page with a nextLink (it pages by storage partition, and the first " +
    'held no match); the emulator sends a nextLink only when more items remain. Clients follow a nextLink either way ' +
    '(src/azure listAllPages; test/unit/azure/recordedAnswers.test.ts replays this pair).',
};
