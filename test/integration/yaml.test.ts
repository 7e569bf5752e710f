import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './hubsTree';

const SOURCE = 'foundry-network';
/** A guard against hanging, not a performance budget. */
const WAIT_MS = 20_000;

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, `the fixture workspace (${process.env.FOUNDRY_TEST_WORKSPACE}) is open`);
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((item) => item.source === SOURCE);
}

function codeOf(item: vscode.Diagnostic): string {
  return typeof item.code === 'object' ? String(item.code.value) : String(item.code);
}

function describeAll(items: readonly vscode.Diagnostic[]): string {
  return (
    items.map((item) => `${codeOf(item)}@${item.range.start.line}:${item.range.start.character}`).join(', ') || 'none'
  );
}

/** Resolves with our diagnostics of `uri` once `done` accepts them (now, or on a later change). */
function diagnosticsWhen(
  uri: vscode.Uri,
  done: (items: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  if (done(ours(uri))) return Promise.resolve(ours(uri));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
      const state = document ? `version ${document.version}${document.isDirty ? ', dirty' : ''}` : 'closed';
      reject(new Error(`no ${what} within ${WAIT_MS / 1000} s; ${uri.path} (${state}) has ${describeAll(ours(uri))}`));
    }, WAIT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || !done(ours(uri))) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(ours(uri));
    });
  });
}

function withCodes(uri: vscode.Uri, codes: readonly string[]): Promise<vscode.Diagnostic[]> {
  const wanted = JSON.stringify(codes);
  return diagnosticsWhen(uri, (items) => JSON.stringify(items.map(codeOf)) === wanted, `diagnostics ${wanted}`);
}

/** The range of `needle` inside the (unique) text `within`. */
function rangeOf(document: vscode.TextDocument, needle: string, within = needle): vscode.Range {
  const text = document.getText();
  const at = text.indexOf(within);
  assert.ok(at >= 0 && text.indexOf(within, at + 1) < 0, `${JSON.stringify(within)} occurs once`);
  const start = at + within.indexOf(needle);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + needle.length));
}

async function codeActions(
  document: vscode.TextDocument,
  range: vscode.Range,
  kind?: string,
): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    kind,
  );
  return actions.filter((action): action is vscode.CodeAction => 'kind' in action || 'edit' in action);
}

async function apply(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.edit, 'the action carries an edit');
  assert.equal(await vscode.workspace.applyEdit(action.edit), true);
}

/**
 * Puts the fixture's text back and saves it. Not the revert command: it acts on the active editor, which the
 * workbench may have changed meanwhile.
 */
async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    document.uri,
    new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
    text,
  );
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  assert.equal(await document.save(), true);
}

async function setYamlSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('foundryNetwork')
    .update(`yaml.${key}`, value, vscode.ConfigurationTarget.Workspace);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The labels of the completion items, without the editor's word-based ones (every word of the open files). */
async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text).map(labelOf);
}

async function hoverText(
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<{ text: string; range?: vscode.Range }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  const text = hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
  return { text, range: hovers[0]?.range };
}

describe('yaml: hub YAML language features', function () {
  this.timeout(90_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  it('reports the Azure docs’ repeated value: form with the exact codes, ranges and docs links', async () => {
    const document = await open('hub-docs-example.yaml');
    const items = await withCodes(document.uri, ['ip-rules-not-a-list', 'duplicate-key']);
    assert.deepEqual(items[0]!.range, rangeOf(document, 'ip_rules'));
    assert.deepEqual(items[1]!.range, rangeOf(document, 'value', 'value: "20.42.17.8"'));
    assert.ok(items.every((item) => item.severity === vscode.DiagnosticSeverity.Error));
    const code = items[0]!.code as { value: string; target: vscode.Uri };
    assert.match(code.target.path, /\/docs\/yaml-rules\.md$/);
    assert.equal(code.target.fragment, 'ip-rules-not-a-list');
  });

  it('converts the repeated value: keys into a list keeping every value (quick fix)', async () => {
    const document = await open('hub-docs-example.yaml');
    const original = document.getText();
    await withCodes(document.uri, ['ip-rules-not-a-list', 'duplicate-key']);
    try {
      const actions = await codeActions(document, rangeOf(document, 'ip_rules'));
      const convert = actions.find((action) => /Convert ip_rules to a list/.test(action.title));
      assert.ok(convert, `offered: ${actions.map((action) => action.title).join(' | ')}`);
      assert.equal(convert.isPreferred, true);
      assert.equal(convert.kind?.value, 'quickfix');
      await apply(convert);
      assert.ok(
        document
          .getText()
          .includes(
            '    ip_rules:\n        - value: "52.168.10.0/24"\n        - value: "20.42.17.8"\n    default_action: Deny\n',
          ),
      );
      await withCodes(document.uri, []);
    } finally {
      await restore(document, original);
    }
    await withCodes(document.uri, ['ip-rules-not-a-list', 'duplicate-key']);
  });

  it('offers each safe fix as preferred, and fixes every safe problem with source.fixAll', async () => {
    const document = await open('hub-selected-ips.yaml');
    const original = document.getText();
    const codes = [
      'invalid-default-action',
      'duplicate-ip-rule',
      'non-canonical-cidr',
      'invalid-ip-rule-entry',
      'reserved-ip-range',
      'redundant-ip-rule',
    ];
    await withCodes(document.uri, codes);
    try {
      const atDeny = await codeActions(document, rangeOf(document, 'deny'));
      assert.deepEqual(
        atDeny.map((action) => [action.title, action.isPreferred ?? false]),
        [
          ['Change to Deny', true],
          ['Fix all safe hub YAML problems in this file (4)', false],
        ],
      );
      assert.deepEqual(
        await codeActions(document, rangeOf(document, '10.1.0.0/16')),
        [],
        'a reserved range has no automatic fix',
      );
      const fixAll = (await codeActions(document, new vscode.Range(0, 0, 0, 0), 'source.fixAll')).find(
        (action) => action.kind?.value === 'source.fixAll.foundryNetwork',
      );
      await apply(fixAll);
      const rules = document
        .getText()
        .slice(document.getText().indexOf('  default_action'), document.getText().indexOf('managed_network'));
      assert.equal(
        rules,
        '  default_action: Deny\n  ip_rules:\n    - value: "52.168.10.0/24"\n    - value: "40.112.0.0/16"\n    - value: 20.42.17.8\n' +
          '    - value: "10.1.0.0/16"\n    - value: "52.168.10.128/25"\n',
      );
      await withCodes(document.uri, ['reserved-ip-range', 'redundant-ip-rule']);
    } finally {
      await restore(document, original);
    }
  });

  it('completes enum values, keys and an IP rule item', async () => {
    const content =
      'kind: hub\nnetwork_acls:\n  default_action: \n  ip_rules:\n    \nmanaged_network:\n  isolation_mode: \n  \n';
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    const lineEnd = (line: number) => document.lineAt(line).range.end;
    const defaultAction = await completionLabels(document, lineEnd(2));
    assert.ok(
      ['Allow', 'Deny'].every((value) => defaultAction.includes(value)),
      `default_action: ${defaultAction}`,
    );
    assert.ok(!defaultAction.includes('allow_internet_outbound'));
    assert.ok((await completionLabels(document, lineEnd(4))).includes('- value: "…"'));
    const isolation = await completionLabels(document, lineEnd(6));
    for (const mode of ['disabled', 'allow_internet_outbound', 'allow_only_approved_outbound'])
      assert.ok(isolation.includes(mode), `isolation_mode: ${isolation}`);
    const managedKeys = await completionLabels(document, lineEnd(7));
    assert.ok(
      managedKeys.includes('outbound_rules') && !managedKeys.includes('isolation_mode'),
      `managed_network keys: ${managedKeys}`,
    );
  });

  it('hovers an IP rule with its range, size, publicness and overlaps, and a key with its portal mode', async () => {
    const document = await open('hub-selected-ips.yaml');
    await withCodes(document.uri, [
      'invalid-default-action',
      'duplicate-ip-rule',
      'non-canonical-cidr',
      'invalid-ip-rule-entry',
      'reserved-ip-range',
      'redundant-ip-rule',
    ]);
    const first = rangeOf(
      document,
      '52.168.10.0/24',
      '- value: "52.168.10.0/24"\n    - value: "52.168.10.0/24"\n    - value: "40',
    );
    const rule = await hoverText(document, first.start.translate(0, 3));
    assert.match(rule.text, /52\.168\.10\.0 – 52\.168\.10\.255 \(256 addresses\)/);
    assert.match(rule.text, /Public internet addresses/);
    assert.match(rule.text, /Overlaps rule 2 \(52\.168\.10\.0\/24\), rule 6 \(52\.168\.10\.128\/25\)/);
    assert.ok(rule.range?.contains(first), 'the hover covers the value');
    assert.match(
      (await hoverText(document, rangeOf(document, '10.1.0.0/16').start)).text,
      /Not public: overlaps 10\.0\.0\.0\/8/,
    );
    const key = await hoverText(document, rangeOf(document, 'ip_rules').start);
    assert.match(key.text, /at most 200/);
    // default_action: deny is invalid, so the portal mode cannot be told yet.
    assert.match(key.text, /In the portal: unclear until the problems of `network_acls` are fixed/);
  });

  it('summarises network_acls in a CodeLens that follows the edits, as the key hover does', async () => {
    const document = await open('hub-selected-ips.yaml');
    const original = document.getText();
    const lensTitles = async () =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)).map(
        (lens) => [lens.range.start.line, lens.command?.title],
      );
    const aclsLine = rangeOf(document, 'network_acls').start.line;
    const managed = 'Managed network: allow_only_approved_outbound, 1 outbound rule';
    assert.deepEqual(await lensTitles(), [
      [aclsLine, `Public access: unclear until network_acls is fixed · ${managed}`],
    ]);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, rangeOf(document, 'deny'), 'Deny');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      assert.deepEqual(await lensTitles(), [[aclsLine, `Selected IPs: 6 rules · ${managed}`]]);
      const key = await hoverText(document, rangeOf(document, 'default_action').start);
      assert.match(key.text, /In the portal \(Networking → Public access\): \*\*Enabled from selected IPs\*\*/);
    } finally {
      await restore(document, original);
    }
  });

  it('leaves Kubernetes YAML alone, unless an include glob forces the check', async () => {
    const kubernetes = await open('k8s-deployment.yaml');
    const kindValues = await completionLabels(kubernetes, rangeOf(kubernetes, 'Deployment').start);
    assert.deepEqual(
      kindValues.filter((kind) => ['hub', 'project', 'default', 'feature_store'].includes(kind)),
      [],
    );
    try {
      // Forced, its repeated key is reported: the extension checks this document...
      await setYamlSetting('include', ['**/k8s-deployment.yaml']);
      const forced = await withCodes(kubernetes.uri, ['duplicate-key']);
      assert.deepEqual(forced[0]!.range, rangeOf(kubernetes, 'replicas', 'replicas: 3'));
    } finally {
      await setYamlSetting('include', undefined);
    }
    // ...and checked again as usual, it reports nothing. Waiting for the change from the forced diagnostics proves the
    // check ran; an empty list before any check would prove nothing.
    await withCodes(kubernetes.uri, []);
  });

  it('updates only the diagnostics of the edited document of a multi-document file', async () => {
    const document = await open('hub-multi.yaml');
    const original = document.getText();
    const before = await withCodes(document.uri, ['reserved-ip-range', 'invalid-public-network-access']);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, rangeOf(document, 'enable'), 'Enabled');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      const after = await withCodes(document.uri, ['reserved-ip-range']);
      assert.deepEqual([after[0]!.range, after[0]!.message], [before[0]!.range, before[0]!.message]);
      const first = new vscode.WorkspaceEdit();
      first.insert(document.uri, new vscode.Position(0, 0), '# checked again\n');
      assert.equal(await vscode.workspace.applyEdit(first), true);
      const shifted = await diagnosticsWhen(
        document.uri,
        (items) => items[0]?.range.start.line === before[0]!.range.start.line + 1,
        'the shifted hub diagnostic',
      );
      assert.deepEqual(shifted.map(codeOf), ['reserved-ip-range']);
    } finally {
      await restore(document, original);
    }
  });

  it('removes the diagnostics of an excluded file, and all of them when validation is off', async () => {
    const document = await open('hub-docs-example.yaml');
    const codes = ['ip-rules-not-a-list', 'duplicate-key'];
    await withCodes(document.uri, codes);
    try {
      await setYamlSetting('exclude', ['**/hub-docs-example.yaml']);
      await withCodes(document.uri, []);
      await setYamlSetting('exclude', undefined);
      await withCodes(document.uri, codes);
      await setYamlSetting('validate', 'off');
      await withCodes(document.uri, []);
    } finally {
      await setYamlSetting('exclude', undefined);
      await setYamlSetting('validate', undefined);
    }
    await withCodes(document.uri, codes);
  });
});
