import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LINT_RULES } from '../../../src/cli/lintRules';
import { main } from '../../../src/cli/main';
import { printable, withoutWorkflowCommands } from '../../../src/cli/printable';
import { FINDING_IDS } from '../../../src/model/assessment';
import { DIAGNOSTIC_CODES } from '../../../src/yaml/engine';
import { validateSarif } from './sarifValidator';

const DOCS = path.join(__dirname, '..', '..', '..', 'docs');

describe('SARIF from foundry-net lint', () => {
  it('reports each problem at its file and range, in SARIF the multitool accepts', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'foundry-lint-sarif-'));
    writeFileSync(
      path.join(root, 'hub.yml'),
      'kind: hub\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n    - value: 10.0.0.1\n',
    );
    let stdout = '';
    const code = await main(['lint', '--format', 'sarif', 'hub.yml'], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      cwd: root,
    });
    assert.equal(code, 1);
    writeFileSync(path.join(root, 'lint.sarif'), stdout);
    assert.deepEqual(await validateSarif(path.join(root, 'lint.sarif')), []);
    const result = (
      JSON.parse(stdout) as {
        runs: {
          results: {
            ruleId: string;
            locations: {
              physicalLocation: {
                artifactLocation: { uri: string };
                region: { startLine: number; startColumn: number };
              };
            }[];
          }[];
        }[];
      }
    ).runs[0]!.results[0]!;
    assert.equal(result.ruleId, 'reserved-ip-range');
    assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'hub.yml');
    assert.deepEqual(
      [
        result.locations[0]!.physicalLocation.region.startLine,
        result.locations[0]!.physicalLocation.region.startColumn,
      ],
      [5, 14],
    );
  });

  it('has a rule for every YAML diagnostic code, each documented in docs/yaml-rules.md', () => {
    assert.deepEqual(LINT_RULES.map((rule) => rule.id).sort(), [...DIAGNOSTIC_CODES].sort());
    const docs = readFileSync(path.join(DOCS, 'yaml-rules.md'), 'utf8');
    for (const code of DIAGNOSTIC_CODES) assert.match(docs, new RegExp(`^### ${code}$`, 'm'), code);
  });

  it('documents every finding id in docs/findings.md', () => {
    const docs = readFileSync(path.join(DOCS, 'findings.md'), 'utf8');
    for (const id of FINDING_IDS) assert.match(docs, new RegExp(`^### ${id}$`, 'm'), id);
  });
});

describe('printable text', () => {
  it('neutralises terminal escapes, control characters and CI workflow commands, and keeps the rest', () => {
    assert.equal(printable('hub\u001b[31m-red\u0007'), 'hub\\u{1b}[31m-red\\u{7}');
    assert.equal(printable('a\n::error::pwned'), 'a\\u{a}::error::pwned', 'one line: no command can start a line');
    assert.equal(
      withoutWorkflowCommands('a\n::error::pwned\n  ##vso[task.setvariable]x\nok ##[group]'),
      'a\n\\u{3a}:error::pwned\n  \\u{23}#vso[task.setvariable]x\nok \\u{23}#[group]',
    );
    assert.equal(printable('pe-hub \u202eevil'), 'pe-hub \\u{202e}evil');
    assert.equal(printable('Contoso AI (dev): 52.1.2.0/24 ✓'), 'Contoso AI (dev): 52.1.2.0/24 ✓');
  });
});
