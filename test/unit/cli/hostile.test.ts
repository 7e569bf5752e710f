/**
 * foundry-net lint against hostile input (issue 16): link loops and links out of the folder, huge and non-UTF-8
 * files, a file it cannot write in the middle of a batch, 40 000 problems, and text that a terminal or a CI log
 * parser would act on. No test here measures time; the per-test timeouts only turn a hang into a failure.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../../src/cli/main';
import { expandGlob } from '../../../src/cli/glob';
import { MAX_FILE_BYTES } from '../../../src/cli/io';

const REPO = path.resolve(__dirname, '../../..');
const FIXABLE = 'kind: hub\nnetwork_acls:\n  default_action: deny\n  ip_rules:\n    - value: 52.1.2.3/24\n';
const FIXED = 'kind: hub\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n    - value: 52.1.2.0/24\n';
const CLEAN = 'kind: hub\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n    - value: 52.1.2.0/24\n';

function folder(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'foundry-net-hostile-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

/** Many IP rules with host bits set: one warning and one safe fix each. */
function manyRules(count: number): string {
  const lines = ['kind: hub', 'network_acls:', '  default_action: Deny', '  ip_rules:'];
  for (let index = 0; index < count; index++) lines.push(`    - value: 52.${(index >> 8) & 255}.${index & 255}.3/24`);
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the real CLI in a child process, killed after a minute: a synchronous endless walk would otherwise hang the
 * test runner itself. `unprivileged`: as root, chmod cannot make a file unwritable, so the child then runs as the
 * user "nobody" (65534).
 */
function runCliProcess(
  argv: string[],
  cwd: string,
  unprivileged = false,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = path.join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  const asNobody = unprivileged && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, path.join(REPO, 'src/cli/bin.ts'), ...argv], {
      cwd,
      ...asNobody,
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('foundry-net lint: links', () => {
  it('finishes on a folder with two self-links (a link loop), and lists only real files', async () => {
    const root = folder({ 'a/hub.yaml': FIXABLE, 'b/hub.yaml': FIXABLE });
    symlinkSync('.', path.join(root, 'a', 'self'));
    symlinkSync('..', path.join(root, 'b', 'up'));
    symlinkSync(path.join(root, 'a', 'hub.yaml'), path.join(root, 'linked.yaml'));
    const result = await runCliProcess(['lint', '--format', 'json', '**/*.yaml'], root);
    assert.equal(result.code, 1, result.stderr);
    const files = new Set((JSON.parse(result.stdout) as { file: string }[]).map((problem) => problem.file));
    assert.deepEqual([...files], [path.join('a', 'hub.yaml'), path.join('b', 'hub.yaml')]);
  });

  it('--fix never writes through a link to a file outside the working folder', async () => {
    const outside = folder({ 'hub.yaml': FIXABLE });
    const root = folder({ 'a.yaml': FIXABLE, 'z.yaml': FIXABLE });
    symlinkSync(path.join(outside, 'hub.yaml'), path.join(root, 'm.yaml'));
    const result = await run(['lint', '--fix', 'a.yaml', 'm.yaml', 'z.yaml'], root);
    assert.equal(readFileSync(path.join(outside, 'hub.yaml'), 'utf8'), FIXABLE, 'the file outside is unchanged');
    assert.equal(readFileSync(path.join(root, 'a.yaml'), 'utf8'), FIXED);
    assert.equal(readFileSync(path.join(root, 'z.yaml'), 'utf8'), FIXED, 'the file after it is still fixed');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not writing the fixes to "m\.yaml": it is .*, outside the working folder/);
    assert.match(result.stderr, /1 file could not be checked or fixed: m\.yaml\.\n$/);
  });
});

describe('foundry-net lint: sizes', () => {
  it('reports 40 000 problems, and fixes them, with the right counts', async () => {
    const root = folder({ 'hub.yaml': manyRules(40_000) });
    const checked = await runCliProcess(['lint', 'hub.yaml'], root);
    // Each rule has host bits set (a warning), and Azure allows 200 rules (an error).
    assert.equal(checked.code, 1);
    assert.match(checked.stdout, /\n✖ 40001 problems \(1 error, 40000 warnings\)\n$/);
    assert.equal(checked.stdout.split('\n').length, 1 + 40_001 + 3);
    const fixed = await runCliProcess(['lint', '--fix', 'hub.yaml'], root);
    assert.equal(fixed.stderr, 'foundry-net: fixed 40000 problems in "hub.yaml".\n');
    assert.match(fixed.stdout, /too-many-ip-rules\n\n✖ 1 problem \(1 error, 0 warnings\)\n$/);
    assert.match(readFileSync(path.join(root, 'hub.yaml'), 'utf8'), /- value: 52\.156\.63\.0\/24\n$/);
  });

  it('refuses a 20 MB file with one line, and still checks the files after it', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, ' ');
    big.write('kind: hub\n');
    const root = folder({ 'big.yaml': big, 'hub.yaml': FIXABLE });
    const result = await run(['lint', '--format', 'json', 'big.yaml', 'hub.yaml'], root);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      'foundry-net: "big.yaml" is 20.0 MB; files over 10.0 MB are not read.\n' +
        'foundry-net: 1 file could not be checked: big.yaml.\n',
    );
    const files = new Set((JSON.parse(result.stdout) as { file: string }[]).map((problem) => problem.file));
    assert.deepEqual([...files], ['hub.yaml']);
    assert.equal(MAX_FILE_BYTES, 10 * 1024 * 1024);
  });

  it('refuses a file that is not UTF-8 instead of rewriting its bytes', async () => {
    const latin1 = Buffer.concat([Buffer.from(FIXABLE), Buffer.from('# caf\xe9\n', 'latin1')]);
    const root = folder({ 'latin1.yaml': latin1, 'hub.yaml': FIXABLE });
    const result = await run(['lint', '--fix', 'latin1.yaml', 'hub.yaml'], root);
    assert.equal(result.code, 2);
    assert.deepEqual(readFileSync(path.join(root, 'latin1.yaml')), latin1, 'not a byte changed');
    assert.equal(readFileSync(path.join(root, 'hub.yaml'), 'utf8'), FIXED);
    assert.match(result.stderr, /^foundry-net: "latin1\.yaml" is not UTF-8 text; save it as UTF-8 and run again\.\n/);
  });

  it('keeps a byte order mark through --fix', async () => {
    const root = folder({ 'bom.yaml': `\uFEFF${FIXABLE}` });
    await run(['lint', '--fix', 'bom.yaml'], root);
    assert.equal(readFileSync(path.join(root, 'bom.yaml'), 'utf8'), `\uFEFF${FIXED}`);
  });
});

describe('foundry-net lint --fix: a batch with an unwritable file', () => {
  it('fixes the files before and after it, names it, and exits 2', async () => {
    const root = folder({ 'a.yaml': FIXABLE, 'b.yaml': FIXABLE, 'c.yaml': FIXABLE, 'd.yaml': CLEAN });
    chmodSync(root, 0o777);
    for (const name of ['a.yaml', 'c.yaml', 'd.yaml']) chmodSync(path.join(root, name), 0o666);
    chmodSync(path.join(root, 'b.yaml'), 0o444);
    const result = await runCliProcess(['lint', '--fix', 'a.yaml', 'b.yaml', 'c.yaml', 'd.yaml'], root, true);
    assert.equal(readFileSync(path.join(root, 'a.yaml'), 'utf8'), FIXED);
    assert.equal(readFileSync(path.join(root, 'b.yaml'), 'utf8'), FIXABLE);
    assert.equal(readFileSync(path.join(root, 'c.yaml'), 'utf8'), FIXED);
    assert.equal(
      result.stderr,
      [
        'foundry-net: fixed 2 problems in "a.yaml".',
        'foundry-net: cannot write the fixes to "b.yaml": EACCES; it is unchanged.',
        'foundry-net: fixed 2 problems in "c.yaml".',
        'foundry-net: nothing to fix in "d.yaml".',
        'foundry-net: 1 file could not be checked or fixed: b.yaml.',
        '',
      ].join('\n'),
    );
    assert.equal(result.code, 2);
  });
});

describe('foundry-net lint: output a terminal or a CI runner would act on', () => {
  const HOSTILE_VALUE = '"\\e[2J##[error]pwned\\n::error::pwned"';
  const hostile = `kind: hub\nnetwork_acls:\n  default_action: ${HOSTILE_VALUE}\n`;
  const fileName = '::error title=x::\u001b[31mred.yaml';

  it('stylish: no escape character, no line starting with "::", no "##["', async () => {
    const root = folder({ [fileName]: hostile });
    const result = await run(['lint', fileName], root);
    assert.equal(result.code, 1);
    assert.ok(!result.stdout.includes('\u001b'), result.stdout);
    assert.ok(!result.stdout.includes('##['), result.stdout);
    for (const line of result.stdout.split('\n')) assert.doesNotMatch(line, /^\s*::/, line);
    assert.match(result.stdout, /^\\u\{3a\}:error title=x::\\u\{1b\}\[31mred\.yaml\n/);
    assert.match(result.stdout, /\\u\{1b\}\[2J\\u\{23\}#\[error\]pwned\\u\{a\}::error::pwned/);
  });

  it('JSON: the same data for a parser, and nothing raw for a log', async () => {
    const root = folder({ [fileName]: hostile });
    const result = await run(['lint', '--format', 'json', fileName], root);
    assert.ok(!result.stdout.includes('##[') && !result.stdout.includes('\u001b'));
    const problems = JSON.parse(result.stdout) as { file: string; message: string }[];
    assert.equal(problems[0]?.file, fileName);
    assert.ok(problems.some((problem) => problem.message.includes('##[error]pwned\n::error::pwned')));
  });

  it('error lines name a hostile file without its control characters', async () => {
    const root = folder();
    const result = await run(['lint', 'missing\n::error::x\u001b.yaml'], root);
    assert.equal(result.stderr, 'foundry-net: cannot find the file "missing\\u{a}::error::x\\u{1b}.yaml".\n');
  });
});

describe('foundry-net lint: globs', () => {
  it('refuses more than two * in a path segment, with one line, before walking a hostile name', async () => {
    const root = folder({ [`a/${'a'.repeat(200)}.yaml`]: CLEAN });
    const result = await runCliProcess(['lint', 'a/*a*a*a*a*a*a*b.yaml'], root);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      'foundry-net: "*a*a*a*a*a*a*b.yaml" in "a/*a*a*a*a*a*a*b.yaml" has 7 "*"; a glob segment may hold at most 2.\n',
    );
  });

  it('matches the longest file name against the worst allowed pattern, and treats other characters literally', async () => {
    const longest = `${'a'.repeat(250)}.yaml`;
    const root = folder({ [longest]: FIXABLE, '[x]{a,b}.yaml': CLEAN, 'x.yaml': CLEAN });
    const worst = await runCliProcess(['lint', '--format', 'json', '*a*b.yaml', '*a*a.yaml'], root);
    assert.equal(worst.code, 2, 'the first pattern matches nothing');
    assert.equal(worst.stderr, 'foundry-net: no files match "*a*b.yaml".\n');
    const matched = await runCliProcess(['lint', '--format', 'json', '*a*a.yaml'], root);
    assert.deepEqual([...new Set((JSON.parse(matched.stdout) as { file: string }[]).map((p) => p.file))], [longest]);
    assert.deepEqual(expandGlob('[x]{a,b}.y?ml', root), ['[x]{a,b}.yaml']);
  });
});
