import * as l10n from '@vscode/l10n';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WIZARD_COMMANDS, WIZARD_IDS } from '../../../src/wizards/ids';

const root = join(__dirname, '..', '..', '..');
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string }[] };
};

describe('localizable strings', () => {
  it('package.json and l10n/bundle.l10n.json are up to date (npm run l10n --check)', () => {
    const check = () =>
      execFileSync(process.execPath, [join(root, 'scripts', 'l10n.mjs'), '--check'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    assert.doesNotThrow(check);
  });

  it("gives each wizard's command the wizard's own title", () => {
    for (const id of WIZARD_IDS) {
      const { command, title } = WIZARD_COMMANDS[id];
      const contributed = manifest.contributes.commands.find((entry) => entry.command === command);
      assert.ok(contributed, `${command} is contributed`);
      const key = /^%(.+)%$/.exec(contributed.title)?.[1];
      assert.ok(key, `${command}'s title is a %key%`);
      assert.equal(nls[key], title, `${command}'s title`);
    }
  });

  it('translates a string of the code through a bundle, placeholders and all', () => {
    l10n.config({ contents: { 'Copied {0}': 'Kopiert: {0}' } });
    try {
      assert.equal(l10n.t('Copied {0}', 'x'), 'Kopiert: x');
      assert.equal(l10n.t('Tenant {0}', 't'), 'Tenant t', 'an untranslated string stays English');
    } finally {
      l10n.config({ contents: {} });
    }
  });
});
