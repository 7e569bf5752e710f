import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import { expandGlob } from '../../../src/cli/glob';
import { version } from '../../../package.json';

const CLEAN =
  'kind: hub\npublic_network_access: Enabled\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n    - value: 52.1.2.0/24\n';
const BROKEN = [
  '# data team hub',
  'kind: hub',
  'network_acls:',
  '    ip_rules:          # from the Azure docs',
  '        value: "52.1.2.3/24"',
  '        value: "20.30.40.50"',
  '    default_action: deny',
  '',
].join('\n');
const WARNING_ONLY = 'kind: hub\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n    - value: 52.1.2.3/24\n';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'foundry-net-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

describe('foundry-net lint', () => {
  it('prints JSON with 1-based positions and exits 1 on errors', async () => {
    const root = workspace({ 'hub.yaml': BROKEN });
    const result = await run(['lint', '--format', 'json', 'hub.yaml'], root);
    assert.equal(result.code, 1);
    const problems = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.deepEqual(problems[0], {
      file: 'hub.yaml',
      line: 4,
      column: 5,
      endLine: 4,
      endColumn: 13,
      severity: 'error',
      code: 'ip-rules-not-a-list',
      message:
        'ip_rules is a mapping with the key "value" 2 times (YAML keeps only the last one), but azure-ai-ml needs a ' +
        'list. Write each rule as its own "- value: <address>" item (the Azure docs show the wrong form).',
    });
    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['ip-rules-not-a-list', 'duplicate-key', 'invalid-default-action'],
    );
    assert.deepEqual(Object.keys(problems[0]), [
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'code',
      'message',
    ]);
  });

  it('prints stylish output, and exits 0 for warnings only or a clean file', async () => {
    const root = workspace({ 'warn.yaml': WARNING_ONLY, 'clean.yaml': CLEAN });
    const warn = await run(['lint', 'warn.yaml'], root);
    assert.equal(warn.code, 0);
    assert.match(
      warn.stdout,
      /^warn\.yaml\n {2}5:14 {2}warning {2}"52\.1\.2\.3\/24" has host bits set.* {2}non-canonical-cidr\n\n✖ 1 problem \(0 errors, 1 warning\)\n$/,
    );
    const clean = await run(['lint', '--format=json', 'clean.yaml'], root);
    assert.deepEqual([clean.code, clean.stdout, clean.stderr], [0, '[]\n', '']);
    assert.deepEqual(await run(['lint', 'clean.yaml'], root), { code: 0, stdout: '', stderr: '' });
  });

  it('--fix writes back only safe fixes and keeps comments', async () => {
    const root = workspace({ 'hub.yaml': BROKEN });
    const result = await run(['lint', '--fix', 'hub.yaml'], root);
    assert.equal(result.code, 0, result.stdout);
    assert.equal(
      readFileSync(path.join(root, 'hub.yaml'), 'utf8'),
      [
        '# data team hub',
        'kind: hub',
        'network_acls:',
        '    ip_rules:          # from the Azure docs',
        '        - value: "52.1.2.0/24"',
        '        - value: "20.30.40.50"',
        '    default_action: Deny',
        '',
      ].join('\n'),
    );
    const unsafe = workspace({ 'hub.yaml': CLEAN.replace('52.1.2.0/24', '52.1.2.3\n    - value: 52.1.2.3/32') });
    await run(['lint', '--fix', 'hub.yaml'], unsafe);
    assert.equal(
      readFileSync(path.join(unsafe, 'hub.yaml'), 'utf8'),
      CLEAN.replace('52.1.2.0/24', '52.1.2.3\n    - value: 52.1.2.3/32'),
    );
  });

  it('exits 2 with one line on stderr for a missing file, an empty glob or bad usage', async () => {
    const root = workspace({ 'hub.yaml': CLEAN });
    for (const argv of [
      ['lint', 'missing.yaml'],
      ['lint', 'nothing/**/*.yaml'],
      ['lint'],
      ['nonsense', 'hub.yaml'],
      ['lint', '--format', 'xml', 'hub.yaml'],
      ['lint', '--quiet', 'hub.yaml'],
      [],
    ]) {
      const result = await run(argv, root);
      assert.equal(result.code, 2, argv.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^foundry-net: [^\n]+\n$/, argv.join(' '));
    }
    const unreadable = await run(['lint', '.'], root);
    assert.equal(unreadable.code, 2);
  });

  it('expands globs with *, ** and ?, skipping node_modules', async () => {
    const root = workspace({
      'a/hub-1.yaml': BROKEN,
      'a/b/hub-2.yaml': CLEAN,
      'a/b/notes.txt': 'x',
      'node_modules/x/hub-3.yaml': BROKEN,
      'hub-x.yml': CLEAN,
    });
    assert.deepEqual(expandGlob('**/*.yaml', root), [path.join('a', 'b', 'hub-2.yaml'), path.join('a', 'hub-1.yaml')]);
    assert.deepEqual(expandGlob('hub-?.yml', root), ['hub-x.yml']);
    assert.deepEqual(expandGlob('a/*/*.yaml', root), [path.join('a', 'b', 'hub-2.yaml')]);
    const result = await run(['lint', '--format', 'json', '**/*.yaml', 'a/hub-1.yaml'], root);
    assert.equal(result.code, 1);
    assert.deepEqual(
      [...new Set((JSON.parse(result.stdout) as { file: string }[]).map((problem) => problem.file))],
      [path.join('a', 'hub-1.yaml')],
    );
  });

  it('prints help and the version', async () => {
    assert.match(
      (await run(['lint', '--help'], '.')).stdout,
      /^Usage: foundry-net lint \[--format json\|stylish\|sarif\] \[--fix\] <file or glob>\.\.\./,
    );
    const overview = (await run(['--help'], '.')).stdout;
    assert.match(overview, /^Usage: foundry-net <command> \[options\]/);
    assert.match(overview, /^ {2}lint {3}check hub YAML files/m);
    assert.match(overview, /^ {2}check {2}assess live hubs/m);
    assert.deepEqual(await run(['--version'], '.'), { code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
