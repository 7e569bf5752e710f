/**
 * The sign-in settings (src/settings/signInSettings.ts): only the user's values steer sign-in, whatever a workspace
 * sets, and a value that is not https or not a known name is refused with a message that names the setting.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  resolveSignInSettings,
  type InspectedValue,
  type SignInSettingKey,
} from '../../../src/settings/signInSettings';

const userPrincipal = {
  authorityHost: 'https://login.stack.contoso.com/adfs',
  tenantId: 'adfs',
  clientId: '00000000-0000-0000-0000-00000000c1d0',
  clientSecretEnvVar: 'CONTOSO_SP_SECRET',
};

/** A user who signs in to a custom cloud with a service principal. */
function userCustomCloud(): Partial<Record<SignInSettingKey, InspectedValue>> {
  return {
    cloud: { defaultValue: 'AzureCloud', globalValue: 'Custom' },
    'customCloud.resourceManagerEndpoint': { defaultValue: '', globalValue: 'https://management.stack.contoso.com/' },
    'customCloud.tokenSource': { defaultValue: 'servicePrincipal' },
    'customCloud.servicePrincipal': { defaultValue: {}, globalValue: userPrincipal },
  };
}

function resolve(values: Partial<Record<SignInSettingKey, InspectedValue>>) {
  return resolveSignInSettings((key) => values[key]);
}

describe('sign-in settings', () => {
  it("takes the user's custom cloud and service principal as they are", () => {
    const { settings, problems } = resolve(userCustomCloud());
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      cloud: 'Custom',
      customCloud: {
        resourceManagerEndpoint: 'https://management.stack.contoso.com',
        portalUrl: undefined,
        tokenSource: 'servicePrincipal',
        servicePrincipal: userPrincipal,
      },
    });
  });

  it("ignores a workspace's whole custom cloud and service principal, and says so for each setting", () => {
    const { settings, problems } = resolve({
      cloud: { defaultValue: 'AzureCloud', workspaceValue: 'Custom' },
      'customCloud.resourceManagerEndpoint': { defaultValue: '', workspaceValue: 'https://attacker.example/' },
      'customCloud.servicePrincipal': {
        defaultValue: {},
        workspaceValue: {
          ...userPrincipal,
          authorityHost: 'https://attacker.example',
          clientSecretEnvVar: 'GITHUB_TOKEN',
        },
      },
    });
    assert.deepEqual(settings, { cloud: 'AzureCloud', customCloud: undefined });
    assert.deepEqual(
      problems.map((problem) => [problem.setting, problem.origin, problem.blocksSignIn]),
      [
        ['foundryNetwork.cloud', 'workspace', false],
        ['foundryNetwork.customCloud.resourceManagerEndpoint', 'workspace', false],
        ['foundryNetwork.customCloud.servicePrincipal', 'workspace', false],
      ],
    );
    assert.match(problems[0]!.message, /foundryNetwork\.cloud is set in the workspace settings and is ignored/);
    assert.match(problems[0]!.message, /user settings/);
  });

  it("keeps the user's whole service principal when a workspace overrides only its authorityHost", () => {
    // VS Code deep-merges object settings: get() would give the user's secret variable with the workspace's host.
    const values = userCustomCloud();
    values['customCloud.servicePrincipal'] = {
      defaultValue: {},
      globalValue: userPrincipal,
      workspaceValue: { authorityHost: 'https://attacker.example' },
    };
    const { settings, problems } = resolve(values);
    assert.equal(settings.customCloud?.servicePrincipal?.authorityHost, userPrincipal.authorityHost);
    assert.deepEqual(
      problems.map((problem) => problem.setting),
      ['foundryNetwork.customCloud.servicePrincipal'],
    );
  });

  it('ignores a folder-level resourceManagerEndpoint and keeps the user endpoint', () => {
    const values = userCustomCloud();
    values['customCloud.resourceManagerEndpoint'] = {
      defaultValue: '',
      globalValue: 'https://management.stack.contoso.com',
      workspaceFolderValue: 'https://attacker.example',
    };
    const { settings, problems } = resolve(values);
    assert.equal(settings.customCloud?.resourceManagerEndpoint, 'https://management.stack.contoso.com');
    assert.deepEqual(
      problems.map((problem) => [problem.origin, problem.blocksSignIn]),
      [['workspaceFolder', false]],
    );
    assert.match(problems[0]!.message, /folder of the workspace/);
  });

  for (const [key, value, reason] of [
    ['customCloud.resourceManagerEndpoint', 'http://management.stack.contoso.com', /not https/],
    ['customCloud.resourceManagerEndpoint', 'management.stack.contoso.com', /not a URL/],
    ['customCloud.resourceManagerEndpoint', 'https://user:pass@management.stack.contoso.com', /user name or password/],
    ['customCloud.resourceManagerEndpoint', '', /empty/],
  ] as const) {
    it(`refuses the endpoint ${JSON.stringify(value)} and stops sign-in, naming the setting`, () => {
      const values = userCustomCloud();
      values[key] = { defaultValue: '', globalValue: value };
      const { settings, problems } = resolve(values);
      assert.equal(settings.customCloud, undefined);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.setting, `foundryNetwork.${key}`);
      assert.equal(problems[0]!.blocksSignIn, true);
      assert.match(problems[0]!.message, /in your user settings is not used/);
      assert.match(problems[0]!.message, reason);
    });
  }

  it('refuses an http authorityHost, so the secret is never sent without TLS', () => {
    const values = userCustomCloud();
    values['customCloud.servicePrincipal'] = {
      defaultValue: {},
      globalValue: { ...userPrincipal, authorityHost: 'http://login.stack.contoso.com/adfs' },
    };
    const { settings, problems } = resolve(values);
    assert.equal(settings.customCloud?.servicePrincipal, undefined);
    assert.deepEqual(
      problems.map((problem) => [problem.setting, problem.blocksSignIn]),
      [['foundryNetwork.customCloud.servicePrincipal', true]],
    );
    assert.match(problems[0]!.message, /authorityHost: .*not https/);
  });

  it('ignores an http portal URL without stopping sign-in', () => {
    const values = userCustomCloud();
    values['customCloud.portalUrl'] = { defaultValue: '', globalValue: 'http://portal.example' };
    const { settings, problems } = resolve(values);
    assert.equal(settings.customCloud?.portalUrl, undefined);
    assert.equal(settings.customCloud?.resourceManagerEndpoint, 'https://management.stack.contoso.com');
    assert.deepEqual(
      problems.map((problem) => [problem.setting, problem.blocksSignIn]),
      [['foundryNetwork.customCloud.portalUrl', false]],
    );
  });

  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'azurecloud', 42]) {
    it(`refuses the cloud ${JSON.stringify(name)} (only own names of the table count)`, () => {
      const { settings, problems } = resolve({ cloud: { defaultValue: 'AzureCloud', globalValue: name } });
      assert.deepEqual(settings, { cloud: 'AzureCloud', customCloud: undefined });
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.blocksSignIn, true);
      assert.match(problems[0]!.message, /foundryNetwork\.cloud in your user settings is not used: .* is not one of/);
    });
  }

  it('refuses a token source that is no own name, and a service principal that lacks fields or names no variable', () => {
    const values = userCustomCloud();
    values['customCloud.tokenSource'] = { defaultValue: 'servicePrincipal', globalValue: '__proto__' };
    assert.deepEqual(
      resolve(values).problems.map((problem) => problem.setting),
      ['foundryNetwork.customCloud.tokenSource'],
    );
    const partial = userCustomCloud();
    partial['customCloud.servicePrincipal'] = { defaultValue: {}, globalValue: { authorityHost: 'https://a.example' } };
    assert.match(resolve(partial).problems[0]!.message, /missing: tenantId, clientId, clientSecretEnvVar/);
    const badVariable = userCustomCloud();
    badVariable['customCloud.servicePrincipal'] = {
      defaultValue: {},
      globalValue: { ...userPrincipal, clientSecretEnvVar: 'A;rm -rf' },
    };
    assert.match(resolve(badVariable).problems[0]!.message, /not an environment variable name/);
  });

  it('needs no service principal with the Azure CLI as token source, and checks nothing custom for a known cloud', () => {
    const cli = userCustomCloud();
    cli['customCloud.tokenSource'] = { defaultValue: 'servicePrincipal', globalValue: 'azureCli' };
    cli['customCloud.servicePrincipal'] = { defaultValue: {} };
    assert.deepEqual(resolve(cli).problems, []);
    assert.equal(resolve(cli).settings.customCloud?.tokenSource, 'azureCli');
    const china = { cloud: { defaultValue: 'AzureCloud', globalValue: 'AzureChinaCloud' } };
    assert.deepEqual(resolve(china), { settings: { cloud: 'AzureChinaCloud', customCloud: undefined }, problems: [] });
  });
});
