/**
 * The WizardUi of the extension: multi-step QuickInput (createQuickPick / createInputBox) with a Back button and
 * validation while typing, modal dialogs for consequences, untitled documents, a cancellable progress notification,
 * and the output channel.
 */
import * as vscode from 'vscode';
import { SHOW_LOG } from '../framework/execute';
import {
  GoBack,
  WizardCancelled,
  type InputOptions,
  type MessageKind,
  type PickItem,
  type PickOptions,
  type ProgressReporter,
  type WizardUi,
} from '../framework/ui';

type Settle<T> = { resolve: (value: T) => void; reject: (error: Error) => void };

export class QuickInputWizardUi implements WizardUi {
  /** `channel`: the extension's one output channel, owned by the activation bundle (src/log.ts). */
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  pick<T>(options: PickOptions<T>): Promise<T> {
    return this.quickPick(options, false).then((picked) => picked[0] as T);
  }

  pickMany<T>(options: PickOptions<T>): Promise<T[]> {
    return this.quickPick(options, true);
  }

  input(options: InputOptions): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const box = vscode.window.createInputBox();
      box.title = options.title;
      box.prompt = options.prompt;
      box.value = options.value ?? '';
      box.placeholder = options.placeholder;
      box.ignoreFocusOut = true;
      box.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
      const validate = () => {
        box.validationMessage =
          box.value === '' && options.value === undefined ? undefined : options.validate(box.value);
      };
      validate();
      const settle = once(box, { resolve, reject });
      box.onDidChangeValue(validate);
      box.onDidAccept(() => {
        const message = options.validate(box.value);
        if (message) box.validationMessage = message;
        else settle.resolve(box.value);
      });
      box.onDidTriggerButton(() => settle.reject(new GoBack()));
      box.show();
    });
  }

  async confirm(message: string, detail: string, confirmLabel: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel)) === confirmLabel;
  }

  async message(kind: MessageKind, text: string, ...buttons: string[]): Promise<string | undefined> {
    const show =
      kind === 'error'
        ? vscode.window.showErrorMessage
        : kind === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    for (;;) {
      const choice = await show(text, ...buttons);
      // Showing the log must not lose the Resume and Roll back buttons.
      if (choice !== SHOW_LOG) return choice;
      this.channel.show(true);
    }
  }

  async openDocument(content: string, language: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ content, language });
    await vscode.window.showTextDocument(document, { preview: false });
  }

  progress<T>(title: string, task: (progress: ProgressReporter, signal: AbortSignal) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          return task({ report: (message) => progress.report({ message }) }, controller.signal);
        },
      ),
    );
  }

  log(line: string): void {
    this.channel.info(line);
  }

  private quickPick<T>(options: PickOptions<T>, canPickMany: boolean): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      type Item = vscode.QuickPickItem & { item: PickItem<T> };
      const pick = vscode.window.createQuickPick<Item>();
      pick.title = options.title;
      pick.placeholder = options.placeholder;
      pick.ignoreFocusOut = true;
      pick.canSelectMany = canPickMany;
      pick.matchOnDescription = true;
      pick.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
      pick.items = options.items.map((item) => ({
        label: item.label,
        description: item.description,
        detail: item.detail,
        item,
      }));
      const picked = pick.items.filter((entry) => entry.item.picked);
      // Setting activeItems to [] would leave no item focused, so Enter would do nothing.
      if (canPickMany) pick.selectedItems = picked;
      else if (picked.length > 0) pick.activeItems = picked.slice(0, 1);
      const settle = once(pick, { resolve, reject });
      pick.onDidAccept(() => {
        const chosen = canPickMany ? pick.selectedItems : pick.activeItems;
        if (chosen.length > 0) settle.resolve(chosen.map((entry) => entry.item.value));
      });
      pick.onDidTriggerButton(() => settle.reject(new GoBack()));
      pick.show();
    });
  }
}

/** Settles once; hiding the input without an answer (Escape, focus lost) cancels the wizard. */
function once<T>(input: vscode.QuickInput, settle: Settle<T>): Settle<T> {
  let done = false;
  const finish = (action: () => void) => {
    if (done) return;
    done = true;
    action();
    input.dispose();
  };
  input.onDidHide(() => finish(() => settle.reject(new WizardCancelled())));
  return {
    resolve: (value) => finish(() => settle.resolve(value)),
    reject: (error) => finish(() => settle.reject(error)),
  };
}
