// ESLint flat config: TypeScript everywhere (type-aware), Vue in the renderer, Prettier owns
// formatting, and the layering between the processes checked on every import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Raw IPC objects may only be touched by the two typed wrappers (see electron/main/ipc/handle.ts). */
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC wrappers (electron/main/ipc/handle.ts, electron/preload).',
};

/** Node's built-in modules, with and without the `node:` prefix. */
const nodeBuiltins = ['node:*', ...(await import('node:module')).builtinModules];

/** The only packages `common/` may use: it runs unchanged in the service, main and the page. */
const commonLibraries = ['zod', 'libphonenumber-js', 'libphonenumber-js/*'];

/** Builds a no-restricted-imports rule; every layer keeps the raw IPC ban. */
function restrictImports({ paths = [], patterns = [] } = {}) {
  return { 'no-restricted-imports': ['error', { paths: [rawIpc, ...paths], patterns }] };
}

const rendererBoundaries = restrictImports({
  patterns: [
    {
      group: ['**/server', '**/server/**', '**/electron', '**/electron/**'],
      message: 'The renderer talks to the service over HTTP and to main through the bridge.',
    },
    {
      group: nodeBuiltins,
      message: 'The renderer runs in a sandboxed page without Node.',
    },
  ],
});

/** Screens talk to stores, stores to api/: a component never makes an HTTP call itself. */
const screenBoundaries = restrictImports({
  patterns: [
    ...rendererBoundaries['no-restricted-imports'][1].patterns,
    {
      // renderer/src/api/* except api-error (turning a failure into a code and a sentence).
      regex: '^(\\.\\./)+api/(?!api-error$)',
      message: 'Components and views call a store (renderer/src/stores); stores call api/.',
    },
  ],
});

const commonBoundaries = restrictImports({
  patterns: [
    {
      // Everything that is neither relative nor one of the allowed libraries.
      regex: `^(?!\\.{1,2}/)(?!(${commonLibraries.map((l) => l.replace('/*', '/.+')).join('|')})$)`,
      message: `common/ runs in every process: it may import only ${commonLibraries.join(', ')}.`,
    },
    {
      group: ['**/server/**', '**/electron/**', '**/renderer/**', '**/tests/**'],
      message: 'common/ is shared by every process and depends on none of them.',
    },
  ],
});

const domainBoundaries = restrictImports({
  paths: [{ name: 'fastify', message: 'The domain returns Outcome; routes speak HTTP.' }],
  patterns: [
    {
      group: ['**/http/*', 'fastify-*', '@fastify/*'],
      message: 'The domain returns Outcome; server/http maps it to HTTP.',
    },
  ],
});

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
  // The whole type-checked recommended set: floating and misused promises, unsafe `any` flowing
  // out of JSON and casts, needless assertions, thrown non-Errors.
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Off on purpose: `async` without `await` is how a function honours a promise-returning
      // contract (Fastify plugins, the draft engine's async interface); the rule would only trade
      // it for Promise.resolve wrappers. Floating and misused promises stay errors.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          // The one value thrown that is not an Error: a bridge failure crosses contextBridge
          // whole only as a plain object (see IpcFailure in common/ipc/errors.ts).
          allow: [{ from: 'file', name: 'IpcFailure', path: 'common/ipc/errors.ts' }],
        },
      ],
      'vue/multi-word-component-names': 'off',
      ...restrictImports(),
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // Single-file components are type-checked by vue-tsc (`npm run typecheck`); typescript-eslint's
    // program cannot resolve their template types, so type-aware rules would report false `any`s.
    files: ['**/*.vue', '**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests read untyped answers (`response.json()`, mock calls) and check them with expect():
    // the assertion is the type check there. Promise and assertion rules still apply.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}', 'tests/renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Layering. Later blocks replace the rule for their files, so each keeps the raw IPC ban.
  { files: ['renderer/**/*.{ts,vue}'], rules: rendererBoundaries },
  {
    files: ['renderer/src/components/**/*.{ts,vue}', 'renderer/src/views/**/*.{ts,vue}'],
    rules: screenBoundaries,
  },
  { files: ['common/**/*.ts'], rules: commonBoundaries },
  { files: ['server/domain/**/*.ts'], rules: domainBoundaries },
  {
    // The two places allowed to touch raw IPC.
    files: ['electron/main/ipc/handle.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
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
