// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'The core must not import vscode.' };
const NO_EMULATOR = { group: ['**/emulator', '**/emulator/**'], message: 'Features never import the emulator.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test-results/**', '.sandbox/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The emulator is a product of its own (sandbox, tests, bench): the features never import it.
    files: ['src/**/*.ts'],
    ignores: ['src/emulator/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_EMULATOR] }] },
  },
  {
    // The core is shared by the extension and the CLI: it must never import vscode.
    files: [
      'src/azure/**/*.ts',
      'src/model/**/*.ts',
      'src/yaml/engine/**/*.ts',
      'src/cli/**/*.ts',
      'src/topology/*.ts',
      'src/settings/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_EMULATOR] }] },
  },
  {
    // The emulator plays Azure: it checks IP rules with its own table, so a client bug meets a server that disagrees.
    files: ['src/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE],
          patterns: [
            {
              group: ['**/model/reservedRanges', '**/model/ipRules'],
              message: 'The emulator keeps its own IP rule checks (ipRuleValidation.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', 'bench/**/*.mjs', '.vscode-test.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
