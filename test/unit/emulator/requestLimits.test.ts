import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN_HEADER } from '../../../src/emulator/admin';
import { loggedPath } from '../../../src/emulator/faults';
import { MAX_ADMIN_BODY_BYTES, MAX_REQUEST_BODY_BYTES } from '../../../src/emulator/server';
import { DEV, DEV_GROUP, Harness, WORKSPACES } from './helpers';

const HUB = `${DEV_GROUP}/${WORKSPACES}/hub-public`;
/** Secret-looking query parameters a denylist of names missed: encoded names, and names it never listed. */
const SECRETS = {
  'client%5Fsecret': 'planted-client-secret-value',
  password: 'planted-password-value',
  assertion: 'planted-assertion-value',
  key: 'planted-key-value',
  sig: 'planted-sas-signature',
};
const secretQuery = Object.entries(SECRETS)
  .map(([name, value]) => `${name}=${value}`)
  .join('&');

describe('emulator: the request log keeps the path only, and request bodies are capped', () => {
  let harness: Harness;
  let token: string;
  before(async () => {
    harness = await Harness.start();
    token = (await harness.credential.getToken(`${harness.emulator.url}/.default`))?.token ?? '';
  });
  after(() => harness.close());

  /** A body sent in chunks of 1 MB without a Content-Length, so the emulator only learns its size by reading it. */
  function streamBody(method: string, path: string, bytes: number, headers: Record<string, string>) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request(
        `${harness.emulator.url}${path}`,
        { method, ca: readFileSync(harness.emulator.caCertPath, 'utf8'), headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      outgoing.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, ' ');
      let sent = 0;
      const writeMore = (): void => {
        while (sent < bytes) {
          const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
          sent += piece.length;
          if (!outgoing.write(piece)) return void outgoing.once('drain', writeMore);
        }
        outgoing.end();
      };
      writeMore();
    });
  }

  it('logs no value of a secret query parameter, whatever its name or encoding', async () => {
    await harness.admin.clearRequests();
    assert.equal((await harness.arm('GET', `${HUB}?api-version=2025-12-01&${secretQuery}`)).status, 200);
    await harness.raw(
      'POST',
      `/adfs/oauth2/token?${secretQuery}`,
      `grant_type=client_credentials&client_id=${harness.emulator.clientId}&client_secret=${harness.emulator.clientSecret}`,
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    );
    const log = await harness.admin.requests();
    assert.deepEqual(
      log.map((entry) => [entry.method, entry.path, entry.status]),
      [
        ['GET', HUB, 200],
        ['POST', '/adfs/oauth2/token', 200],
      ],
    );
    const text = JSON.stringify(log);
    for (const value of [...Object.values(SECRETS), harness.emulator.clientSecret])
      assert.ok(!text.includes(value), `the log holds ${value}`);
  });

  it('keeps the path of any target and drops its query or fragment', () => {
    assert.equal(loggedPath(`/subscriptions/${DEV}?password=p`), `/subscriptions/${DEV}`);
    assert.equal(loggedPath('/adfs/oauth2/token#access_token=t'), '/adfs/oauth2/token');
    assert.equal(
      loggedPath('/providers/Microsoft.ResourceGraph/resources'),
      '/providers/Microsoft.ResourceGraph/resources',
    );
  });

  it('answers 413 in the ARM error shape to a body over the cap, and keeps serving', async () => {
    const oversize = JSON.stringify({ location: 'eastus', tags: { padding: 'x'.repeat(MAX_REQUEST_BODY_BYTES) } });
    const refused = await harness.arm(
      'PUT',
      `/subscriptions/${DEV}/resourcegroups/rg-oversize?api-version=2021-04-01`,
      JSON.parse(oversize),
    );
    assert.equal(refused.status, 413);
    assert.equal(refused.body.error.code, 'RequestEntityTooLarge');
    assert.match(refused.body.error.message, /over 4 MB .*Content-Length \d+.*Send a smaller request/);
    assert.equal((await harness.arm('GET', `${HUB}?api-version=2025-12-01`)).status, 200, 'the emulator still serves');
    assert.equal(await harness.admin.getResource(`/subscriptions/${DEV}/resourceGroups/rg-oversize`), undefined);
  });

  it('refuses a body without a Content-Length once it passes the cap, and keeps serving', async () => {
    const refused = await streamBody(
      'PUT',
      `/subscriptions/${DEV}/resourcegroups/rg-streamed?api-version=2021-04-01`,
      MAX_REQUEST_BODY_BYTES + 1024 * 1024,
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    );
    assert.equal(refused.status, 413);
    assert.equal(JSON.parse(refused.body).error.code, 'RequestEntityTooLarge');
    assert.equal((await harness.arm('GET', `${HUB}?api-version=2025-12-01`)).status, 200, 'the emulator still serves');
  });

  it('accepts a body of exactly the cap', async () => {
    const body = `{"location":"eastus"}`;
    const padded = body + ' '.repeat(MAX_REQUEST_BODY_BYTES - body.length);
    const created = await harness.raw(
      'PUT',
      `/subscriptions/${DEV}/resourcegroups/rg-at-the-cap?api-version=2021-04-01`,
      padded,
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    );
    assert.equal(created.status, 201);
  });

  it('caps the admin API too, at its own larger limit', async () => {
    const refused = await streamBody('PUT', '/_emulator/snapshot', MAX_ADMIN_BODY_BYTES + 1, {
      [ADMIN_TOKEN_HEADER]: harness.emulator.adminToken,
      'Content-Type': 'application/json',
    });
    assert.equal(refused.status, 413);
    assert.equal(JSON.parse(refused.body).error.code, 'RequestEntityTooLarge');
    assert.ok((await harness.admin.snapshot()).resources.length > 0, 'the state is unchanged');
  });
});
