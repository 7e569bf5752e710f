/**
 * Issue 16, item 7: the DNS exports write only names and IPs a DNS file can hold. A newline or a bad IP from ARM is
 * left out of the file, listed (printably) in the comment at its top, and said in a warning: never an added line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HubNetworkState } from '../../../src/model/hubState';
import type { MessageKind, WizardUi } from '../../../src/wizards/framework/ui';
import {
  openDnsExport,
  renderCentralTeamNotes,
  renderDnsExport,
  type DnsExportFormat,
} from '../../../src/wizards/steps/dnsExport';
import { HUB_GUID, approvedConnection, healthyEndpoint, healthyPrivateHub } from '../../builders/hubState';

const INJECTED_HOST = '6.6.6.6 login.microsoftonline.com';
const INJECTED_BIND = 'login IN A 6.6.6.6';

/** A hub whose compute instance names, hub name and endpoint IPs carry lines of their own. */
function hostileHub(): HubNetworkState {
  const endpoint = healthyEndpoint();
  const hub = healthyPrivateHub();
  return {
    ...hub,
    workspace: { ...hub.workspace, name: `hub-sales\n$ORIGIN microsoftonline.com.\n${INJECTED_BIND}` },
    computeInstanceNames: ['ci-good', `ci\n${INJECTED_HOST}`, `ci\n${INJECTED_BIND}`],
    privateEndpointConnections: [
      approvedConnection({
        ...endpoint,
        customDnsConfigs: [
          {
            fqdn: `${HUB_GUID}.workspace.eastus.api.azureml.ms`,
            ipAddresses: ['10.1.0.5', `10.1.0.9\n${INJECTED_HOST}`],
          },
          { fqdn: `${HUB_GUID}.workspace.eastus.cert.api.azureml.ms`, ipAddresses: ['10.1.0.5'] },
          ...endpoint.customDnsConfigs.slice(2),
        ],
      }),
    ],
  };
}

function exportOf(format: DnsExportFormat) {
  const state = hostileHub();
  return renderDnsExport(state, state.privateEndpointConnections[0]!, format);
}

const IPV4 = String.raw`\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}`;
const HOST = '[a-z0-9.-]+';

describe('DNS exports: values from ARM', () => {
  it('hosts file: a newline in a name or an IP adds no line; the records are left out and listed at the top', () => {
    const { content, leftOut } = exportOf('hosts');
    const lines = content.trimEnd().split('\n');
    for (const line of lines) assert.match(line, new RegExp(`^(#.*|${IPV4} +${HOST})$`), JSON.stringify(line));
    assert.ok(!lines.some((line) => line.startsWith('6.6.6.6')), content);
    assert.ok(lines.includes(`10.1.0.5  ${HUB_GUID}.workspace.eastus.cert.api.azureml.ms`), content);
    assert.ok(lines.includes('10.1.0.5  ci-good.eastus.instances.azureml.ms'), content);
    assert.ok(lines.includes(`10.1.0.5  ${HUB_GUID}.workspace.eastus.api.azureml.ms`), content);
    assert.equal(lines.filter((line) => !line.startsWith('#')).length, 4, 'api, cert, ci-good and its ssh name');
    // Left out: the bad IP of the API name and of the two instance names that answer on it, the notebooks name
    // (the hub name is in it) and both names of each bad instance.
    assert.deepEqual(
      leftOut.map((value) => value.reason.replace(/"[^"]*"/, '…')),
      [
        '… is not an IPv4 address',
        'the name holds …, which a host name cannot',
        '… is not an IPv4 address',
        '… is not an IPv4 address',
        ...Array(4).fill('the name holds …, which a host name cannot'),
      ],
    );
    assert.match(
      content,
      /^# A records for hub hub-sales\\u\{a\}\$ORIGIN microsoftonline\.com\.\\u\{a\}login IN A 6\.6\.6\.6 through/,
    );
    assert.match(content, /^# Left out: 8 value\(s\) from Azure/m);
    assert.match(content, /^# {3}ci\\u\{a\}6\.6\.6\.6 login\.microsoftonline\.com\.eastus\.instances\.azureml\.ms: /m);
    assert.ok(
      lines.includes(
        `#   ${HUB_GUID}.workspace.eastus.api.azureml.ms: "10.1.0.9\\u{a}${INJECTED_HOST}" is not an IPv4 address`,
      ),
      content,
    );
  });

  it('BIND: no $ORIGIN, record or directive comes from a value; left-out records are listed in ; comments', () => {
    const { content, leftOut } = exportOf('bind');
    for (const line of content.trimEnd().split('\n')) {
      assert.match(
        line,
        new RegExp(String.raw`^(|;.*|\$ORIGIN ${HOST}\.|\$TTL \d+|(@|${HOST})\tIN\tA\t${IPV4})$`),
        JSON.stringify(line),
      );
    }
    assert.doesNotMatch(content, /^\$ORIGIN microsoftonline/m);
    assert.doesNotMatch(content, /^login/m);
    assert.match(content, /^ci-good\.eastus\tIN\tA\t10\.1\.0\.5$/m);
    assert.equal(leftOut.length, 8);
    assert.match(content, /^; Left out: 8 value\(s\)/m);
  });

  it('CSV: the same records are left out; the warning says so, since CSV has no comments', async () => {
    const dnsExport = exportOf('csv');
    const rows = dnsExport.content.trimEnd().split('\r\n');
    assert.equal(rows.length, 1 + 4, 'header, api, cert, and ci-good twice: the rest is left out');
    const workspaceColumn = String.raw`,hub-sales\u{a}$ORIGIN microsoftonline.com.\u{a}login IN A 6.6.6.6`;
    assert.ok(
      rows.slice(1).every((row) => row.endsWith(workspaceColumn) && !row.startsWith('6.6.6.6')),
      'the workspace column is printable, so each row stays on one line; no row is an injected one',
    );
    const messages: { kind: MessageKind; text: string }[] = [];
    const documents: string[] = [];
    const ui = {
      openDocument: async (content: string) => void documents.push(content),
      message: async (kind: MessageKind, text: string) => (messages.push({ kind, text }), undefined),
    } as unknown as WizardUi;
    await openDnsExport(ui, dnsExport, 'csv');
    assert.deepEqual(documents, [dnsExport.content]);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.kind, 'warning');
    assert.match(
      messages[0]?.text ?? '',
      /^8 value\(s\) from Azure were left out .*, and 5 more\. Check these resources/,
    );
    assert.doesNotMatch(messages[0]?.text ?? '', /\n/);
  });

  it('says nothing more when every record is valid', async () => {
    const state = healthyPrivateHub();
    const dnsExport = renderDnsExport(state, state.privateEndpointConnections[0]!, 'hosts');
    assert.deepEqual(dnsExport.leftOut, []);
    assert.doesNotMatch(dnsExport.content, /Left out/);
    const messages: string[] = [];
    const ui = {
      openDocument: async () => undefined,
      message: async (_kind: MessageKind, text: string) => (messages.push(text), undefined),
    } as unknown as WizardUi;
    await openDnsExport(ui, dnsExport, 'plaintext');
    assert.deepEqual(messages, []);
  });

  it("the central team's notes list only valid records, and the left-out ones in a quote", () => {
    const state = hostileHub();
    const notes = renderCentralTeamNotes(state, state.privateEndpointConnections[0]!);
    assert.match(notes, /^# DNS for private endpoint pe-hub of hub hub-sales\\u\{a\}\$ORIGIN/);
    assert.match(notes, /^> Left out: 8 value\(s\)/m);
    assert.doesNotMatch(notes, /6\.6\.6\.6 \|/);
    for (const line of notes.split('\n').filter((row) => row.startsWith('| ') && !row.startsWith('| zone'))) {
      assert.match(line, new RegExp(`^\\| ${HOST} \\| ${HOST} \\| ${IPV4} \\|$`), line);
    }
  });
});
