/** `foundry-net check`: the extension's assessment of live hubs and Foundry resources, for pipelines. */
import { atLeast, type FindingSeverity } from '../model/assessment';
import { oneOf, parseCommandLine } from './args';
import { openArmSession, SignInError } from './armSession';
import { formatCheckJson, formatCheckSarif, formatCheckStylish } from './checkOutput';
import { runCheck } from './checkRun';
import { EXIT_ACCESS, EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand, type CliIo } from './io';
import { printable } from './printable';
import { readYamlAnchors } from './yamlAnchors';

const USAGE = `Usage: foundry-net check [--subscription ID]... [--resource NAME|ID]... [--format stylish|json|sarif]
                         [--fail-on error|warning|none] [--arm-endpoint URL] [--yaml FILE]...

Checks the network isolation of the Azure AI Foundry hubs and Foundry resources in your subscriptions, with the same
verdicts and findings as the Foundry Network extension.

Options:
  --subscription ID          A subscription to check (repeatable; default: every subscription the identity sees)
  --resource NAME|ID         Check only this hub or Foundry resource (repeatable)
  --format stylish|json|sarif  Output format (default: stylish); sarif is SARIF 2.1.0 for GitHub code scanning
  --fail-on error|warning|none  Exit 1 when a finding is at least this severe (default: error)
  --arm-endpoint URL         Another ARM endpoint than the public cloud's (Azure Stack, a proxy, the emulator)
  --yaml FILE                The hub YAML a hub was created from (repeatable): SARIF points at its lines
  -h, --help                 Show this help

Sign-in: @azure/identity's DefaultAzureCredential (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET or
AZURE_FEDERATED_TOKEN_FILE, managed identity, az login). AZURE_AUTHORITY_HOST names another token authority
(for AD FS, end it with /adfs); NODE_EXTRA_CA_CERTS adds a CA.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, 3 sign-in or access failure
(each resource or subscription that could not be read is reported; the others are still checked).`;

export const checkCommand: CliCommand = {
  summary: 'assess live hubs and Foundry resources (the extension’s verdicts and findings) for CI',
  usage: USAGE,
  run: async (args, io) => {
    const { values, positionals } = parseCommandLine('check', args, {
      subscription: { type: 'string', multiple: true },
      resource: { type: 'string', multiple: true },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      'arm-endpoint': { type: 'string' },
      yaml: { type: 'string', multiple: true },
    });
    if (positionals.length > 0) {
      throw new UsageError(`check takes options only, not "${positionals[0]}"; name a resource with --resource.`);
    }
    const format = oneOf('format', values.format, ['stylish', 'json', 'sarif'] as const, 'stylish');
    const failOn = oneOf('fail-on', values['fail-on'], ['error', 'warning', 'none'] as const, 'error');
    const anchors = (values.yaml ?? []).map((file) => readYamlAnchors(file, io.cwd));
    return check(io, {
      format,
      failOn,
      subscriptionIds: values.subscription ?? [],
      resources: values.resource ?? [],
      ...(values['arm-endpoint'] !== undefined ? { armEndpoint: values['arm-endpoint'] } : {}),
      anchors,
    });
  },
};

interface CheckOptions {
  readonly format: 'stylish' | 'json' | 'sarif';
  readonly failOn: FindingSeverity | 'none';
  readonly subscriptionIds: readonly string[];
  readonly resources: readonly string[];
  readonly armEndpoint?: string;
  readonly anchors: ReturnType<typeof readYamlAnchors>[];
}

async function check(io: CliIo, options: CheckOptions): Promise<number> {
  let session;
  try {
    session = await openArmSession(
      {
        subscriptionIds: options.subscriptionIds,
        ...(options.armEndpoint ? { armEndpoint: options.armEndpoint } : {}),
      },
      io.env ?? process.env,
    );
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    io.stderr(`foundry-net: ${printable(error.message)}\n`);
    return EXIT_ACCESS;
  }
  const progress = progressLine(io);
  const result = await runCheck({
    connection: session.connection,
    subscriptions: session.subscriptions,
    resourceFilters: options.resources,
    onProgress: progress.update,
  });
  progress.done();
  const failures = [
    ...session.unreadable.map((entry) => ({
      what: `subscription ${entry.subscriptionId}`,
      message: `${entry.error.userMessage} ${entry.error.action}`,
    })),
    ...result.failures,
  ];
  for (const failure of failures)
    io.stderr(`foundry-net: ${printable(failure.what)} could not be read: ${printable(failure.message)}\n`);
  for (const anchor of options.anchors) {
    if (
      !result.checked.some(({ assessment }) => assessment.resourceName.toLowerCase() === anchor.name?.toLowerCase())
    ) {
      io.stderr(
        `foundry-net: --yaml ${printable(anchor.uri)} names ${printable(anchor.name ?? 'no workspace')}, which is not among the checked resources.\n`,
      );
    }
  }
  if (options.format === 'json') io.stdout(formatCheckJson(result.checked));
  else if (options.format === 'sarif') io.stdout(formatCheckSarif(result.checked, failures, options.anchors));
  else io.stdout(formatCheckStylish(result.checked, failures));
  if (failures.length > 0) return EXIT_ACCESS;
  const threshold = options.failOn;
  const failing =
    threshold !== 'none' &&
    result.checked.some(({ assessment }) =>
      assessment.findings.some((finding) => atLeast(finding.severity, threshold)),
    );
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

/** One line on stderr, rewritten in place on a terminal; elsewhere a line at the start and none per step. */
function progressLine(io: CliIo): { update: (done: number, total: number) => void; done: () => void } {
  let shown = false;
  return {
    update: (done, total) => {
      if (io.stderrIsTerminal) {
        io.stderr(`\r\u001b[2Kfoundry-net: checked ${done} of ${total} resources…`);
        shown = true;
      } else if (done === 0 && total > 0) {
        io.stderr(`foundry-net: checking ${total} resource${total === 1 ? '' : 's'}…\n`);
      }
    },
    done: () => {
      if (shown) io.stderr('\r\u001b[2K');
    },
  };
}
