// ESLint flat config: TypeScript everywhere, Vue in the renderer, Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Raw IPC objects may only be touched by the two typed wrappers (see electron/main/ipc/handle.ts). */
const rawIpcBan = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          importNames: ['ipcMain', 'ipcRenderer'],
          message: 'Use the typed IPC wrappers (electron/main/ipc/handle.ts, electron/preload).',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'release/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.linedesk/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      ...rawIpcBan,
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}', 'tests/renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The two places allowed to touch raw IPC.
    files: ['electron/main/ipc/handle.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Layering: the domain holds rules and queries and knows nothing of HTTP.
    files: ['server/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'fastify', message: 'The domain returns Outcome; routes speak HTTP.' }],
          patterns: [
            {
              group: ['**/http/*', 'fastify-*', '@fastify/*'],
              message: 'The domain returns Outcome; server/http maps it to HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    // One transaction helper and one reading of the environment in the service.
    files: ['server/**/*.ts'],
    ignores: ['server/domain/transaction.ts', 'server/config.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.length=0]",
          message: 'Run transactions through inTransaction (server/domain/transaction.ts).',
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read settings from the parsed config (server/config.ts).',
        },
      ],
    },
  },
  prettier,
);
