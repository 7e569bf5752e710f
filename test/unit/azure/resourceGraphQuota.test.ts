import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancelledError } from '../../../src/azure/errors';
import { ResourceGraphQuota, parseQuotaResetsAfter } from '../../../src/azure/resourceGraphQuota';

describe('the Resource Graph quota, as the client keeps it', () => {
  it('reads x-ms-user-quota-resets-after (hh:mm:ss, with or without a fraction)', () => {
    assert.equal(parseQuotaResetsAfter('00:00:03'), 3000);
    assert.equal(parseQuotaResetsAfter('01:02:03.5'), 3_723_500);
    assert.equal(parseQuotaResetsAfter('3 seconds'), undefined);
    assert.equal(parseQuotaResetsAfter(undefined), undefined);
  });

  it('sends no more queries than the answers allow, and the rest after the reset', async () => {
    const quota = new ResourceGraphQuota();
    const headers = (remaining: number) => () => ({ remaining: String(remaining), resetsAfter: '00:00:00.3' });
    await quota.send(async () => 'first', headers(1));
    assert.equal(quota.availableNow, 1);
    await quota.send(async () => 'second', headers(0));
    assert.equal(quota.availableNow, 0);
    let sent = false;
    const waiting = quota.send(async () => (sent = true), headers(14));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(sent, false, 'the third query waits for the window to reset');
    await waiting;
    assert.equal(sent, true);
  });

  it('lets a cancelled query stop waiting', async () => {
    const quota = new ResourceGraphQuota(() => 0);
    await quota.send(
      async () => 'spent',
      () => ({ remaining: '0', resetsAfter: '00:01:00' }),
    );
    const controller = new AbortController();
    const waiting = quota.send(
      async () => 'never',
      () => undefined,
      controller.signal,
    );
    controller.abort();
    await assert.rejects(waiting, CancelledError);
  });

  it('goes on without waiting when answers carry no quota headers', async () => {
    const quota = new ResourceGraphQuota();
    for (let index = 0; index < 20; index++)
      await quota.send(
        async () => index,
        () => undefined,
      );
    assert.equal(quota.availableNow, undefined);
  });
});
