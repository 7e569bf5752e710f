/**
 * createAccess (src/features.ts) against a fake `vscode`: the service principal's secret is read from its environment
 * variable only after the user allowed that (authority host, variable) pair, and a rejected setting stops sign-in.
 */
import { fake, window as fakeWindow } from '../fakeVscode';
import type * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { readSettings } from '../../../src/config';
import { createAccess } from '../../../src/features';
import { SecretUseApprovals, SecretUseDeclinedError } from '../../../src/settings/secretUse';

const SECRET_VARIABLE = 'FOUNDRY_UNIT_TEST_SECRET';
const userPrincipal = {
  authorityHost: 'https://login.stack.contoso.com/adfs',
  tenantId: 'adfs',
  clientId: 'c1',
  clientSecretEnvVar: SECRET_VARIABLE,
};

/** The extension's log channel, as createAccess receives it: the fake's, which keeps every line in fake.logLines. */
const log = fakeWindow.createOutputChannel() as unknown as vscode.LogOutputChannel;

/** Records, in order, each question asked and each read of the secret's environment variable. */
const events: string[] = [];
const realEnvironment = process.env;

function approvals(answer: boolean): SecretUseApprovals {
  const stored = new Map<string, unknown>();
  return new SecretUseApprovals(
    {
      get: <T>(key: string) => stored.get(key) as T | undefined,
      update: async (key, value) => void stored.set(key, value),
    },
    async (question) => {
      events.push(`asked: ${question.message}`);
      return answer;
    },
  );
}

describe('createAccess (src/features.ts)', () => {
  beforeEach(() => {
    fake.reset();
    events.length = 0;
    fake.settings.set('foundryNetwork.cloud', { defaultValue: 'AzureCloud', globalValue: 'Custom' });
    fake.settings.set('foundryNetwork.customCloud.resourceManagerEndpoint', {
      defaultValue: '',
      globalValue: 'https://management.stack.contoso.com',
    });
    fake.settings.set('foundryNetwork.customCloud.tokenSource', { defaultValue: 'servicePrincipal' });
    fake.settings.set('foundryNetwork.customCloud.servicePrincipal', { defaultValue: {}, globalValue: userPrincipal });
    process.env = new Proxy(
      { ...realEnvironment, [SECRET_VARIABLE]: 'the-secret' },
      {
        get(target, name) {
          if (name === SECRET_VARIABLE) events.push('read the secret');
          return Reflect.get(target, name);
        },
      },
    );
  });
  afterEach(() => {
    process.env = realEnvironment;
  });

  it('asks first, then reads the secret, when the user allows it', async () => {
    const access = await createAccess(readSettings(), approvals(true), log);
    access.dispose();
    assert.deepEqual(events, [
      `asked: Send the secret in the environment variable ${SECRET_VARIABLE} to https://login.stack.contoso.com/adfs?`,
      'read the secret',
    ]);
  });

  it('never reads the secret when the user declines, and stops with why', async () => {
    await assert.rejects(createAccess(readSettings(), approvals(false), log), SecretUseDeclinedError);
    assert.equal(events.length, 1);
    assert.match(events[0]!, /^asked: /);
  });

  it('stops before asking when a setting is rejected, and shows why once', async () => {
    fake.settings.set('foundryNetwork.customCloud.servicePrincipal', {
      defaultValue: {},
      globalValue: { ...userPrincipal, authorityHost: 'http://login.stack.contoso.com/adfs' },
    });
    const expected =
      /foundryNetwork\.customCloud\.servicePrincipal in your user settings is not used: authorityHost: .*not https/;
    await assert.rejects(createAccess(readSettings(), approvals(true), log), expected);
    await assert.rejects(createAccess(readSettings(), approvals(true), log), expected);
    assert.deepEqual(events, []);
    assert.equal(fake.warnings.filter((warning) => expected.test(warning.message)).length, 1);
    assert.equal(fake.logLines.filter((line) => expected.test(line)).length, 2);
  });

  it("shows, once, that a workspace's endpoint was ignored, and signs in with the user's", async () => {
    fake.settings.set('foundryNetwork.customCloud.resourceManagerEndpoint', {
      defaultValue: '',
      globalValue: 'https://management.stack.contoso.com',
      workspaceValue: 'https://attacker.example',
    });
    const access = await createAccess(readSettings(), approvals(true), log);
    access.dispose();
    assert.equal(access.cloud.resourceManagerEndpoint, 'https://management.stack.contoso.com');
    assert.equal(fake.warnings.length, 1);
    assert.match(fake.warnings[0]!.message, /resourceManagerEndpoint is set in the workspace settings and is ignored/);
  });
});
