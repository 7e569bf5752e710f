import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  InvalidPublicAccessModeError,
  describePublicAccessMode,
  publicAccessModeOf,
  publicAccessPatch,
} from '../../../src/model/publicAccess';

const SELECTED = { kind: 'selectedIps', ipRules: ['52.10.0.0/16', '20.1.2.3'] } as const;

describe('publicAccess', () => {
  it('derives the UI mode from publicNetworkAccess and networkAcls', () => {
    assert.deepEqual(publicAccessModeOf('Disabled', { defaultAction: 'Deny', ipRules: ['52.1.1.1'] }), {
      kind: 'disabled',
    });
    assert.deepEqual(publicAccessModeOf('Enabled', undefined), { kind: 'allNetworks' });
    assert.deepEqual(publicAccessModeOf(undefined, undefined), { kind: 'allNetworks' });
    assert.deepEqual(publicAccessModeOf('Enabled', { defaultAction: 'Allow', ipRules: ['52.1.1.1'] }), {
      kind: 'allNetworks',
    });
    assert.deepEqual(publicAccessModeOf('Enabled', { defaultAction: 'Deny', ipRules: ['52.1.1.1'] }), {
      kind: 'selectedIps',
      ipRules: ['52.1.1.1'],
    });
  });

  it('describes modes as the UI shows them', () => {
    assert.equal(describePublicAccessMode({ kind: 'disabled' }), 'Disabled');
    assert.equal(describePublicAccessMode({ kind: 'allNetworks' }), 'Enabled from all networks');
    assert.equal(describePublicAccessMode(SELECTED), 'Enabled from selected IPs (2 rules)');
    assert.equal(
      describePublicAccessMode({ kind: 'selectedIps', ipRules: ['52.1.1.1'] }),
      'Enabled from selected IPs (1 rule)',
    );
  });

  it('PATCHes selected IPs with Deny and value objects, on the preview api', () => {
    const patch = publicAccessPatch(SELECTED, { kind: 'disabled' });
    assert.deepEqual(patch.body, {
      properties: {
        publicNetworkAccess: 'Enabled',
        networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.10.0.0/16' }, { value: '20.1.2.3' }] },
      },
    });
    assert.equal(patch.needsPreviewApiVersion, true);
    assert.equal(patch.exposes, true);
    assert.equal(patch.removedIpRuleCount, 0);
  });

  it('resets the rules when switching away from selected IPs', () => {
    for (const target of [{ kind: 'disabled' }, { kind: 'allNetworks' }] as const) {
      const patch = publicAccessPatch(target, SELECTED);
      assert.deepEqual(patch.body.properties.networkAcls, { defaultAction: 'Allow', ipRules: [] });
      assert.equal(patch.needsPreviewApiVersion, true);
      assert.equal(patch.removedIpRuleCount, 2);
    }
    assert.equal(publicAccessPatch({ kind: 'disabled' }, SELECTED).body.properties.publicNetworkAccess, 'Disabled');
    assert.equal(publicAccessPatch({ kind: 'disabled' }, SELECTED).exposes, false);
    assert.equal(publicAccessPatch({ kind: 'allNetworks' }, SELECTED).exposes, true);
  });

  it('touches only publicNetworkAccess, on the stable api, when there are no rules to reset', () => {
    const patch = publicAccessPatch({ kind: 'disabled' }, { kind: 'allNetworks' });
    assert.deepEqual(patch.body, { properties: { publicNetworkAccess: 'Disabled' } });
    assert.equal(patch.needsPreviewApiVersion, false);
    assert.equal(publicAccessPatch({ kind: 'allNetworks' }, { kind: 'disabled' }).needsPreviewApiVersion, false);
  });

  it('still resets the rules for "all networks" when they could not be read', () => {
    const patch = publicAccessPatch({ kind: 'allNetworks' }, undefined);
    assert.deepEqual(patch.body.properties.networkAcls, { defaultAction: 'Allow', ipRules: [] });
    assert.equal(publicAccessPatch({ kind: 'disabled' }, undefined).body.properties.networkAcls, undefined);
  });

  it('turns a Deny left behind by Disabled to Allow when opening to all networks, keeping its rules (inert), not deleting them', () => {
    const hidden = { defaultAction: 'Deny' as const, ipRules: ['52.1.2.0/24', '20.1.1.1'] };
    const leftover = publicAccessPatch({ kind: 'allNetworks' }, { kind: 'disabled' }, { storedNetworkAcls: hidden });
    assert.deepEqual(leftover.body, {
      properties: {
        publicNetworkAccess: 'Enabled',
        networkAcls: { defaultAction: 'Allow', ipRules: [{ value: '52.1.2.0/24' }, { value: '20.1.1.1' }] },
      },
    });
    assert.equal(leftover.needsPreviewApiVersion, true);
    assert.equal(leftover.removedIpRuleCount, 0, 'nothing is deleted');
    assert.equal(
      publicAccessPatch(
        { kind: 'allNetworks' },
        { kind: 'disabled' },
        { storedNetworkAcls: { ...hidden, defaultAction: 'Allow' } },
      ).body.properties.networkAcls,
      undefined,
    );
    assert.equal(
      publicAccessPatch({ kind: 'disabled' }, { kind: 'disabled' }, { storedNetworkAcls: hidden }).body.properties
        .networkAcls,
      undefined,
    );
  });

  it('counts rules dropped when editing the list', () => {
    const patch = publicAccessPatch({ kind: 'selectedIps', ipRules: ['20.1.2.3'] }, SELECTED);
    assert.equal(patch.removedIpRuleCount, 1);
    assert.equal(patch.exposes, false);
  });

  it('refuses selected IPs with no rules or more than 200', () => {
    assert.throws(
      () => publicAccessPatch({ kind: 'selectedIps', ipRules: [] }, undefined),
      InvalidPublicAccessModeError,
    );
    const many = Array.from({ length: 201 }, (_, index) => `52.0.${Math.floor(index / 250)}.${index % 250}`);
    assert.throws(() => publicAccessPatch({ kind: 'selectedIps', ipRules: many }, undefined), /at most 200/);
    assert.doesNotThrow(() => publicAccessPatch({ kind: 'selectedIps', ipRules: many.slice(0, 200) }, undefined));
  });
});
