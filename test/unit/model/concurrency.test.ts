import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConcurrentChangeError,
  assertEtagUnchanged,
  assertPropertiesUnchanged,
  changedProperties,
  isPreconditionFailed,
  sameEtag,
} from '../../../src/model/concurrency';

const BEFORE = {
  properties: {
    publicNetworkAccess: 'Enabled',
    networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.1.1' }] },
  },
};

describe('lost-update guards', () => {
  it('compares etags ignoring quotes and the weak prefix', () => {
    assert.ok(sameEtag('"abc"', 'abc'));
    assert.ok(sameEtag('W/"abc"', '"abc"'));
    assert.ok(!sameEtag('"abc"', '"abd"'));
    assert.ok(!sameEtag(undefined, 'abc'));
  });

  it('throws a ConcurrentChangeError with a clear message when the etag moved', () => {
    assert.doesNotThrow(() => assertEtagUnchanged('hub-sales', '"1"', '"1"'));
    assert.doesNotThrow(() => assertEtagUnchanged('hub-sales', undefined, '"2"'));
    assert.throws(
      () => assertEtagUnchanged('hub-sales', '"1"', '"2"'),
      (error: unknown) =>
        error instanceof ConcurrentChangeError &&
        /^hub-sales was changed by someone else since you started\. Nothing was written\.$/.test(error.message) &&
        /^Refresh the hub/.test(error.action),
    );
  });

  it('re-reads and compares the properties about to be written', () => {
    const same = structuredClone(BEFORE);
    assert.deepEqual(changedProperties(BEFORE, same, ['properties.publicNetworkAccess', 'properties.networkAcls']), []);
    const after = structuredClone(BEFORE);
    after.properties.networkAcls.ipRules.push({ value: '20.1.1.1' });
    assert.deepEqual(changedProperties(BEFORE, after, ['properties.publicNetworkAccess', 'properties.networkAcls']), [
      'properties.networkAcls',
    ]);
    assert.throws(
      () => assertPropertiesUnchanged('hub-sales', BEFORE, after, ['properties.networkAcls']),
      /hub-sales was changed by someone else since you started \(properties\.networkAcls\)/,
    );
    // A change elsewhere is not ours to guard.
    assert.doesNotThrow(() =>
      assertPropertiesUnchanged('hub-sales', BEFORE, { ...after, tags: { a: 'b' } }, [
        'properties.publicNetworkAccess',
      ]),
    );
  });

  it('treats a vanished property as a change', () => {
    assert.deepEqual(changedProperties(BEFORE, { properties: {} }, ['properties.networkAcls.defaultAction']), [
      'properties.networkAcls.defaultAction',
    ]);
  });

  it('recognises 412 answers', () => {
    assert.ok(isPreconditionFailed({ statusCode: 412 }));
    assert.ok(isPreconditionFailed({ code: 'PreconditionFailed' }));
    assert.ok(!isPreconditionFailed({ statusCode: 409 }));
  });
});
