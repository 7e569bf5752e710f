/**
 * A WizardUi driven by a list of answers, for tests: the unit tests run wizards with it against the emulator, and the
 * integration tests inject it into the extension (HubsFeature.useWizardUi) to drive the real commands. It records
 * every prompt, validation message, dialog, document and log line, so tests can assert on what the user saw.
 */
import {
  GoBack,
  WizardCancelled,
  type InputOptions,
  type MessageKind,
  type PickItem,
  type PickOptions,
  type ProgressReporter,
  type WizardUi,
} from './ui';

type LabelMatch = string | RegExp;

export type ScriptedAnswer =
  | { readonly pick: LabelMatch }
  | { readonly pickMany: readonly LabelMatch[] }
  /** Each value is typed in turn and validated; the last one is submitted and must be valid. */
  | { readonly input: string | readonly string[] }
  | { readonly confirm: boolean }
  /** The button to press on the next notification that has buttons (undefined: dismiss it). */
  | { readonly button: string | undefined }
  | 'back'
  | 'escape';

export interface ShownPrompt {
  readonly kind: 'pick' | 'pickMany' | 'input';
  readonly title: string;
  readonly placeholder: string;
  /** "label — description" of each item. */
  readonly items: readonly string[];
  /** Labels of the items shown pre-selected. */
  readonly picked: readonly string[];
  readonly canGoBack: boolean;
  /** An input's pre-filled value. */
  readonly value?: string;
}

export class ScriptedWizardUi implements WizardUi {
  readonly prompts: ShownPrompt[] = [];
  readonly validationMessages: { value: string; message: string | undefined }[] = [];
  readonly confirmations: { message: string; detail: string }[] = [];
  readonly messages: { kind: MessageKind; text: string; buttons: readonly string[] }[] = [];
  readonly documents: { content: string; language: string }[] = [];
  readonly logLines: string[] = [];
  private readonly answers: ScriptedAnswer[];

  constructor(answers: readonly ScriptedAnswer[]) {
    this.answers = [...answers];
  }

  get unusedAnswers(): readonly ScriptedAnswer[] {
    return this.answers;
  }

  async pick<T>(options: PickOptions<T>): Promise<T> {
    this.record('pick', options.title, options.placeholder, options.items, options.canGoBack);
    const answer = this.next(options.placeholder);
    if (typeof answer !== 'object' || !('pick' in answer)) throw unexpected(answer, 'a pick', options.placeholder);
    return findItem(options.items, answer.pick, options.placeholder).value;
  }

  async pickMany<T>(options: PickOptions<T>): Promise<T[]> {
    this.record('pickMany', options.title, options.placeholder, options.items, options.canGoBack);
    const answer = this.next(options.placeholder);
    if (typeof answer !== 'object' || !('pickMany' in answer))
      throw unexpected(answer, 'a multi-pick', options.placeholder);
    return answer.pickMany.map((match) => findItem(options.items, match, options.placeholder).value);
  }

  async input(options: InputOptions): Promise<string> {
    this.record('input', options.title, options.prompt, [], options.canGoBack, options.value);
    const answer = this.next(options.prompt);
    if (typeof answer !== 'object' || !('input' in answer)) throw unexpected(answer, 'an input', options.prompt);
    const attempts = typeof answer.input === 'string' ? [answer.input] : answer.input;
    let last = '';
    for (const value of attempts) {
      const message = options.validate(value);
      this.validationMessages.push({ value, message });
      last = value;
    }
    const problem = options.validate(last);
    if (problem !== undefined)
      throw new Error(`The scripted input "${last}" for "${options.prompt}" is invalid: ${problem}`);
    return last;
  }

  async confirm(message: string, detail: string): Promise<boolean> {
    this.confirmations.push({ message, detail });
    const answer = this.next(message);
    if (typeof answer !== 'object' || !('confirm' in answer)) throw unexpected(answer, 'a confirmation', message);
    return answer.confirm;
  }

  async message(kind: MessageKind, text: string, ...buttons: string[]): Promise<string | undefined> {
    this.messages.push({ kind, text, buttons });
    const answer = this.answers[0];
    if (buttons.length === 0 || typeof answer !== 'object' || !('button' in answer)) return undefined;
    this.answers.shift();
    // A button that is not offered (Roll back after a run that created nothing) dismisses the notification.
    return answer.button !== undefined && buttons.includes(answer.button) ? answer.button : undefined;
  }

  async openDocument(content: string, language: string): Promise<void> {
    this.documents.push({ content, language });
  }

  async progress<T>(_title: string, task: (progress: ProgressReporter, signal: AbortSignal) => Promise<T>): Promise<T> {
    return task({ report: () => undefined }, new AbortController().signal);
  }

  log(line: string): void {
    this.logLines.push(line);
  }

  private record(
    kind: ShownPrompt['kind'],
    title: string,
    placeholder: string,
    items: readonly PickItem<unknown>[],
    canGoBack: boolean,
    value?: string,
  ): void {
    const shown = items.map((item) => (item.description ? `${item.label} — ${item.description}` : item.label));
    this.prompts.push({
      kind,
      title,
      placeholder,
      items: shown,
      picked: items.filter((item) => item.picked).map((item) => item.label),
      canGoBack,
      ...(value === undefined ? {} : { value }),
    });
  }

  private next(what: string): ScriptedAnswer {
    const answer = this.answers.shift();
    if (answer === undefined) throw new Error(`No scripted answer left for "${what}".`);
    if (answer === 'back') throw new GoBack();
    if (answer === 'escape') throw new WizardCancelled();
    return answer;
  }
}

function findItem<T>(items: readonly PickItem<T>[], match: LabelMatch, placeholder: string): PickItem<T> {
  const found = items.find((item) => (typeof match === 'string' ? item.label.includes(match) : match.test(item.label)));
  if (!found)
    throw new Error(
      `No item matching ${String(match)} in "${placeholder}": ${items.map((item) => item.label).join(' | ')}`,
    );
  return found;
}

function unexpected(answer: ScriptedAnswer, wanted: string, where: string): Error {
  return new Error(`Expected ${wanted} for "${where}", but the next scripted answer is ${JSON.stringify(answer)}.`);
}
