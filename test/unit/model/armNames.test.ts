import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  validateDnsZoneGroupName,
  validatePrivateDnsZoneName,
  validatePrivateEndpointName,
  validateResourceGroupName,
  validateVirtualNetworkLinkName,
} from '../../../src/model/armNames';

describe('armNames', () => {
  it('accepts private endpoint names within the rules, up to 80 characters', () => {
    for (const name of ['p', 'pe-hub_01', 'pe.hub', 'a_', '9', 'x'.repeat(80)]) {
      assert.equal(validatePrivateEndpointName(name), undefined, name);
    }
  });

  it('rejects private endpoint names with a message that says what is wrong', () => {
    assert.match(validatePrivateEndpointName('') ?? '', /Enter a private endpoint name/);
    assert.match(validatePrivateEndpointName('x'.repeat(81)) ?? '', /at most 80 characters \(this one has 81\)/);
    assert.match(validatePrivateEndpointName('-pe') ?? '', /start with a letter or a digit/);
    assert.match(validatePrivateEndpointName('_pe') ?? '', /start with a letter or a digit/);
    assert.match(validatePrivateEndpointName('pe-') ?? '', /end with a letter, a digit or an underscore/);
    assert.match(validatePrivateEndpointName('pe.') ?? '', /end with/);
    assert.match(validatePrivateEndpointName('pe hub') ?? '', /not " "/);
    assert.match(validatePrivateEndpointName('pé') ?? '', /not "é"/);
  });

  it('applies the same rule to zone groups and VNet links, naming the thing', () => {
    assert.equal(validateDnsZoneGroupName('default'), undefined);
    assert.match(validateDnsZoneGroupName('group!') ?? '', /DNS zone group name/);
    assert.equal(validateVirtualNetworkLinkName('link-vnet-hub'), undefined);
    assert.match(validateVirtualNetworkLinkName('link-') ?? '', /virtual network link name must end/);
  });

  it('validates resource group names: Unicode letters, parentheses, 90 characters, no final period', () => {
    for (const name of ['rg', 'rg-ai_(prod).1', 'groupe-réseau', 'x'.repeat(90)]) {
      assert.equal(validateResourceGroupName(name), undefined, name);
    }
    assert.match(validateResourceGroupName('') ?? '', /Enter/);
    assert.match(validateResourceGroupName('x'.repeat(91)) ?? '', /at most 90/);
    assert.match(validateResourceGroupName('rg.') ?? '', /cannot end with a period/);
    assert.match(validateResourceGroupName('rg/1') ?? '', /not "\/"/);
  });

  it('validates private DNS zone names', () => {
    assert.equal(validatePrivateDnsZoneName('privatelink.api.azureml.ms'), undefined);
    assert.equal(validatePrivateDnsZoneName('contoso.com.'), undefined);
    assert.match(validatePrivateDnsZoneName('localhost') ?? '', /between 2 and 34 labels/);
    assert.match(validatePrivateDnsZoneName('a..b') ?? '', /empty labels/);
    assert.match(validatePrivateDnsZoneName(`${'a'.repeat(64)}.com`) ?? '', /1 to 63/);
  });
});
