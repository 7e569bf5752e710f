/** plan.ts: the fingerprint that ties a saved run to its plan, and the checks createPlan makes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPlan, planFingerprint, type PlanStep } from '../../../src/model/plan';
import { buildPrivateEndpointPlan } from '../../../src/model/privateEndpointPlan';
import { endpointContext } from './planFixtures';

const ZONE =
  '/subscriptions/s1/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms';

function aStep(overrides: Partial<PlanStep> = {}): PlanStep {
  return {
    id: 'create-zone',
    title: 'Create private DNS zone privatelink.api.azureml.ms',
    operation: { method: 'PUT', resourceId: ZONE, apiVersion: '2024-06-01', body: { location: 'global' } },
    az: 'az network private-dns zone create',
    creates: true,
    undo: {
      title: 'Delete private DNS zone privatelink.api.azureml.ms',
      operation: { method: 'DELETE', resourceId: ZONE, apiVersion: '2024-06-01' },
      az: 'az network private-dns zone delete',
    },
    destructive: false,
    exposing: false,
    ...overrides,
  };
}

describe('planFingerprint', () => {
  const base = planFingerprint([aStep()]);

  it('is eight hex digits, the same for the same steps', () => {
    assert.match(base, /^[0-9a-f]{8}$/);
    assert.equal(planFingerprint([aStep()]), base);
    assert.equal(
      planFingerprint(JSON.parse(JSON.stringify([aStep()])) as PlanStep[]),
      base,
      'after a save and a reload',
    );
  });

  it('changes with what a step does: its id, method, resource and body, and the order of the steps', () => {
    const second = aStep({
      id: 'link',
      operation: { ...aStep().operation, resourceId: `${ZONE}/virtualNetworkLinks/l` },
    });
    const variants = [
      [aStep({ id: 'create-zone-2' })],
      [aStep({ operation: { ...aStep().operation, method: 'PATCH' } })],
      [aStep({ operation: { ...aStep().operation, resourceId: ZONE.replace('rg-dns', 'rg-other') } })],
      [aStep({ operation: { ...aStep().operation, body: { location: 'westeurope' } } })],
      [aStep({ operation: { ...aStep().operation, body: undefined } })],
      [aStep(), second],
      [second, aStep()],
    ].map(planFingerprint);
    assert.equal(new Set([base, ...variants]).size, variants.length + 1, variants.join(' '));
  });

  it('ignores what only describes a step, and the case of resource ids (ARM ids are case-insensitive)', () => {
    for (const same of [
      aStep({ title: 'Another title', az: 'another az line' }),
      aStep({ creates: false, undo: undefined, destructive: true, consequence: 'x' }),
      aStep({ operation: { ...aStep().operation, resourceId: ZONE.toUpperCase(), apiVersion: '2020-06-01' } }),
    ])
      assert.equal(planFingerprint([same]), base);
  });

  it("is FNV-1a (32 bits) of each step's id, method, lower-case resource id and body, one line per step", () => {
    assert.deepEqual(
      ['', 'a', 'foobar'].map(fnv1a),
      ['811c9dc5', 'e40c292c', 'bf9cf968'],
      'the published test vectors',
    );
    const second = aStep({ id: 'link', operation: { method: 'DELETE', resourceId: `${ZONE}/X`, apiVersion: 'v' } });
    assert.equal(
      planFingerprint([aStep(), second]),
      fnv1a(`create-zone PUT ${ZONE.toLowerCase()} {"location":"global"}\nlink DELETE ${ZONE.toLowerCase()}/x null`),
    );
  });

  it('stays what earlier versions computed, so their saved runs still resume', () => {
    // Pinned: a change here makes every saved run of the previous version unreadable (isStateOfPlan).
    assert.equal(base, 'bd118900');
  });
});

describe('createPlan', () => {
  it('takes the fingerprint of its steps as its id', () => {
    const plan = buildPrivateEndpointPlan(endpointContext());
    assert.equal(plan.id, planFingerprint(plan.steps));
    assert.equal(createPlan('t', [aStep()], []).id, base());
  });

  it('refuses two steps with one id, and a creating step with no way to delete what it creates', () => {
    assert.throws(() => createPlan('t', [aStep(), aStep()], []), /Two plan steps share the id "create-zone"/);
    assert.throws(
      () => createPlan('t', [aStep({ undo: undefined })], []),
      /"create-zone" creates a resource but says nothing about how to delete it/,
    );
  });
});

function base(): string {
  return planFingerprint([aStep()]);
}

/** FNV-1a, 32 bits, over UTF-8 bytes, written from its specification (the offset basis and the prime). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
