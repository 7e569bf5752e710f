/**
 * Linear-time matching of user text (issue 16, item 5), proven without a clock:
 * - every regular expression literal in the files that read user text (YAML text, file names, globs, CLI arguments,
 *   settings, and the values ARM sends back that we render) passes recheck's automaton checker: no backtracking blow-up;
 * - the ones that see long input are fed 100 KB of adversarial text and give the right result;
 * - the regular expressions completion used (cubic and quadratic) are gone: the line scanners that replace them get
 *   100 KB lines, and agree with the old expressions on random short lines.
 * No assertion is on elapsed time; a per-test timeout only turns a hang into a failure.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { lineShape, MAX_COMPLETION_LINE_LENGTH } from '../../../src/yaml/engine/completionContext';

const REPO = path.resolve(__dirname, '../../..');
const KB_100 = 100 * 1024;

/** The files whose regular expressions see text a user or a repository chooses. */
const USER_TEXT_FILES = [
  ...['src/cli', 'src/yaml/engine', 'src/yaml/vscode', 'src/auth', 'src/settings'].flatMap((folder) =>
    readdirSync(path.join(REPO, folder))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `${folder}/${file}`),
  ),
  'src/config.ts',
  'src/model/ipRules.ts',
  'src/model/armNames.ts',
  'src/model/armIds.ts',
  'src/model/azScript.ts',
  'src/model/dnsRecordFormats.ts',
  'src/model/dnsRecordChecks.ts',
  'src/model/printable.ts',
];

/** Quadratic by recheck's measure, but only ever run on short, bounded text. */
const BOUNDED: Record<string, string> = {
  'src/model/armNames.ts /[.-]+$/': 'runs on a resource name already cut to at most 64 characters',
};

interface Literal {
  readonly file: string;
  readonly text: string;
  readonly regex: RegExp;
}

function regexLiterals(): Literal[] {
  const found: Literal[] = [];
  for (const file of USER_TEXT_FILES) {
    const source = ts.createSourceFile(file, readFileSync(path.join(REPO, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        found.push({ file, text, regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'RegExp') {
        assert.fail(`${file}: new RegExp(...) builds a regular expression recheck cannot see; use a literal`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const LITERALS = regexLiterals();

function literal(file: string, text: string): RegExp {
  const found = LITERALS.find((candidate) => candidate.file === file && candidate.text === text);
  assert.ok(found, `${file} no longer holds ${text}: update the adversarial table`);
  return new RegExp(found.regex.source, found.regex.flags);
}

describe('regular expressions on user text: static analysis', () => {
  it('finds the literals of every user-text file', () => {
    assert.ok(LITERALS.length >= 40, `${LITERALS.length} literals`);
  });

  it(
    'passes recheck (automaton checker) for each one: no polynomial or exponential backtracking',
    { timeout: 300_000 },
    () => {
      const failures: string[] = [];
      for (const { file, text, regex } of LITERALS) {
        if (BOUNDED[`${file} ${text}`]) continue;
        const result = checkSync(regex.source, regex.flags, { checker: 'automaton', timeout: 60_000 });
        const complexity = result.status === 'safe' ? result.complexity.type : result.status;
        if (result.status !== 'safe') failures.push(`${file} ${text}: ${complexity}`);
      }
      assert.deepEqual(failures, []);
    },
  );

  it('keeps the bounded exceptions real: each is still there and still needs its reason', () => {
    for (const key of Object.keys(BOUNDED)) {
      const [file, text] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      const regex = literal(file, text);
      assert.equal(checkSync(regex.source, regex.flags, { checker: 'automaton' }).status, 'vulnerable', key);
    }
  });

  it('passes recheck for the glob shapes picomatch builds (one * per segment), and ** paths', () => {
    const picomatch = createRequire(require.resolve('tinyglobby'))('picomatch') as {
      makeRe(pattern: string, options: object): RegExp;
    };
    const options = { dot: false, nobrace: true, noextglob: true };
    for (const pattern of ['*.yaml', 'hub-?.yml', 'hub-*.yaml', '**']) {
      const regex = picomatch.makeRe(pattern, options);
      // picomatch's lookaheads are beyond the automaton checker: the fuzzer (seeded, so repeatable) checks these.
      const result = checkSync(regex.source, regex.flags, { checker: 'fuzz', randomSeed: 16 });
      assert.equal(result.status, 'safe', `${pattern} → ${regex.source}`);
    }
    // Two * in one segment (the most glob.ts allows) is quadratic, bounded by the 255-character file name.
    const two = picomatch.makeRe('*-hub-*.yaml', options);
    const result = checkSync(two.source, two.flags, { checker: 'fuzz', randomSeed: 16 });
    const quadratic =
      result.status === 'vulnerable' && result.complexity.type === 'polynomial' && result.complexity.degree <= 2;
    assert.ok(result.status === 'safe' || quadratic, `${two.source}: ${result.status}`);
  });
});

interface Adversarial {
  readonly file: string;
  readonly literal: string;
  readonly input: string;
  readonly run: (regex: RegExp, input: string) => unknown;
  readonly expected: unknown;
}

const test = (regex: RegExp, input: string) => regex.test(input);
const strip = (regex: RegExp, input: string) => input.replace(regex, '').length;

/** Each regular expression that sees long user text, with 100 KB built to make a backtracking engine work hardest. */
const ADVERSARIAL: Adversarial[] = [
  {
    file: 'src/yaml/engine/completionContext.ts',
    literal: '/\\r$/',
    input: '\r'.repeat(KB_100) + 'x',
    run: strip,
    expected: KB_100 + 1,
  },
  {
    file: 'src/yaml/engine/completionContext.ts',
    literal: '/^\\s*(#.*)?$/',
    input: ' '.repeat(KB_100) + 'x',
    run: test,
    expected: false,
  },
  {
    file: 'src/yaml/engine/completionContext.ts',
    literal: '/^\\s*(#.*)?$/',
    input: ' '.repeat(KB_100) + '#'.repeat(KB_100),
    run: test,
    expected: true,
  },
  {
    file: 'src/yaml/engine/completionContext.ts',
    literal: '/^\\s*[|>]/',
    input: '\t'.repeat(KB_100) + 'a',
    run: test,
    expected: false,
  },
  {
    file: 'src/yaml/engine/completionContext.ts',
    literal: '/^(---|\\.\\.\\.)(\\s|$)/',
    input: '-'.repeat(KB_100),
    run: test,
    expected: false,
  },
  {
    file: 'src/yaml/engine/completionContext.ts',
    literal: '/^["\']|["\']$/g',
    input: '"'.repeat(KB_100),
    run: strip,
    expected: KB_100 - 2,
  },
  {
    file: 'src/yaml/engine/ipRuleFixes.ts',
    literal: '/^[\\s-]*/',
    input: ' -'.repeat(KB_100 / 2) + 'x',
    run: strip,
    expected: 1,
  },
  {
    file: 'src/yaml/engine/ipRuleFixes.ts',
    literal: '/^[0-9A-Za-z./]+$/',
    input: '1.'.repeat(KB_100 / 2) + ' ',
    run: test,
    expected: false,
  },
  {
    file: 'src/yaml/engine/analyzeDocument.ts',
    literal: '/ at line \\d+, column \\d+:?$/',
    input: ' at line 1, column 1'.repeat(KB_100 / 20) + ':x',
    run: strip,
    expected: KB_100 + 2,
  },
  {
    file: 'src/cli/printable.ts',
    literal: '/##\\[/g',
    input: '#'.repeat(KB_100) + '[',
    run: (regex, input) => input.replace(regex, '').length,
    expected: KB_100 - 2,
  },
  {
    file: 'src/cli/printable.ts',
    literal: '/^([^\\S\\n\\r\\u2028\\u2029]*)(::|##vso\\[)/gm',
    input: `${' '.repeat(KB_100)}:x\n${'\r'.repeat(KB_100)}`,
    run: test,
    expected: false,
  },
  {
    file: 'src/cli/printable.ts',
    literal: '/^([^\\S\\n\\r\\u2028\\u2029]*)(::|##vso\\[)/gm',
    input: `${'\u2028 '.repeat(KB_100 / 2)}\n \u3000::error::x`,
    run: strip,
    expected: KB_100 + 1 + 'error::x'.length,
  },
  {
    file: 'src/cli/args.ts',
    literal: "/Unknown option '([^']+)'/",
    input: "Unknown option '".repeat(KB_100 / 16),
    run: (regex, input) => regex.exec(input)?.[1],
    expected: 'Unknown option ',
  },
  {
    file: 'src/cli/args.ts',
    literal: '/\\s+/g',
    input: ' \t'.repeat(KB_100 / 2) + 'x',
    run: (regex, input) => input.replace(regex, ' '),
    expected: ' x',
  },
  {
    file: 'src/cli/args.ts',
    literal: '/([^.])$/',
    input: 'a'.repeat(KB_100),
    run: (regex, input) => input.replace(regex, '$1.').length,
    expected: KB_100 + 1,
  },
  {
    file: 'src/cli/args.ts',
    literal: '/, ([^,]*)$/',
    input: ', '.repeat(KB_100 / 2),
    run: (regex, input) => input.replace(regex, ' or $1').length,
    expected: KB_100 + 2,
  },
  {
    file: 'src/model/ipRules.ts',
    literal: '/^(0|[1-9]\\d{0,2})$/',
    input: '1'.repeat(KB_100),
    run: test,
    expected: false,
  },
  {
    file: 'src/model/azScript.ts',
    literal: '/^[A-Za-z0-9_./:=@%+,-]+$/',
    input: '-'.repeat(KB_100) + "'",
    run: test,
    expected: false,
  },
  {
    file: 'src/model/dnsRecordChecks.ts',
    literal: '/[^A-Za-z0-9.-]/',
    input: 'a.-'.repeat(KB_100 / 3 + 1),
    run: test,
    expected: false,
  },
  {
    file: 'src/model/dnsRecordFormats.ts',
    literal: '/[",\\r\\n]/',
    input: 'a'.repeat(KB_100),
    run: test,
    expected: false,
  },
];

describe('regular expressions on user text: 100 KB of adversarial input', () => {
  for (const entry of ADVERSARIAL) {
    it(`${entry.file} ${entry.literal}`, { timeout: 60_000 }, () => {
      assert.equal(entry.input.length >= KB_100, true);
      assert.deepEqual(entry.run(literal(entry.file, entry.literal), entry.input), entry.expected);
    });
  }
});

/** completionContextAt at the end of `text`, in a child process killed after a minute (a hang becomes a failure). */
function completionInChildProcess(text: string): unknown {
  const tsx = path.join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  const probe = path.join(__dirname, 'completionProbe.ts');
  const result = spawnSync(process.execPath, ['--import', tsx, probe], {
    input: text,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 0, `the probe ended with ${result.signal ?? result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The expressions completion used before, kept here only as the reference for short lines. */
const OLD_LINE_SHAPE = /^(\s*)((?:-[ \t]+)*)(?:(["']?)([^\s"':#][^:#]*?|\$schema)\3[ \t]*:(?:[ \t]+|$)(.*))?/;

describe('completion: the line scanners that replaced the cubic expressions', () => {
  it('agree with the old expression on random short lines', () => {
    const character = fc.constantFrom(' ', '\t', '-', ':', '#', '"', "'", 'a', 'b', '$', '|', '>', '\u00a0');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 14 }), (characters) => {
        const line = characters.join('');
        const old = OLD_LINE_SHAPE.exec(line)!;
        const shape = lineShape(line);
        const oldDashes: number[] = [];
        for (let at = 0; at < old[2].length; at++) if (old[2][at] === '-') oldDashes.push(old[1].length + at);
        assert.deepEqual(
          [
            shape.keyColumn,
            shape.dashColumns,
            shape.key,
            shape.key === undefined ? undefined : line.slice(shape.valueStart),
          ],
          [old[1].length + old[2].length, oldDashes, old[4], old[5]],
          JSON.stringify(line),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a 100 KB line above the cursor (the shape that was cubic) and still completes', () => {
    for (const hostile of [
      `c${'\t'.repeat(KB_100)}s`,
      `${'- '.repeat(KB_100 / 2)}x`,
      `a${' a'.repeat(KB_100 / 2)}: b`,
    ]) {
      const context = completionInChildProcess(`${hostile}\nnetwork_acls:\n  default_action: D`);
      assert.deepEqual(context, {
        section: 'network_acls',
        slot: 'value',
        key: 'default_action',
        path: ['network_acls'],
      });
    }
    assert.equal(lineShape(`a${' a'.repeat(KB_100 / 2)}: b`).key, `a${' a'.repeat(KB_100 / 2)}`);
  });

  it('gives no completion on a line over the cap, whatever it holds', () => {
    const line = `  key${'\t'.repeat(KB_100)}: ${'x #'.repeat(KB_100 / 3)}`;
    assert.ok(line.length > MAX_COMPLETION_LINE_LENGTH);
    assert.deepEqual(completionInChildProcess(`network_acls:\n${line}`), {
      section: null,
      slot: 'key',
      key: null,
      path: [],
    });
  });
});
