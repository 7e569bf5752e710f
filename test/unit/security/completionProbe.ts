/**
 * Prints the completion context at the end of the text on stdin, as JSON. The regex tests run it in a child process
 * with a time limit, so that a regular expression that backtracks for hours fails the test instead of hanging it.
 */
import { readFileSync } from 'node:fs';
import { completionContextAt } from '../../../src/yaml/engine';

const text = readFileSync(0, 'utf8');
const context = completionContextAt(text, text.length);
process.stdout.write(
  JSON.stringify({
    section: context.section ?? null,
    slot: context.slot,
    key: context.key ?? null,
    path: context.path,
  }),
);
