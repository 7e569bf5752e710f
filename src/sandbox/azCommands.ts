/**
 * How to drive the running sandbox with the Azure CLI: the cloud to register (its AD endpoint must end in /adfs, or
 * MSAL calls login.microsoftonline.com), the service-principal login, and the certificate to trust. Pure: the sandbox
 * renders it into a document the user copies from; a unit test runs the same steps with the real az.
 */

import { type Shell, powerShellString, shellQuote } from '../model/azScript';

export type { Shell };

/** What the sandbox tells az about itself. */
export interface SandboxLogin {
  /** `https://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the sandbox wrote its certificate, its cloud description and az's own configuration. */
  readonly certificatePath: string;
  readonly cloudConfigPath: string;
  readonly azureConfigDirectory: string;
}

export const SANDBOX_CLOUD_NAME = 'FoundrySandbox';

/** `az cloud register --cloud-config @file`: every endpoint az needs, all on the sandbox. */
export function sandboxCloudConfig(url: string): Record<string, unknown> {
  const root = `${url}/`;
  return {
    endpoints: {
      resourceManager: root,
      management: root,
      activeDirectory: `${url}/adfs`,
      activeDirectoryResourceId: root,
      activeDirectoryGraphResourceId: root,
      microsoftGraphResourceId: root,
    },
    suffixes: {
      storageEndpoint: 'core.windows.net',
      keyvaultDns: '.vault.azure.net',
      acrLoginServerEndpoint: '.azurecr.io',
    },
  };
}

export interface AzSteps {
  /** Set in the shell before the commands: az reads the certificate and its configuration folder from there. */
  readonly environment: Readonly<Record<string, string>>;
  /** Each an `az` argument list. */
  readonly commands: readonly (readonly string[])[];
}

export function azSteps(login: SandboxLogin): AzSteps {
  return {
    environment: {
      // Python's ssl reads only this for az's requests; set for this shell only.
      REQUESTS_CA_BUNDLE: login.certificatePath,
      // A configuration of its own: the sandbox cloud and login never touch your own az profile.
      AZURE_CONFIG_DIR: login.azureConfigDirectory,
    },
    commands: [
      ['cloud', 'register', '-n', SANDBOX_CLOUD_NAME, '--cloud-config', `@${login.cloudConfigPath}`],
      ['cloud', 'set', '-n', SANDBOX_CLOUD_NAME],
      // `--password=…` in one argument: az's parser takes a separate value starting with '-' for an option.
      [
        'login',
        '--service-principal',
        '-u',
        login.clientId,
        `--password=${login.clientSecret}`,
        '--tenant',
        login.tenantId,
      ],
      ['account', 'list', '-o', 'table'],
    ],
  };
}

/** The steps as a script to paste into a terminal (bash or PowerShell), with a comment saying what it does. */
export function renderAzScript(login: SandboxLogin, shell: Shell): string {
  const steps = azSteps(login);
  const comment = (line: string) => `# ${line}`;
  const assignments = Object.entries(steps.environment).map(([name, value]) =>
    shell === 'bash' ? `export ${name}=${shellQuote(value, shell)}` : `$env:${name} = ${powerShellString(value)}`,
  );
  const commands = steps.commands.map((args) => `az ${args.map((arg) => shellQuote(arg, shell)).join(' ')}`);
  return [
    comment('Drive the Foundry Network sandbox with the Azure CLI (az), in one terminal.'),
    comment(`The sandbox runs at ${login.url} while VS Code does; after a restart its port and secret change,`),
    comment('so run "Foundry: Show az Commands for the Sandbox" again.'),
    ...assignments,
    ...commands,
    '',
  ].join('\n');
}
