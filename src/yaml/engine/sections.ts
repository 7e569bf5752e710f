/** Which key table applies at a path of keys (list items are `'[]'`). */
import { OUTBOUND_RULE_TYPES, type OutboundRuleType, type Section } from './keys';

export const ITEM = '[]';

export function sectionOfPath(path: readonly string[], outboundRuleType?: string): Section | undefined {
  const [first, second, third, fourth] = path;
  if (path.length === 0) return 'workspace';
  if (first === 'network_acls') {
    if (path.length === 1) return 'network_acls';
    if (second === 'ip_rules' && third === ITEM && path.length === 3) return 'ip_rule';
    return undefined;
  }
  if (first !== 'managed_network') return undefined;
  if (path.length === 1) return 'managed_network';
  if (second !== 'outbound_rules' || third !== ITEM) return undefined;
  if (path.length === 3) return 'outbound_rule';
  if (fourth === 'destination' && path.length === 4) return destinationSection(outboundRuleType);
  return undefined;
}

function destinationSection(type: string | undefined): Section | undefined {
  const known = OUTBOUND_RULE_TYPES.find((candidate) => candidate === type) as OutboundRuleType | undefined;
  if (known === 'service_tag') return 'service_tag_destination';
  if (known === 'private_endpoint') return 'private_endpoint_destination';
  return undefined;
}
