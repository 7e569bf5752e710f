/**
 * The approval of a (token authority, environment variable) pair before a service principal's secret is sent
 * (src/settings/secretUse.ts), over a fake Memento that stores JSON as VS Code's global state does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APPROVED_SECRET_USES_KEY,
  SecretUseApprovals,
  SecretUseDeclinedError,
  secretUseKey,
  secretUseOf,
  type ApprovalStorage,
  type secretUseQuestion,
} from '../../../src/settings/secretUse';

class FakeGlobalState implements ApprovalStorage {
  readonly stored = new Map<string, string>();

  get<T>(key: string): T | undefined {
    const text = this.stored.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  update(key: string, value: unknown): Thenable<void> {
    this.stored.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

type Question = ReturnType<typeof secretUseQuestion>;

/** A user who answers the modal questions in order, and the questions asked. */
function user(...answers: boolean[]): { asked: Question[]; ask: (question: Question) => Promise<boolean> } {
  const asked: Question[] = [];
  return {
    asked,
    ask: async (question) => {
      asked.push(question);
      const answer = answers.shift();
      assert.notEqual(answer, undefined, `an unexpected question: ${question.message}`);
      return answer!;
    },
  };
}

const principal = {
  authorityHost: 'https://login.stack.contoso.com/adfs',
  tenantId: 'adfs',
  clientId: 'c1',
  clientSecretEnvVar: 'CONTOSO_SP_SECRET',
};

describe('approving a secret for an authority host', () => {
  it('asks before the first use of a pair, naming both, and never again once allowed', async () => {
    const state = new FakeGlobalState();
    const answers = user(true);
    await new SecretUseApprovals(state, answers.ask).ensureApproved(principal);
    assert.equal(answers.asked.length, 1);
    assert.match(answers.asked[0]!.message, /CONTOSO_SP_SECRET/);
    assert.match(answers.asked[0]!.message, /https:\/\/login\.stack\.contoso\.com\/adfs/);
    assert.match(answers.asked[0]!.detail, /CONTOSO_SP_SECRET[\s\S]*https:\/\/login\.stack\.contoso\.com\/adfs/);
    // A new window (a new approvals object over the same global state) does not ask again.
    await new SecretUseApprovals(state, user().ask).ensureApproved(principal);
    // The same host written with another case or a trailing slash is the same pair.
    await new SecretUseApprovals(state, user().ask).ensureApproved({
      ...principal,
      authorityHost: 'https://LOGIN.stack.contoso.com/adfs/',
    });
    assert.deepEqual(state.get(APPROVED_SECRET_USES_KEY), [secretUseKey(secretUseOf(principal))]);
  });

  it('asks again for another host, or another variable, with the same settings otherwise', async () => {
    const state = new FakeGlobalState();
    await new SecretUseApprovals(state, user(true).ask).ensureApproved(principal);
    const otherHost = user(true);
    await new SecretUseApprovals(state, otherHost.ask).ensureApproved({
      ...principal,
      authorityHost: 'https://attacker.example',
    });
    assert.match(otherHost.asked[0]!.message, /https:\/\/attacker\.example/);
    const otherVariable = user(true);
    await new SecretUseApprovals(state, otherVariable.ask).ensureApproved({
      ...principal,
      clientSecretEnvVar: 'GITHUB_TOKEN',
    });
    assert.match(otherVariable.asked[0]!.message, /GITHUB_TOKEN/);
    assert.equal((state.get<string[]>(APPROVED_SECRET_USES_KEY) ?? []).length, 3);
  });

  it('stops sign-in with a clear message when the user declines, remembers nothing, and asks again next time', async () => {
    const state = new FakeGlobalState();
    await assert.rejects(
      new SecretUseApprovals(state, user(false).ask).ensureApproved(principal),
      (error: Error) =>
        error instanceof SecretUseDeclinedError &&
        /did not allow sending the secret in CONTOSO_SP_SECRET to https:\/\/login\.stack\.contoso\.com\/adfs/.test(
          error.message,
        ),
    );
    assert.equal(state.get(APPROVED_SECRET_USES_KEY), undefined);
    const again = user(true);
    await new SecretUseApprovals(state, again.ask).ensureApproved(principal);
    assert.equal(again.asked.length, 1);
  });

  it('keeps pairs apart whatever characters the host or variable holds', () => {
    const a = secretUseKey({ authorityHost: 'https://a.example', environmentVariable: 'B' });
    const b = secretUseKey({ authorityHost: 'https://a.example","B', environmentVariable: '' });
    assert.notEqual(a, b);
  });

  it('treats a stored value that is not a list of keys as no approval', async () => {
    const state = new FakeGlobalState();
    await state.update(APPROVED_SECRET_USES_KEY, { [secretUseKey(secretUseOf(principal))]: true });
    const answers = user(true);
    await new SecretUseApprovals(state, answers.ask).ensureApproved(principal);
    assert.equal(answers.asked.length, 1);
  });
});
