/**
 * The prompt side of a wizard, as data: steps that fill a typed context in order. The engine numbers the steps
 * ("Step 2 of 6"), makes Back return to the previous question with the context as it was then, and skips questions
 * with one possible answer (they are answered, not shown, and Back jumps over them).
 */
import { GoBack, type PickItem, type WizardUi } from './ui';

export interface StepAsker {
  readonly ui: WizardUi;
  /** With a single item and no `always`, answers without showing anything. */
  pick<T>(placeholder: string, items: readonly PickItem<T>[], options?: { always?: boolean }): Promise<T>;
  pickMany<T>(placeholder: string, items: readonly PickItem<T>[]): Promise<T[]>;
  input(
    prompt: string,
    options: { value?: string; placeholder?: string; validate: (value: string) => string | undefined },
  ): Promise<string>;
}

export interface PromptStep<C> {
  readonly id: string;
  /** False: not asked with the answers so far (the value is known, or does not matter). */
  shouldPrompt?(context: C): boolean;
  prompt(context: C, ask: StepAsker): Promise<void>;
}

interface Answered<C> {
  readonly index: number;
  /** The context before this step answered. */
  readonly before: C;
  /** False when the step answered by itself (a single choice). */
  readonly shown: boolean;
}

class Asker implements StepAsker {
  shown = false;

  constructor(
    readonly ui: WizardUi,
    private readonly title: string,
    private readonly canGoBack: boolean,
  ) {}

  async pick<T>(placeholder: string, items: readonly PickItem<T>[], options: { always?: boolean } = {}): Promise<T> {
    const [only] = items;
    if (items.length === 1 && only && !options.always) return only.value;
    this.shown = true;
    return this.ui.pick({ title: this.title, canGoBack: this.canGoBack, placeholder, items });
  }

  async pickMany<T>(placeholder: string, items: readonly PickItem<T>[]): Promise<T[]> {
    this.shown = true;
    return this.ui.pickMany({ title: this.title, canGoBack: this.canGoBack, placeholder, items });
  }

  async input(
    prompt: string,
    options: { value?: string; placeholder?: string; validate: (value: string) => string | undefined },
  ): Promise<string> {
    this.shown = true;
    return this.ui.input({ title: this.title, canGoBack: this.canGoBack, prompt, ...options });
  }
}

/** Runs the steps in order; GoBack re-asks the last shown step. WizardCancelled and errors propagate. */
export async function runPromptSteps<C extends object>(
  title: string,
  steps: readonly PromptStep<C>[],
  context: C,
  ui: WizardUi,
): Promise<void> {
  const history: Answered<C>[] = [];
  let index = 0;
  while (index < steps.length) {
    const step = steps[index] as PromptStep<C>;
    if (step.shouldPrompt && !step.shouldPrompt(context)) {
      index++;
      continue;
    }
    const before = { ...context };
    const shownSoFar = history.filter((answered) => answered.shown).length;
    const remaining = steps
      .slice(index)
      .filter((candidate) => !candidate.shouldPrompt || candidate.shouldPrompt(context)).length;
    const asker = new Asker(
      ui,
      `${title.replace(/…$/, '')}: Step ${shownSoFar + 1} of ${shownSoFar + remaining}`,
      shownSoFar > 0,
    );
    try {
      await step.prompt(context, asker);
      history.push({ index, before, shown: asker.shown });
      index++;
    } catch (error) {
      if (!(error instanceof GoBack)) throw error;
      restore(context, before);
      const previous = popToShown(history);
      if (previous) {
        restore(context, previous.before);
        index = previous.index;
      }
    }
  }
}

/** Drops answered steps up to and including the last one the user saw. */
function popToShown<C>(history: Answered<C>[]): Answered<C> | undefined {
  let previous = history.pop();
  while (previous && !previous.shown) previous = history.pop();
  return previous;
}

function restore<C extends object>(context: C, snapshot: C): void {
  for (const key of Object.keys(context)) {
    if (!(key in snapshot)) delete (context as Record<string, unknown>)[key];
  }
  Object.assign(context, snapshot);
}
