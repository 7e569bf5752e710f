/**
 * ARM naming rules for the names our wizards ask for. Each validator returns the message to show, or undefined when
 * the name is fine: the shape VS Code's `InputBoxOptions.validateInput` expects.
 * Rules: "Naming rules and restrictions for Azure resources", https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 */

interface NetworkNameRule {
  readonly what: string;
  readonly maxLength: number;
}

/** Microsoft.Network child and top-level names share one rule; only the maximum length varies. */
function validateNetworkName(name: string, rule: NetworkNameRule): string | undefined {
  if (name.length === 0) {
    return `Enter a ${rule.what} name.`;
  }
  if (name.length > rule.maxLength) {
    return `A ${rule.what} name can be at most ${rule.maxLength} characters (this one has ${name.length}).`;
  }
  const invalid = [...name].find((character) => !/[A-Za-z0-9_.-]/.test(character));
  if (invalid !== undefined) {
    return `A ${rule.what} name can contain only letters, digits, underscores, periods and hyphens, not "${invalid}".`;
  }
  if (!/^[A-Za-z0-9]/.test(name)) {
    return `A ${rule.what} name must start with a letter or a digit.`;
  }
  if (!/[A-Za-z0-9_]$/.test(name)) {
    return `A ${rule.what} name must end with a letter, a digit or an underscore.`;
  }
  return undefined;
}

const PRIVATE_ENDPOINT_NAME_RULE: NetworkNameRule = { what: 'private endpoint', maxLength: 80 };

export function validatePrivateEndpointName(name: string): string | undefined {
  return validateNetworkName(name, PRIVATE_ENDPOINT_NAME_RULE);
}

/**
 * `pe-<resource name>-<groupId>`, the name the portal suggests: characters a network name cannot hold are dropped,
 * and the resource name is shortened so the whole name fits.
 */
export function defaultPrivateEndpointName(resourceName: string, groupId: string): string {
  const suffix = `-${groupId}`;
  const room = PRIVATE_ENDPOINT_NAME_RULE.maxLength - 'pe-'.length - suffix.length;
  const resource = resourceName
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .slice(0, room)
    .replace(/[.-]+$/, '');
  return `pe-${resource || 'resource'}${suffix}`;
}

/** The connection inside a private endpoint (`--connection-name`). */
export function validatePrivateLinkConnectionName(name: string): string | undefined {
  return validateNetworkName(name, { what: 'connection', maxLength: 80 });
}

export function validateDnsZoneGroupName(name: string): string | undefined {
  return validateNetworkName(name, { what: 'DNS zone group', maxLength: 80 });
}

export function validateVirtualNetworkLinkName(name: string): string | undefined {
  return validateNetworkName(name, { what: 'virtual network link', maxLength: 80 });
}

/**
 * Resource groups allow Unicode letters and digits, underscores, hyphens, periods and parentheses, up to 90
 * characters, and cannot end with a period.
 */
export function validateResourceGroupName(name: string): string | undefined {
  if (name.length === 0) {
    return 'Enter a resource group name.';
  }
  if (name.length > 90) {
    return `A resource group name can be at most 90 characters (this one has ${name.length}).`;
  }
  const invalid = [...name].find((character) => !/[\p{L}\p{Nd}_().-]/u.test(character));
  if (invalid !== undefined) {
    return `A resource group name can contain only letters, digits, underscores, hyphens, periods and parentheses, not "${invalid}".`;
  }
  if (name.endsWith('.')) {
    return 'A resource group name cannot end with a period.';
  }
  return undefined;
}

/** A private DNS zone name: 2 to 34 labels of letters, digits, underscores and hyphens, at most 253 characters. */
export function validatePrivateDnsZoneName(name: string): string | undefined {
  const zone = name.replace(/\.$/, '');
  if (zone.length === 0) {
    return 'Enter a DNS zone name.';
  }
  if (zone.length > 253) {
    return `A DNS zone name can be at most 253 characters (this one has ${zone.length}).`;
  }
  const labels = zone.split('.');
  if (labels.length < 2 || labels.length > 34) {
    return 'A DNS zone name needs between 2 and 34 labels separated by periods, for example privatelink.api.azureml.ms.';
  }
  const bad = labels.find((label) => label.length === 0 || label.length > 63 || !/^[A-Za-z0-9_-]+$/.test(label));
  if (bad !== undefined) {
    return bad.length === 0
      ? 'A DNS zone name cannot have empty labels (two periods in a row).'
      : `The label "${bad}" must be 1 to 63 letters, digits, underscores or hyphens.`;
  }
  return undefined;
}
