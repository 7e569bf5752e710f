import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cassetteFiles, readCassette } from './recordings/cassette';
import { KNOWN_DISAGREEMENTS } from './recordings/exceptions';
import { type ReplayOutcome, ReplaySession } from './recordings/replay';

/** Recordings replayed into one emulator, in this order: a page token one test got is the one the next test sends. */
const SESSIONS: readonly (readonly string[])[] = (() => {
  const files = cassetteFiles();
  const paged = files.filter((file) => /resource-graph__test_(paged|skip_token)_query/.test(file));
  return [paged, ...files.filter((file) => !paged.includes(file)).map((file) => [file])];
})();

async function replaySession(files: readonly string[]): Promise<ReplayOutcome[]> {
  const cassettes = files.map(readCassette);
  const session = await ReplaySession.start(cassettes.flat());
  try {
    const outcomes: ReplayOutcome[] = [];
    for (const interactions of cassettes) outcomes.push(...(await session.replay(interactions)));
    return outcomes;
  } finally {
    await session.close();
  }
}

describe('emulator: conformance to real Azure traffic (../shared/azure-recordings)', () => {
  it('answers every recorded interaction it implements as Azure did', async () => {
    const outcomes = (await Promise.all(SESSIONS.map(replaySession))).flat();
    const replayed = outcomes.filter((outcome) => outcome.notReplayed === undefined);
    const agreeing = replayed.filter((outcome) => outcome.differences.length === 0);
    console.log(`recordings: ${replayed.length} interactions replayed, ${agreeing.length} agree`);
    const skipped = new Map<string, number>();
    for (const outcome of outcomes)
      if (outcome.notReplayed) skipped.set(outcome.notReplayed, (skipped.get(outcome.notReplayed) ?? 0) + 1);
    for (const [reason, count] of skipped) console.log(`  not replayed (${count}): ${reason}`);
    const unexpected = replayed
      .filter(
        (outcome) => outcome.differences.length > 0 && !(`${outcome.file}#${outcome.index}` in KNOWN_DISAGREEMENTS),
      )
      .map((outcome) => `${outcome.file}#${outcome.index} ${outcome.label}: ${outcome.differences.join('; ')}`);
    const known = replayed.filter((outcome) => `${outcome.file}#${outcome.index}` in KNOWN_DISAGREEMENTS);
    for (const outcome of known)
      console.log(
        `  known disagreement ${outcome.file}#${outcome.index}: ${KNOWN_DISAGREEMENTS[`${outcome.file}#${outcome.index}`]}`,
      );
    const nowAgreeing = known.filter((outcome) => outcome.differences.length === 0).map((o) => `${o.file}#${o.index}`);
    assert.deepEqual(unexpected, [], 'the emulator answers these differently from Azure');
    assert.deepEqual(nowAgreeing, [], 'these agree now: remove them from KNOWN_DISAGREEMENTS');
    assert.ok(replayed.length > 200, `only ${replayed.length} interactions were replayed`);
  });
});
