/**
 * Before the extension reads a service principal's secret from an environment variable and sends it to a token
 * authority, the user approves that (authority host, variable) pair once, in a modal dialog that names both. The
 * approvals are kept in the extension's global state (never synced). No vscode import: unit-tested with `node --test`.
 */
import * as l10n from '@vscode/l10n';
import { withoutTrailingSlashes } from '../model/armIds';
import type { ServicePrincipalTokenSource } from './signInSettings';

/** The global-state key of the approved pairs: a new key would ask every user again. */
export const APPROVED_SECRET_USES_KEY = 'foundryNetwork.approvedSecretUses';

/** Where a secret goes: the authority host (normalized) and the environment variable it is read from. */
export interface SecretUse {
  readonly authorityHost: string;
  readonly environmentVariable: string;
}

/** What the approvals are kept in: the extension's global state (a `vscode.Memento`). */
export interface ApprovalStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export class SecretUseDeclinedError extends Error {}

export function secretUseOf(source: ServicePrincipalTokenSource): SecretUse {
  // The same host written differently (case, a trailing slash) is the same destination.
  const url = new URL(source.authorityHost);
  const path = withoutTrailingSlashes(url.pathname);
  return { authorityHost: `${url.origin}${path}`, environmentVariable: source.clientSecretEnvVar };
}

/** The stored key of a pair. JSON, so no host or name can forge another pair's key. */
export function secretUseKey(use: SecretUse): string {
  return JSON.stringify([use.authorityHost, use.environmentVariable]);
}

export function isApproved(approvedKeys: readonly string[], use: SecretUse): boolean {
  return approvedKeys.includes(secretUseKey(use));
}

export function secretUseQuestion(use: SecretUse): { message: string; detail: string; allow: string } {
  return {
    message: l10n.t(
      'Send the secret in the environment variable {0} to {1}?',
      use.environmentVariable,
      use.authorityHost,
    ),
    detail: l10n.t(
      'Foundry Network signs in to your custom cloud as a service principal: it reads the secret from {0} and sends it to the token authority {1}. Allow this only if you set foundryNetwork.customCloud.servicePrincipal yourself and trust that host. You are asked once for each host and variable.',
      use.environmentVariable,
      use.authorityHost,
    ),
    allow: l10n.t('Allow'),
  };
}

/**
 * The approvals. `askUser` shows the modal question and says whether the user allowed it; it is called only for a
 * pair not approved before, and a pair is remembered only once the user allowed it.
 */
export class SecretUseApprovals {
  constructor(
    private readonly storage: ApprovalStorage,
    private readonly askUser: (question: ReturnType<typeof secretUseQuestion>) => Promise<boolean>,
  ) {}

  /** Resolves once the user has allowed this use (now or before); throws SecretUseDeclinedError otherwise. */
  async ensureApproved(source: ServicePrincipalTokenSource): Promise<void> {
    const use = secretUseOf(source);
    if (isApproved(this.approvedKeys(), use)) return;
    if (!(await this.askUser(secretUseQuestion(use)))) {
      throw new SecretUseDeclinedError(
        l10n.t(
          'Sign-in stopped: you did not allow sending the secret in {0} to {1}. Run "Foundry: Refresh" to be asked again, or change foundryNetwork.customCloud.servicePrincipal in your user settings.',
          use.environmentVariable,
          use.authorityHost,
        ),
      );
    }
    await this.storage.update(APPROVED_SECRET_USES_KEY, [...this.approvedKeys(), secretUseKey(use)]);
  }

  private approvedKeys(): readonly string[] {
    const stored = this.storage.get<unknown>(APPROVED_SECRET_USES_KEY);
    return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
  }
}
