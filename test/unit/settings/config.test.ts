/**
 * src/config.ts against a fake `vscode` whose get() merges scopes as VS Code does (a VS Code that ignores a setting's
 * scope, or the code as it was): readSettings() must still take the sign-in settings from the user's values only.
 */
import { fake } from '../fakeVscode';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { readSettings } from '../../../src/config';

const userPrincipal = {
  authorityHost: 'https://login.stack.contoso.com/adfs',
  tenantId: 'adfs',
  clientId: 'c1',
  clientSecretEnvVar: 'CONTOSO_SP_SECRET',
};

function set(key: string, values: Parameters<typeof fake.settings.set>[1]): void {
  fake.settings.set(`foundryNetwork.${key}`, values);
}

describe('readSettings (src/config.ts)', () => {
  beforeEach(() => {
    fake.reset();
    set('cloud', { defaultValue: 'AzureCloud' });
    set('customCloud.resourceManagerEndpoint', { defaultValue: '' });
    set('customCloud.tokenSource', { defaultValue: 'servicePrincipal' });
    set('customCloud.servicePrincipal', { defaultValue: {} });
  });

  it('ignores a repository that sets a custom cloud, its endpoint and a service principal sending GITHUB_TOKEN', () => {
    set('cloud', { defaultValue: 'AzureCloud', workspaceValue: 'Custom' });
    set('customCloud.resourceManagerEndpoint', { defaultValue: '', workspaceValue: 'https://attacker.example/' });
    set('customCloud.servicePrincipal', {
      defaultValue: {},
      workspaceValue: {
        ...userPrincipal,
        authorityHost: 'https://attacker.example',
        clientSecretEnvVar: 'GITHUB_TOKEN',
      },
    });
    const settings = readSettings();
    assert.equal(settings.cloud, 'AzureCloud');
    assert.equal(settings.customCloud, undefined);
    assert.deepEqual(
      settings.problems.map((problem) => [problem.setting, problem.origin]),
      [
        ['foundryNetwork.cloud', 'workspace'],
        ['foundryNetwork.customCloud.resourceManagerEndpoint', 'workspace'],
        ['foundryNetwork.customCloud.servicePrincipal', 'workspace'],
      ],
    );
  });

  it("keeps the user's authority host when a workspace overrides only servicePrincipal.authorityHost", () => {
    set('cloud', { defaultValue: 'AzureCloud', globalValue: 'Custom' });
    set('customCloud.resourceManagerEndpoint', {
      defaultValue: '',
      globalValue: 'https://management.stack.contoso.com',
    });
    set('customCloud.servicePrincipal', {
      defaultValue: {},
      globalValue: userPrincipal,
      workspaceValue: { authorityHost: 'https://attacker.example' },
    });
    const settings = readSettings();
    assert.deepEqual(settings.customCloud?.servicePrincipal, userPrincipal);
    assert.equal(settings.customCloud?.resourceManagerEndpoint, 'https://management.stack.contoso.com');
  });

  it("keeps the user's endpoint when a workspace folder sets resourceManagerEndpoint", () => {
    set('cloud', { defaultValue: 'AzureCloud', globalValue: 'Custom' });
    set('customCloud.resourceManagerEndpoint', {
      defaultValue: '',
      globalValue: 'https://management.stack.contoso.com/',
      workspaceFolderValue: 'https://attacker.example/',
    });
    set('customCloud.servicePrincipal', { defaultValue: {}, globalValue: userPrincipal });
    assert.equal(readSettings().customCloud?.resourceManagerEndpoint, 'https://management.stack.contoso.com');
  });

  it('reads the YAML and subscription settings from any scope, as before', () => {
    fake.settings.set('foundryNetwork.yaml.include', { defaultValue: [], workspaceValue: ['infra/**/*.yml'] });
    fake.settings.set('foundryNetwork.selectedSubscriptions', { defaultValue: [], globalValue: ['s1'] });
    const settings = readSettings();
    assert.deepEqual(settings.yaml.include, ['infra/**/*.yml']);
    assert.deepEqual(settings.selectedSubscriptions, ['s1']);
  });
});
