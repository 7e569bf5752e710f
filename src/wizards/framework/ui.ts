/**
 * What a wizard needs from its surroundings, without VS Code: the QuickInput implementation lives in
 * src/wizards/vscode/, a scripted one drives the wizards in tests.
 */
import * as l10n from '@vscode/l10n';

/** Thrown by a prompt when the user pressed Back: the wizard re-asks the previous question. */
export class GoBack extends Error {
  constructor() {
    super('Back');
    this.name = 'GoBack';
  }
}

/** Thrown when the user pressed Escape or closed a prompt: nothing has been changed. */
export class WizardCancelled extends Error {
  constructor() {
    super(l10n.t('The wizard was cancelled; nothing was changed.'));
    this.name = 'WizardCancelled';
  }
}

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
  /** Pre-selected (multi-select) or marked as the current setting. */
  readonly picked?: boolean;
}

export interface PromptHeader {
  /** "Add Private Endpoint: Step 2 of 6". */
  readonly title: string;
  readonly canGoBack: boolean;
}

export interface PickOptions<T> extends PromptHeader {
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
}

export interface InputOptions extends PromptHeader {
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  /** Runs on every keystroke; the message is shown under the input and blocks Enter. */
  readonly validate: (value: string) => string | undefined;
}

export type MessageKind = 'info' | 'warning' | 'error';

export interface ProgressReporter {
  report(message: string): void;
}

export interface WizardUi {
  pick<T>(options: PickOptions<T>): Promise<T>;
  pickMany<T>(options: PickOptions<T>): Promise<T[]>;
  input(options: InputOptions): Promise<string>;
  /** A modal dialog; true only when the user pressed the confirm button. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  /** A notification; resolves with the button pressed, if any. */
  message(kind: MessageKind, text: string, ...buttons: string[]): Promise<string | undefined>;
  /** Opens text in an untitled editor (az script, DNS records, a checklist). */
  openDocument(content: string, language: string): Promise<void>;
  /** A cancellable progress notification around `task`. */
  progress<T>(title: string, task: (progress: ProgressReporter, signal: AbortSignal) => Promise<T>): Promise<T>;
  /** A line in the output channel. */
  log(line: string): void;
}
