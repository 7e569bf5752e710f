/**
 * Hub YAML validation, measured in one run against the `yaml` Lexer alone (the floor: no parser can be faster than
 * reading the tokens) and against yaml-language-server validating the same single-document files with our JSON schema
 * (schemas/hub-workspace.schema.json), through its language-service API. Each figure is the median of several
 * interleaved rounds; ratios are taken within a round.
 */
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Lexer } from 'yaml';
import { getLanguageService } from 'yaml-language-server';
import { HubYamlValidator, validateHubYaml } from '../src/yaml/engine';
import { type BenchPart, QUICK, type Row, figure, round, runBench, show } from './support';

const ROUNDS = QUICK ? 3 : 9;

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

/** About 10,000 lines: hub documents of 200 rules, with a Kubernetes document between them. */
function multiDocument(): string {
  const documents: string[] = [];
  let lines = 0;
  for (let index = 0; lines < 10_000; index++) {
    const hub = hubWithRules(200, `hub-${index}`);
    documents.push(hub, 'kind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n');
    lines += hub.split('\n').length + 5;
  }
  return documents.join('---\n');
}

/** One hub document of about 1 MB: 200 IP rules and a managed network with thousands of outbound rules. */
function oneMegabyte(): string {
  const rules: string[] = [];
  for (let index = 0, length = 0; length < 1_000_000; index++) {
    const rule = `    - name: allow-${index}\n      type: fqdn\n      destination: "pkg-${index}.example.org"\n`;
    rules.push(rule);
    length += rule.length;
  }
  return (
    `${hubWithRules(200)}managed_network:\n  isolation_mode: allow_only_approved_outbound\n  outbound_rules:\n` +
    rules.join('')
  );
}

/** A hub file with the mistakes people make (the docs' mapping form of ip_rules, cases, private ranges, ...). */
const SEEDED_MISTAKES = [
  '$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json',
  'name: hub-contoso',
  'kind: hub',
  'public_network_access: enabled',
  'network_acls:',
  '  default_action: deny',
  '  defualt_action: Deny',
  '  ip_rules:',
  '    - value: 10.0.0.0/8',
  '    - value: 52.1.2.3/24',
  '    - value: 52.1.2.0/24',
  '    - value: 52.1.2.7',
  '    - value: "2001:db8::/32"',
  '    - value: 300.1.1.1',
  '    - 20.30.40.50',
  '    - value: 40.1.1.1',
  '      action: Allow',
  'managed_network:',
  '  isolation_mode: allow_internet_outbound',
  '  outbound_rules:',
  '    - name: pypi',
  '      type: fqdn',
  '      destination: pypi.org',
  '    - name: storage',
  '      type: service_tag',
  '      destination:',
  '        service_tag: Storage',
  '',
].join('\n');

function lex(text: string): void {
  for (const token of new Lexer().lex(text)) if (token === undefined) throw new Error('unreachable');
}

/** Milliseconds of `run`, repeated until about 50 ms have passed, per call. */
function perCall(run: () => void): number {
  let calls = 0;
  const started = performance.now();
  do {
    run();
    calls++;
  } while (performance.now() - started < 50);
  return (performance.now() - started) / calls;
}

async function perCallAsync(run: () => Promise<unknown>): Promise<number> {
  let calls = 0;
  const started = performance.now();
  do {
    await run();
    calls++;
  } while (performance.now() - started < 200);
  return (performance.now() - started) / calls;
}

function yamlLanguageServer() {
  const schema = JSON.parse(readFileSync(new URL('../schemas/hub-workspace.schema.json', import.meta.url), 'utf8'));
  const service = getLanguageService({
    schemaRequestService: async () => JSON.stringify(schema),
    workspaceContext: { resolveRelativePath: (path: string) => path },
  });
  service.configure({
    validate: true,
    schemas: [{ uri: 'file:///hub-workspace.schema.json', fileMatch: ['*'], schema }],
  });
  let version = 0;
  return (text: string) =>
    service.doValidation(TextDocument.create('file:///hub.yaml', 'yaml', ++version, text), false);
}

runBench(async (): Promise<BenchPart> => {
  const files = { rules200: hubWithRules(200), lines10k: multiDocument(), oneMb: oneMegabyte() };
  const singleDocument = ['rules200', 'oneMb'] as const;
  const validateWithYls = yamlLanguageServer();
  const ours: Record<string, number[]> = { rules200: [], lines10k: [], oneMb: [] };
  const lexerRatio: Record<string, number[]> = { rules200: [], lines10k: [], oneMb: [] };
  const ylsRatio: Record<string, number[]> = { rules200: [], oneMb: [] };
  const worstYlsRatio: number[] = [];
  for (const text of Object.values(files)) validateHubYaml(text); // warm
  for (let index = 0; index < ROUNDS; index++) {
    for (const [name, text] of Object.entries(files)) {
      const floor = perCall(() => lex(text));
      const time = perCall(() => validateHubYaml(text));
      ours[name]!.push(time);
      lexerRatio[name]!.push(time / floor);
    }
    for (const name of singleDocument) {
      const theirs = await perCallAsync(() => validateWithYls(files[name]));
      ylsRatio[name]!.push(theirs / ours[name]![index]!);
    }
    worstYlsRatio.push(Math.min(...singleDocument.map((name) => ylsRatio[name]![index]!)));
  }
  const editMs = figure(oneLineEdits(files.lines10k));
  const ourProblems = validateHubYaml(SEEDED_MISTAKES);
  const theirProblems = await validateWithYls(SEEDED_MISTAKES);
  const yaml = {
    rules200Ms: figure(ours.rules200!),
    lines10kMs: figure(ours.lines10k!),
    oneMbMs: figure(ours.oneMb!),
    lexerRatio10k: figure(lexerRatio.lines10k!),
    ratioVsYamlLanguageServer: figure(worstYlsRatio),
    editMs,
  };
  const rows: Row[] = [
    {
      section: 'yaml',
      measure: '200-rule hub, ms',
      value: show(yaml.rules200Ms, 3),
      budget: '≤ 2 ms',
      holds: yaml.rules200Ms.median <= 2,
    },
    { section: 'yaml', measure: '10k-line multi-document file, ms', value: show(yaml.lines10kMs) },
    { section: 'yaml', measure: '1 MB file, ms', value: show(yaml.oneMbMs) },
    ...Object.keys(files).map((name) => {
      const ratio = figure(lexerRatio[name]!);
      return {
        section: 'yaml',
        measure: `${name}: ours ÷ yaml Lexer`,
        value: show(ratio, 2),
        budget: '≤ 4×',
        holds: ratio.median <= 4,
      };
    }),
    ...singleDocument.map((name) => {
      const ratio = figure(ylsRatio[name]!);
      return {
        section: 'yaml',
        measure: `${name}: yaml-language-server ÷ ours`,
        value: show(ratio),
        budget: '≥ 2×',
        holds: ratio.median >= 2,
      };
    }),
    {
      section: 'yaml',
      measure: 'one-line edit in the 10k file, ms',
      value: show(editMs, 3),
      budget: '≤ 5 ms',
      holds: editMs.median <= 5,
    },
    {
      section: 'yaml',
      measure: 'problems found in a file seeded with real mistakes',
      value: `ours ${ourProblems.length} (${distinct(ourProblems.map((item) => item.code))}); yaml-language-server ${theirProblems.length} (${distinct(theirProblems.map((item) => item.message.split('.')[0]!))})`,
    },
  ];
  return { results: { yaml }, rows };
});

function distinct(values: string[]): string {
  return [...new Set(values)].join(', ');
}

/** One-line edits alternate between two texts, so each update re-validates exactly one changed document. */
function oneLineEdits(text: string): number[] {
  const validator = new HubYamlValidator();
  const edited = text.replace('hub-3\n', 'hub-3-edited\n');
  validator.update(text);
  const times: number[] = [];
  for (let index = 0; index < (QUICK ? 20 : 100); index++) {
    const started = performance.now();
    validator.update(index % 2 ? text : edited);
    times.push(performance.now() - started);
  }
  return times.map(round);
}
