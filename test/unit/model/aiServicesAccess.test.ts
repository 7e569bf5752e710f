import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accountAccessPatch,
  buildAccountAccessPlan,
  type AiServicesAccount,
} from '../../../src/model/aiServicesAccess';
import { CLOUDS } from '../../../src/model/clouds';
import { IP_RULE_SERVICES, parseIpRule, serviceRuleProblem } from '../../../src/model/ipRules';
import {
  InvalidPublicAccessModeError,
  publicAccessPatch,
  type PublicAccessMode,
} from '../../../src/model/publicAccess';
import { ipRuleListProblem } from '../../../src/wizards/steps/ipRuleInput';
import { API_VERSIONS } from './planFixtures';

const ACCOUNT_ID = '/subscriptions/s1/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/ais-sales';
const SUBNET_ID =
  '/subscriptions/s1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/snet-app';
const VNET_RULE = { id: SUBNET_ID, ignoreMissingVnetServiceEndpoint: false, state: 'Succeeded' };

function account(overrides: Partial<AiServicesAccount> = {}): AiServicesAccount {
  return {
    id: ACCOUNT_ID,
    name: 'ais-sales',
    location: 'westeurope',
    publicNetworkAccess: 'Enabled',
    networkAcls: {
      defaultAction: 'Deny',
      bypass: 'AzureServices',
      ipRules: ['20.61.0.0/16'],
      virtualNetworkRules: [VNET_RULE],
    },
    ...overrides,
  };
}

const planFor = (target: PublicAccessMode, overrides: Partial<AiServicesAccount> = {}) =>
  buildAccountAccessPlan({ cloud: CLOUDS.AzureCloud, apiVersions: API_VERSIONS, account: account(overrides), target });

/** The VNet rule as sent back: its id and flag, never the service's `state`. */
const SENT_VNET_RULE = { id: SUBNET_ID, ignoreMissingVnetServiceEndpoint: false };

describe('buildAccountAccessPlan', () => {
  it('selected networks: one PATCH on the stable api with Deny, the rules, bypass and the VNet rules as read (golden az)', () => {
    const [step] = planFor({ kind: 'selectedIps', ipRules: ['20.61.0.0/16', '52.1.2.3'] }).steps;
    const body = {
      properties: {
        publicNetworkAccess: 'Enabled',
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'AzureServices',
          ipRules: [{ value: '20.61.0.0/16' }, { value: '52.1.2.3' }],
          virtualNetworkRules: [SENT_VNET_RULE],
        },
      },
    };
    assert.deepEqual(step?.operation, { method: 'PATCH', resourceId: ACCOUNT_ID, apiVersion: '2024-10-01', body });
    assert.equal(
      step?.az,
      `az rest --method=patch --url="https://management.azure.com\${ACCOUNT_ID}?api-version=2024-10-01" --body='${JSON.stringify(body)}'`,
    );
    assert.equal(step?.destructive, false);
    assert.equal(step?.exposing, false);
    assert.match(
      step?.title ?? '',
      /"Enabled from selected networks \(2 IP rules, 1 VNet rule\)", keeping its 1 VNet rule$/,
    );
  });

  it('all networks: Allow with no IP rules, the VNet rules kept; exposing and destructive', () => {
    const [step] = planFor({ kind: 'allNetworks' }).steps;
    assert.deepEqual(step?.operation.body, {
      properties: {
        publicNetworkAccess: 'Enabled',
        networkAcls: {
          defaultAction: 'Allow',
          bypass: 'AzureServices',
          ipRules: [],
          virtualNetworkRules: [SENT_VNET_RULE],
        },
      },
    });
    assert.equal(step?.exposing, true);
    assert.equal(step?.destructive, true);
    assert.match(
      step?.consequence ?? '',
      /Anyone on the internet can reach ais-sales again[\s\S]*1 existing IP rule is removed/,
    );
  });

  it('disabled: closes public access and resets the IP rules, the VNet rules kept', () => {
    const [step] = planFor({ kind: 'disabled' }).steps;
    assert.deepEqual(step?.operation.body, {
      properties: {
        publicNetworkAccess: 'Disabled',
        networkAcls: {
          defaultAction: 'Allow',
          bypass: 'AzureServices',
          ipRules: [],
          virtualNetworkRules: [SENT_VNET_RULE],
        },
      },
    });
    assert.match(step?.consequence ?? '', /only clients behind an approved private endpoint can reach ais-sales/);
  });

  it('from all networks to disabled sends publicNetworkAccess alone, so networkAcls stays untouched', () => {
    const open = { networkAcls: { defaultAction: 'Allow' as const, ipRules: [], virtualNetworkRules: [VNET_RULE] } };
    assert.deepEqual(planFor({ kind: 'disabled' }, open).steps[0]?.operation.body, {
      properties: { publicNetworkAccess: 'Disabled' },
    });
    assert.deepEqual(planFor({ kind: 'disabled' }, { networkAcls: undefined }).steps[0]?.operation.body, {
      properties: { publicNetworkAccess: 'Disabled' },
    });
  });

  it('from disabled with a Deny left behind, all networks turns the default action to Allow and keeps the inert rules', () => {
    const patch = accountAccessPatch(account({ publicNetworkAccess: 'Disabled' }), { kind: 'allNetworks' });
    assert.deepEqual(patch.body.properties.networkAcls, {
      defaultAction: 'Allow',
      bypass: 'AzureServices',
      ipRules: [{ value: '20.61.0.0/16' }],
      virtualNetworkRules: [SENT_VNET_RULE],
    });
    assert.equal(patch.removedIpRuleCount, 0);
  });

  it('accepts selected networks without IP rules when VNet rules remain; refuses it when nothing would let anyone in', () => {
    assert.deepEqual(
      accountAccessPatch(account(), { kind: 'selectedIps', ipRules: [] }).body.properties.networkAcls?.ipRules,
      [],
    );
    assert.throws(
      () => accountAccessPatch(account({ networkAcls: undefined }), { kind: 'selectedIps', ipRules: [] }),
      InvalidPublicAccessModeError,
    );
  });

  it('limits an account to 100 IP rules where a workspace allows 200', () => {
    const rules = Array.from({ length: 101 }, (_, index) => `20.${index}.0.0/16`);
    assert.throws(
      () => accountAccessPatch(account(), { kind: 'selectedIps', ipRules: rules }),
      /An AI Services account allows at most 100 IP rules; this mode has 101/,
    );
    assert.doesNotThrow(() => publicAccessPatch({ kind: 'selectedIps', ipRules: rules }, undefined));
  });
});

describe('IP rules: where AI Services differs from a workspace', () => {
  const rule = (text: string) => {
    const parsed = parseIpRule(text);
    assert.equal(parsed.kind, 'ipv4');
    return parsed.kind === 'ipv4' ? parsed.rule : assert.fail(text);
  };

  it('refuses /31 and /32 on an account and says which bare addresses to write; a workspace takes them', () => {
    assert.equal(
      serviceRuleProblem(rule('52.1.2.3/32'), IP_RULE_SERVICES.aiServices),
      '"52.1.2.3/32": an AI Services account does not accept /32 prefixes. Write 52.1.2.3 instead.',
    );
    assert.match(
      serviceRuleProblem(rule('52.1.2.2/31'), IP_RULE_SERVICES.aiServices) ?? '',
      /Write 52\.1\.2\.2 and 52\.1\.2\.3 instead/,
    );
    assert.equal(serviceRuleProblem(rule('52.1.2.3'), IP_RULE_SERVICES.aiServices), undefined);
    assert.equal(serviceRuleProblem(rule('52.1.2.0/30'), IP_RULE_SERVICES.aiServices), undefined);
    assert.equal(serviceRuleProblem(rule('52.1.2.3/32'), IP_RULE_SERVICES.workspace), undefined);
  });

  it("checks a paste with the account's limits and the shared rules", () => {
    assert.match(ipRuleListProblem('52.1.2.3/32', [], IP_RULE_SERVICES.aiServices) ?? '', /does not accept \/32/);
    assert.equal(ipRuleListProblem('52.1.2.3/32'), undefined);
    assert.match(
      ipRuleListProblem('10.1.0.0/16', [], IP_RULE_SERVICES.aiServices) ?? '',
      /reserved range 10\.0\.0\.0\/8/,
    );
    const kept = Array.from({ length: 100 }, (_, index) => `20.${index}.0.0/16`);
    assert.match(
      ipRuleListProblem('52.1.2.3', kept, IP_RULE_SERVICES.aiServices) ?? '',
      /101 rules; an AI Services account allows at most 100/,
    );
    assert.equal(ipRuleListProblem('52.1.2.3', kept), undefined);
  });
});
