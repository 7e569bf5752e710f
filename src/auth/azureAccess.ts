import type { TokenCredential } from '@azure/core-auth';
import type * as vscode from 'vscode';
import type { Cloud } from '../model/clouds';

/** A subscription the user can see, with the credential that reaches it (one per tenant). */
export interface SubscriptionAccess {
  readonly subscriptionId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly credential: TokenCredential;
}

/** A tenant whose subscriptions could not be listed: shown as a note, with a per-tenant sign-in. */
export interface SkippedTenant {
  readonly tenantId: string;
  readonly displayName: string | undefined;
  readonly reason: string;
}

export interface SubscriptionListing {
  readonly subscriptions: readonly SubscriptionAccess[];
  readonly skippedTenants: readonly SkippedTenant[];
}

/**
 * Where tokens and subscriptions come from: VS Code's Microsoft sign-in (public and sovereign clouds), or a service
 * principal for a custom ARM endpoint. Features see only this, so the sandbox takes the same path as real Azure.
 */
export interface AzureAccess extends vscode.Disposable {
  /** Its resourceManagerEndpoint is where ARM requests go (the emulator's URL in the sandbox). */
  readonly cloud: Cloud;
  isSignedIn(): Promise<boolean>;
  /** Interactive where needed; false when the user cancelled. */
  signIn(tenantId?: string): Promise<boolean>;
  listSubscriptions(): Promise<SubscriptionListing>;
  readonly onDidChangeSignIn: vscode.Event<void>;
}
