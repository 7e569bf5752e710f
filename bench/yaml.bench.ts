/**
 * Hub YAML validation against the yaml Lexer alone, measured in one run (ratios, so machine speed cancels out).
 * Run: npx tsx bench/yaml.bench.ts. Prints a table; asserts nothing.
 */
import { Lexer } from 'yaml';
import { HubYamlValidator, validateHubYaml } from '../src/yaml/engine';

function hubWithRules(count: number, name = 'hub-eastus'): string {
  const rules = Array.from(
    { length: count },
    (_, index) => `    - value: "52.${index % 250}.${(index * 7) % 250}.0/24"\n`,
  ).join('');
  return (
    `$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\nname: ${name}\nkind: hub\n` +
    `public_network_access: Enabled\nnetwork_acls:\n  default_action: Deny\n  ip_rules:\n${rules}`
  );
}

/** About 10k lines: hub documents of 200 rules, with a Kubernetes document between them. */
function multiDocument(): string {
  const documents: string[] = [];
  for (let index = 0; documents.join('').split('\n').length < 10_000; index++) {
    documents.push(
      hubWithRules(200, `hub-${index}`),
      'kind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n',
    );
  }
  return documents.join('---\n');
}

/** Median time of `run` in milliseconds, after warming up. */
function measure(run: () => void, iterations: number): number {
  for (let index = 0; index < Math.max(5, iterations / 5); index++) run();
  const times: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function lexOnly(text: string): void {
  for (const token of new Lexer().lex(text)) if (token === undefined) throw new Error('unreachable');
}

const small = hubWithRules(200);
const large = multiDocument();
const lexSmall = measure(() => lexOnly(small), 400);
const validateSmall = measure(() => validateHubYaml(small), 400);
const lexLarge = measure(() => lexOnly(large), 20);
const validateLarge = measure(() => validateHubYaml(large), 20);

// One-line edits alternate between two texts, so each update re-validates exactly one changed document.
const validator = new HubYamlValidator();
const edited = large.replace('hub-3\n', 'hub-3-edited\n');
validator.update(large);
let flip = false;
const incremental = measure(() => {
  flip = !flip;
  validator.update(flip ? edited : large);
}, 100);

const rows: [string, string, string, string][] = [
  ['case', 'size', 'time (ms)', 'ratio'],
  ['200-rule hub: yaml Lexer', `${(small.length / 1024).toFixed(1)} KB`, lexSmall.toFixed(3), '1.00'],
  ['200-rule hub: full validation', '', validateSmall.toFixed(3), `${(validateSmall / lexSmall).toFixed(2)} × Lexer`],
  ['10k-line multi-doc: yaml Lexer', `${large.split('\n').length} lines`, lexLarge.toFixed(3), '1.00'],
  [
    '10k-line multi-doc: full validation',
    '',
    validateLarge.toFixed(3),
    `${(validateLarge / lexLarge).toFixed(2)} × Lexer`,
  ],
  [
    '10k-line multi-doc: one-line edit',
    '',
    incremental.toFixed(3),
    `${(incremental / validateLarge).toFixed(3)} × full`,
  ],
];
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
