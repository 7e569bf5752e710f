/** The vscode-free pieces that need no emulator: pasted IP lists, the prompt engine, the checklist. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ipRuleListProblem, ipRulesIn } from '../../../src/wizards/steps/ipRuleInput';
import { endpointPlacementIn, placedEndpointId } from '../../../src/wizards/steps/networkSteps';
import { runPromptSteps, type PromptStep } from '../../../src/wizards/framework/promptSteps';
import { ScriptedWizardUi } from '../../../src/wizards/framework/scriptedUi';
import { WizardCancelled } from '../../../src/wizards/framework/ui';

describe('pasted IP rule lists', () => {
  it('splits on commas, spaces, semicolons and new lines', () => {
    assert.deepEqual(ipRulesIn('52.1.2.0/24, 20.30.40.50\n40.1.1.1;  8.8.8.8'), [
      '52.1.2.0/24',
      '20.30.40.50',
      '40.1.1.1',
      '8.8.8.8',
    ]);
  });

  it('accepts a clean list and reports each problem the YAML rules report', () => {
    assert.equal(ipRuleListProblem('52.1.2.0/24 20.30.40.50'), undefined);
    assert.match(ipRuleListProblem('') ?? '', /Type or paste IPv4 addresses/);
    assert.match(ipRuleListProblem('52.1.2.0/24', ['52.1.2.0/24']) ?? '', /already one of the rules/);
    assert.match(ipRuleListProblem('52.1.2.7', ['52.1.2.0/24']) ?? '', /"52\.1\.2\.7" lies inside "52\.1\.2\.0\/24"/);
    assert.match(ipRuleListProblem('1.2.3') ?? '', /instead of four octets/);
    assert.match(ipRuleListProblem('127.0.0.1, 10.1.1.1, 192.168.0.1, 172.16.0.1') ?? '', /\(and 1 more problems\)$/);
  });

  it('counts the kept rules against the limit of 200', () => {
    const kept = Array.from({ length: 199 }, (_, index) => `20.${Math.floor(index / 250)}.${index % 250}.1`);
    assert.equal(ipRuleListProblem('52.1.1.1', kept), undefined);
    assert.match(
      ipRuleListProblem('52.1.1.1 52.2.2.2', kept) ?? '',
      /That makes 201 rules; a workspace allows at most 200/,
    );
  });
});

describe('where the dependency endpoints go', () => {
  it("in the VNet's subscription, resource group and region: the plan and the checks after it use this one answer", () => {
    const network = {
      id: '/subscriptions/spoke/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke',
      name: 'vnet-spoke',
      location: 'westeurope',
      resourceGroup: 'rg-net',
      addressPrefixes: ['10.1.0.0/16'],
      subnets: [],
    };
    assert.deepEqual(endpointPlacementIn(network), {
      subscriptionId: 'spoke',
      resourceGroup: 'rg-net',
      location: 'westeurope',
    });
    assert.equal(
      placedEndpointId(network, 'pe-st-blob'),
      '/subscriptions/spoke/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe-st-blob',
    );
  });
});

describe('the prompt engine', () => {
  interface Answers {
    first?: string;
    only?: string;
    second?: string;
  }
  const steps: PromptStep<Answers>[] = [
    {
      id: 'first',
      prompt: async (context, ask) =>
        void (context.first = await ask.pick('first', [
          { label: 'a', value: 'a' },
          { label: 'b', value: 'b' },
        ])),
    },
    {
      id: 'only',
      prompt: async (context, ask) =>
        void (context.only = await ask.pick('only', [{ label: 'single', value: 'single' }])),
    },
    { id: 'skipped', shouldPrompt: () => false, prompt: async () => assert.fail('not asked') },
    {
      id: 'second',
      prompt: async (context, ask) =>
        void (context.second = await ask.input('second', { validate: (value) => (value ? undefined : 'empty') })),
    },
  ];

  it('numbers the shown steps, answers single choices itself, and Back jumps over them with the old answers restored', async () => {
    const ui = new ScriptedWizardUi([{ pick: 'a' }, 'back', { pick: 'b' }, { input: 'x' }]);
    const context: Answers = {};
    await runPromptSteps('Demo…', steps, context, ui);
    assert.deepEqual(context, { first: 'b', only: 'single', second: 'x' });
    // The total is an estimate: once the single choice answered itself, it no longer counts.
    assert.deepEqual(
      ui.prompts.map((prompt) => `${prompt.title} ${prompt.placeholder} back:${prompt.canGoBack}`),
      [
        'Demo: Step 1 of 3 first back:false',
        'Demo: Step 2 of 2 second back:true',
        'Demo: Step 1 of 3 first back:false',
        'Demo: Step 2 of 2 second back:true',
      ],
    );
  });

  it('Escape cancels', async () => {
    await assert.rejects(runPromptSteps('Demo', steps, {}, new ScriptedWizardUi(['escape'])), WizardCancelled);
  });
});
