/**
 * Issue 16, item 7: the az scripts the wizards show quote every value from ARM or the user, and pass each as one
 * argument to its option even when it starts with "-". The scripts run through bash with a fake `az` on PATH that
 * records its argv, so what is checked is what az would receive.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { validateResourceGroupName } from '../../../src/model/armNames';
import { CLOUDS } from '../../../src/model/clouds';
import { azShowCommand, bashQuote, powerShellQuote, powerShellString } from '../../../src/model/azScript';
import { renderOperationList, renderPlanScript, renderRollbackScript, type Plan } from '../../../src/model/plan';
import { buildPrivateEndpointPlan } from '../../../src/model/privateEndpointPlan';
import { buildDeletePrivateEndpointPlan } from '../../../src/model/workspacePlans';
import { buildDnsRepairPlan } from '../../../src/wizards/steps/privateDnsRepair';
import { HUB_ID, healthyEndpoint, healthyZones } from '../../builders/hubState';
import { API_VERSIONS, PRIVATE_DNS, endpointContext } from './planFixtures';

const workDirectory = mkdtempSync(join(tmpdir(), 'script-quoting-'));
after(() => rmSync(workDirectory, { recursive: true, force: true }));

/** `az` that appends its argv as one JSON line: runs in place of the real one. */
const fakeAzDirectory = join(workDirectory, 'bin');
execFileSync('mkdir', ['-p', fakeAzDirectory]);
writeFileSync(
  join(fakeAzDirectory, 'az'),
  `#!${process.execPath}\nrequire('fs').appendFileSync(process.env.AZ_ARGV_LOG, JSON.stringify(process.argv.slice(2)) + '\\n');\n`,
);
chmodSync(join(fakeAzDirectory, 'az'), 0o755);

/** Runs a script with the fake az in a fresh folder; returns each az call's argv and the files the script left. */
function runScript(script: string): { calls: string[][]; files: string[] } {
  const folder = mkdtempSync(join(workDirectory, 'run-'));
  const log = join(workDirectory, `${folder.split('/').pop()}.jsonl`);
  writeFileSync(log, '');
  execFileSync('bash', ['-n'], { input: script });
  execFileSync('bash', ['-s'], {
    input: script,
    cwd: folder,
    env: { PATH: `${fakeAzDirectory}${delimiter}${process.env.PATH ?? ''}`, AZ_ARGV_LOG: log, HOME: folder },
  });
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
  return { calls, files: readdirSync(folder) };
}

/** What an option received: `--opt=value` in one argument; a separate value would be parsed as another option. */
function optionValue(argv: readonly string[], ...names: string[]): string | undefined {
  for (const argument of argv) {
    for (const name of names) if (argument.startsWith(`${name}=`)) return argument.slice(name.length + 1);
  }
  return undefined;
}

/** Every line is blank, a comment, a variable, or one az command: a value never starts a line of its own. */
function assertOneCommandPerLine(script: string): void {
  for (const line of script.split('\n')) {
    assert.match(line, /^(|#.*|set -euo pipefail|[A-Z][A-Z0-9_]*=.*|az [a-z].*)$/, JSON.stringify(line));
  }
}

const HOSTILE = {
  resourceGroup: '-rg-dash',
  dnsResourceGroup: '--yes',
  location: "eastus'; touch pwned-location; '",
  requestMessage: 'line one\nline two $(touch pwned-message) `touch pwned-backtick` it\'s "quoted"\r\u2028end',
  targetId:
    "/subscriptions/s1/resourceGroups/rg'$(touch pwned-id)/providers/Microsoft.MachineLearningServices/workspaces/hub`touch pwned-tick`\nrm -rf ~",
};

function hostilePlan(): Plan {
  return buildPrivateEndpointPlan(
    endpointContext({
      target: { id: HOSTILE.targetId, name: 'hub-sales', groupId: 'amlworkspace' },
      privateEndpoint: {
        subscriptionId: 's1',
        resourceGroup: HOSTILE.resourceGroup,
        name: 'pe-hub',
        location: HOSTILE.location,
        connectionName: 'pe-hub-conn',
        manualApproval: true,
        requestMessage: HOSTILE.requestMessage,
      },
      subnetId: `/subscriptions/s1/resourceGroups/${HOSTILE.resourceGroup}/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`,
      dns: { ...PRIVATE_DNS, resourceGroup: HOSTILE.dnsResourceGroup },
    }),
  );
}

describe('az scripts: values from ARM or the user', () => {
  it('accepts the "-"-leading resource group names this test uses, as ARM does', () => {
    assert.equal(validateResourceGroupName(HOSTILE.resourceGroup), undefined);
    assert.equal(validateResourceGroupName(HOSTILE.dnsResourceGroup), undefined);
  });

  it('passes a "-"-leading resource group to --resource-group and -g as one argument (plan script)', () => {
    const script = renderPlanScript(hostilePlan());
    const { calls, files } = runScript(script);
    assert.deepEqual(files, [], 'nothing in a value ran');
    assert.equal(calls.length, 1 + 7, 'az account set, then the endpoint, two zones, two links, a zone group and add');
    const [account, create, zone] = calls;
    assert.deepEqual(account, ['account', 'set', '--subscription=s1']);
    assert.equal(optionValue(create!, '--resource-group'), HOSTILE.resourceGroup);
    assert.equal(optionValue(zone!, '-g'), HOSTILE.dnsResourceGroup);
    for (const call of calls.slice(1)) {
      assert.ok(!call.includes(HOSTILE.resourceGroup) && !call.includes(HOSTILE.dnsResourceGroup), call.join(' '));
    }
    const groupCalls = calls.filter((call) => call.includes('dns-zone-group'));
    assert.ok(groupCalls.every((call) => optionValue(call, '-g') === HOSTILE.resourceGroup));
  });

  it("keeps ', $(, backticks, newlines and line separators inside their argument, each on the script's one line", () => {
    const script = renderPlanScript(hostilePlan());
    assertOneCommandPerLine(script);
    const { calls, files } = runScript(script);
    assert.deepEqual(files, []);
    const create = calls[1]!;
    assert.equal(optionValue(create, '--private-connection-resource-id'), HOSTILE.targetId);
    assert.equal(optionValue(create, '--location'), HOSTILE.location);
    assert.equal(optionValue(create, '--request-message'), HOSTILE.requestMessage);
  });

  it('quotes the rollback script ("Resume or Roll Back…") the same way', () => {
    const script = renderRollbackScript(hostilePlan());
    assertOneCommandPerLine(script);
    const { calls, files } = runScript(script);
    assert.deepEqual(files, []);
    const endpointDelete = calls.find((call) => call.join(' ').startsWith('network private-endpoint delete'));
    assert.equal(optionValue(endpointDelete!, '--resource-group'), HOSTILE.resourceGroup);
    const zoneDeletes = calls.filter((call) => call.join(' ').startsWith('network private-dns zone delete'));
    assert.equal(zoneDeletes.length, 2);
    assert.ok(zoneDeletes.every((call) => optionValue(call, '-g') === HOSTILE.dnsResourceGroup));
  });

  it('quotes names ARM sends back: a private endpoint id with a "-" group and a hostile name', () => {
    const name = "pe'$(touch pwned)`id`\n-x";
    const plan = buildDeletePrivateEndpointPlan({
      apiVersions: API_VERSIONS,
      privateEndpointId: `/subscriptions/s1/resourceGroups/-rg/providers/Microsoft.Network/privateEndpoints/${name}`,
      workspaceName: 'hub\nrm -rf ~',
    });
    const script = renderPlanScript(plan);
    assertOneCommandPerLine(script);
    const { calls, files } = runScript(script);
    assert.deepEqual(files, []);
    assert.deepEqual(calls.at(-1), ['network', 'private-endpoint', 'delete', `--name=${name}`, '--resource-group=-rg']);
  });

  it('quotes the DNS repair plan, whose commands hold their values instead of variables', () => {
    const group = "-dns'$(touch pwned)`touch pwned-tick`";
    const zones = healthyZones().map((zone) => ({
      ...zone,
      id: `/subscriptions/s1/resourceGroups/${group}/providers/Microsoft.Network/privateDnsZones/${zone.zoneName}`,
      exists: false,
      linkedVirtualNetworkIds: [],
      aRecords: [],
    }));
    const plan = buildDnsRepairPlan({
      cloud: CLOUDS.AzureCloud,
      apiVersions: API_VERSIONS,
      workspace: { id: HUB_ID, name: 'hub-sales' },
      endpoint: { ...healthyEndpoint(), dnsZoneGroups: [] },
      zones,
    });
    for (const script of [renderPlanScript(plan), renderRollbackScript(plan)]) {
      assertOneCommandPerLine(script);
      const { calls, files } = runScript(script);
      assert.deepEqual(files, []);
      const zoneCalls = calls.filter((call) => call.join(' ').startsWith('network private-dns zone'));
      assert.equal(zoneCalls.length, 2);
      assert.ok(
        zoneCalls.every((call) => optionValue(call, '-g') === group),
        JSON.stringify(zoneCalls),
      );
      const groupCall = calls.find((call) => call.includes('dns-zone-group'));
      assert.equal(optionValue(groupCall!, '-g'), 'rg-net');
    }
  });

  it('keeps each operation of the list shown before a run on its own line', () => {
    const plan = buildDeletePrivateEndpointPlan({
      apiVersions: API_VERSIONS,
      privateEndpointId:
        '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe\n   Rollback deletes it.',
      workspaceName: 'hub',
    });
    const list = renderOperationList(plan);
    assert.doesNotMatch(list, /^ {3}Rollback deletes it\.$/m);
    assert.match(list, /privateEndpoints\/pe\\u\{a\} {3}Rollback deletes it\.\?api-version=/);
  });

  it('quotes the Copy az Command line of a resource', () => {
    const id = "/subscriptions/s1/resourceGroups/-rg/providers/Microsoft.Storage/storageAccounts/st'$(touch pwned)";
    const { calls, files } = runScript(`${azShowCommand(id, '2023-05-01')}\n`);
    assert.deepEqual(files, []);
    assert.deepEqual(calls[0], ['resource', 'show', `--ids=${id}`, '--api-version=2023-05-01']);
  });
});

describe('bashQuote and the PowerShell quoting', () => {
  it("writes a value with control characters as $'…' on one line, and bash reads it back unchanged", () => {
    for (const value of [
      'a\nb',
      'cr\rlf\n',
      'tab\tand\u2028sep',
      "it's\n\\n",
      'esc\u001b[31m',
      '\u202eevil',
      'x\u0085y',
    ]) {
      const quoted = bashQuote(value);
      assert.doesNotMatch(quoted, /[\n\r\u2028\u2029\u0085\u202e]/, JSON.stringify(quoted));
      assert.ok(!quoted.includes('\u001b'), JSON.stringify(quoted));
      assert.equal(execFileSync('bash', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' }), value);
    }
  });

  it('refuses a NUL, which bash would cut the value at', () => {
    assert.throws(() => bashQuote('rg\0other'), /NUL/);
  });

  it('quotes for PowerShell: quotes doubled, typographic quotes too, no splatting or arrays', () => {
    assert.equal(powerShellQuote('pe-hub_01'), 'pe-hub_01');
    assert.equal(powerShellQuote("it's"), "'it''s'");
    assert.equal(powerShellQuote('it\u2019s'), "'it\u2019\u2019s'");
    assert.equal(powerShellQuote('@file'), "'@file'");
    assert.equal(powerShellQuote('a,b'), "'a,b'");
    assert.equal(powerShellQuote('$(whoami)'), "'$(whoami)'");
    assert.equal(powerShellString('/home/me'), "'/home/me'");
    assert.throws(() => powerShellQuote('a\nb'), /control character/);
  });
});
