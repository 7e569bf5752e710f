// A node:test reporter for scripts/test.mjs: it writes one JSON summary of a run, counted from the test events rather
// than from TAP totals, so that nothing hides:
// - a skipped suite (describe with {skip}) is listed, with its reason, although node runs none of its tests;
// - a todo or skipped test is listed with its reason;
// - a file that declares no test (node reports it as one passing test named after the file) is listed as empty;
// - a suite that fails with no failing test in it (a before/after hook threw) counts as a failure.

/** "file › test", with the file relative to the working directory. */
function label(data) {
  const file = data.file ? data.file.replace(`${process.cwd()}/`, '') : '(no file)';
  return data.name === data.file ? `${file} (the whole file)` : `${file} › ${data.name}`;
}

function reasonOf(value) {
  return typeof value === 'string' && value !== '' ? value : 'no reason given';
}

function errorOf(data) {
  const error = data.details?.error;
  const cause = error?.cause ?? error;
  return String(cause?.message ?? cause ?? 'failed').split('\n')[0];
}

export default async function* testCounts(source) {
  const summary = { passed: 0, failed: [], skipped: [], emptyFiles: [] };
  /** Per file: the open tests, outermost first, each with how many tests failed inside it. */
  const open = new Map();
  const filesWithTests = new Set();
  const fileOnlyEntries = [];
  for await (const { type, data } of source) {
    const file = data?.file ?? '(no file)';
    if (!open.has(file)) open.set(file, []);
    const stack = open.get(file);
    if (type === 'test:start') {
      stack.length = data.nesting;
      stack.push({ failures: 0 });
      continue;
    }
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    const frame = stack[data.nesting] ?? { failures: 0 };
    stack.length = data.nesting;
    const isSuite = data.details?.type === 'suite';
    // The test node reports for a file as a whole: a load error (fail), or a file without tests (pass).
    if (data.nesting === 0 && !isSuite && data.name === data.file) {
      if (type === 'test:fail') summary.failed.push({ name: label(data), error: errorOf(data) });
      else fileOnlyEntries.push(data.file);
      continue;
    }
    filesWithTests.add(file);
    const skipped = data.skip !== undefined || data.todo !== undefined;
    if (skipped) {
      const kind = isSuite ? 'suite' : data.todo !== undefined ? 'todo' : 'test';
      summary.skipped.push({ kind, name: label(data), reason: reasonOf(data.skip ?? data.todo) });
    } else if (isSuite) {
      if (type === 'test:fail' && frame.failures === 0)
        summary.failed.push({ name: label(data), error: errorOf(data) });
    } else if (type === 'test:pass') {
      summary.passed++;
    } else {
      summary.failed.push({ name: label(data), error: errorOf(data) });
      for (const outer of stack) outer.failures++;
    }
  }
  summary.emptyFiles = fileOnlyEntries
    .filter((file) => !filesWithTests.has(file))
    .map((file) => file.replace(`${process.cwd()}/`, ''));
  yield `${JSON.stringify(summary, null, 2)}\n`;
}
