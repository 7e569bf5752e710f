/**
 * The az side of a plan: bash quoting, az command lines that refer to script variables, and the script itself.
 * Every value (typed by a user or sent by ARM) reaches bash quoted, so nothing in it is expanded, and joined to its
 * option with "=", so no value is ever read as an option.
 */
import { UNPRINTABLE, printable } from './printable';

/**
 * A script variable; `inlineValue` when the plan writes values into each command instead (see AzVariables), quoted
 * by the same rule as any literal.
 */
export interface AzVariableWord {
  readonly variable: string;
  readonly inlineValue?: string;
}

/** A part of a command line: a literal, a script variable, or a double-quoted mix of both (a URL with an id). */
export type AzWord = string | AzVariableWord | { readonly template: readonly (string | AzVariableWord)[] };

export interface AzVariable {
  readonly name: string;
  readonly value: string;
}

/**
 * Quotes a value for bash. Plain words stay bare so the script reads like the documentation; the rest is
 * single-quoted, or `$'…'` when it holds a newline or another control character, so every value stays on its line.
 * Hand-written: shell-quote and shescape escape with backslashes or drop newlines, and this is the POSIX rule itself.
 */
export function bashQuote(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) {
    return value;
  }
  if (value.includes('\0')) {
    // bash would cut the value at the NUL and run the command on another name.
    throw new Error(`The value ${JSON.stringify(value)} holds a NUL character, which no shell argument can carry.`);
  }
  if (value.search(UNPRINTABLE) >= 0) {
    return ansiCQuote(value);
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export type Shell = 'bash' | 'powershell';

/** One argument for the shell a script is shown for: the one quoting rule every generated command line uses. */
export function shellQuote(value: string, shell: Shell): string {
  return shell === 'bash' ? bashQuote(value) : powerShellQuote(value);
}

/** A PowerShell argument: plain words stay bare; "@" (splatting), "," (an array), "$" and "`" are never bare. */
export function powerShellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=-]+$/.test(value) ? value : powerShellString(value);
}

/**
 * A PowerShell string literal (an assignment's value is never a bare word): single quotes, with the quote doubled,
 * and the typographic single quotes too, which PowerShell also ends a string at.
 */
export function powerShellString(value: string): string {
  if (value.search(UNPRINTABLE) >= 0) {
    // Windows PowerShell 5.1 has no escape for these inside quotes; no value we render needs one.
    throw new Error(`The value ${JSON.stringify(value)} holds a control character; it is not written into a script.`);
  }
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

const UTF8 = new TextEncoder();

/** `$'…'` with each unprintable character as its UTF-8 bytes (`\xHH`): bash decodes those whatever the locale. */
function ansiCQuote(value: string): string {
  const escaped = value
    .replace(/[\\']/g, '\\$&')
    .replace(UNPRINTABLE, (character) =>
      [...UTF8.encode(character)].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join(''),
    );
  return `$'${escaped}'`;
}

/** A line of a comment: untrusted text cannot end the comment and start a command. */
function commentLine(text: string): string {
  return `# ${printable(text)}`;
}

function renderWord(word: AzWord): string {
  if (typeof word === 'string') {
    return bashQuote(word);
  }
  if ('variable' in word) {
    return word.inlineValue === undefined ? `"$${word.variable}"` : bashQuote(word.inlineValue);
  }
  const inner = word.template.map((part) =>
    typeof part === 'string'
      ? templateText(part)
      : part.inlineValue === undefined
        ? `\${${part.variable}}`
        : templateText(part.inlineValue),
  );
  return `"${inner.join('')}"`;
}

/** Literal text inside double quotes; an unprintable stretch leaves them for a `$'…'` word bash joins to the rest. */
function templateText(text: string): string {
  if (text.search(UNPRINTABLE) < 0) {
    return text.replace(/["\\$`]/g, '\\$&');
  }
  return `"${bashQuote(text)}"`;
}

/**
 * An option and its value, always joined with "=": az (argparse) takes a separate value that starts with "-" for an
 * option, and a resource group name may start with "-", as may whatever a user writes over a variable at the top.
 */
export type AzOption = readonly [option: string, value: AzWord] | readonly [flag: string];

/** `az <command words> <options>` on one line. */
export function azCommand(command: string, options: readonly AzOption[]): string {
  const parts = ['az', command];
  for (const option of options) {
    if (option.length === 1) {
      parts.push(option[0]);
      continue;
    }
    const [name, value] = option;
    parts.push(`${name}=${renderWord(value)}`);
  }
  return parts.join(' ');
}

/** `az resource show` for a resource id from ARM ("Copy az Command" in the tree). */
export function azShowCommand(resourceId: string, apiVersion?: string): string {
  const options: AzOption[] = [['--ids', resourceId]];
  if (apiVersion) options.push(['--api-version', apiVersion]);
  return azCommand('resource show', options);
}

/**
 * Collects the variables a plan's commands refer to. The same name asked for with another value gets a numbered
 * name, so two resource groups never share one variable. `inline`: each command holds its values instead, for a
 * plan made of steps from several plans (their variables would clash); nothing is declared at the top.
 */
export class AzVariables {
  private readonly values = new Map<string, string>();

  constructor(private readonly inline = false) {}

  ref(name: string, value: string): AzVariableWord {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) {
      throw new Error(`"${name}" is not a script variable name: use capital letters, digits and underscores.`);
    }
    let candidate = name;
    for (let index = 2; this.values.has(candidate) && this.values.get(candidate) !== value; index++) {
      candidate = `${name}_${index}`;
    }
    this.values.set(candidate, value);
    return this.inline ? { variable: candidate, inlineValue: value } : { variable: candidate };
  }

  list(): AzVariable[] {
    if (this.inline) return [];
    return [...this.values].map(([name, value]) => ({ name, value }));
  }
}

export interface AzScriptStep {
  readonly title: string;
  readonly az: string;
}

export interface AzScriptInput {
  readonly title: string;
  readonly variables: readonly AzVariable[];
  /** Variable holding the subscription the commands run in, for `az account set`. */
  readonly subscriptionVariable?: string;
  readonly steps: readonly AzScriptStep[];
}

/** A bash script: strict mode, variables at the top, then one commented block per step. */
export function renderAzScript(input: AzScriptInput): string {
  const lines = [
    '#!/usr/bin/env bash',
    ...input.title.split('\n').map(commentLine),
    '# Generated by Foundry Network. Review it before you run it.',
    'set -euo pipefail',
    '',
    ...input.variables.map((variable) => `${variable.name}=${bashQuote(variable.value)}`),
  ];
  if (input.subscriptionVariable) {
    lines.push('', azCommand('account set', [['--subscription', { variable: input.subscriptionVariable }]]));
  }
  input.steps.forEach((step, index) => {
    lines.push('', commentLine(`${index + 1}. ${step.title}`), ...step.az.split('\n'));
  });
  return `${lines.join('\n')}\n`;
}

/** Compact JSON for `az rest --body`; quoted by azCommand like any other value. */
export function jsonBody(value: unknown): string {
  return JSON.stringify(value);
}
