// One lint for the whole repository (`npm run lint`, run early by `npm test`).
//
// Besides the usual correctness rules it guards the architecture (issue #19, point 4) as import
// rules, so a layer that starts pointing the wrong way fails the build instead of a review:
//   - shared/src is the contract every part imports; it imports nothing outside itself;
//   - server/src/common is infrastructure for every module; it imports nothing from modules/;
//   - server/src/database holds the schema and migrations; no module services or controllers;
//   - controllers are thin: no DataSource / EntityManager / repositories, that is a service's job.
// A file that must break a rule for a while is listed under "Known exceptions" below with a TODO.
//
// Formatting is Prettier's (.prettierrc.json, `npm run format`); eslint-config-prettier, last,
// turns off every stylistic rule that could disagree with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Architecture rules (no-restricted-imports patterns)

const MODULES = {
  group: ['**/modules/*', '**/modules/**'],
  message:
    'server/src/common is shared infrastructure: it may not import from modules/ (issue #19.4). Move the piece both need into common/, or invert the dependency.',
};
const MODULE_SERVICES = {
  group: ['**/modules/**/*.service', '**/modules/**/*.controller'],
  message: 'server/src/database may not import module services or controllers (issue #19.4): demo data belongs in a module of its own.',
};
const DATA_ACCESS_IN_CONTROLLER = [
  {
    name: 'typeorm',
    importNames: ['DataSource', 'EntityManager', 'Repository', 'QueryRunner'],
    message: 'Controllers stay thin: database work belongs in a service (issue #19.4).',
  },
  { name: '@nestjs/typeorm', message: 'Controllers stay thin: inject a service, not the data source or a repository (issue #19.4).' },
];
const OUTSIDE_SHARED = {
  // Relative imports that climb out of shared/src (`../…` from a file directly in it), and any
  // package: shared ships to the server, the admin pages and the mini-program, so it stays
  // dependency-free. Its own generated types (./generated/…) are inside, so they pass.
  regex: '^(\\.\\.|[^.])',
  message: 'shared/src imports nothing outside itself (issue #19): it is the one contract the server, admin pages and mini-program share.',
};

// Known exceptions, each a file that breaks a rule above: none today. Should one ever be needed, list
// it here with a TODO naming its issue, so the rule stays on for every other file.
const KNOWN_EXCEPTIONS = {
  commonImportsModules: [],
  databaseImportsServices: [],
  controllersTouchData: [],
};

// ---------------------------------------------------------------------------------------------

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.swc/**',
      '**/.taro-cache/**',
      'data/**',
      'artifacts/**',
      'server/files/**',
      // Generated from server/openapi.json (npm run openapi); checked for staleness, not style.
      'shared/src/generated/**',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  // Project-wide adjustments, each for a reason the code base already follows.
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters, destructured-away fields).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'warn',
      // Nest's `@Module({}) class X {}` and decorator-only classes are empty on purpose.
      '@typescript-eslint/no-extraneous-class': 'off',
      // `declare namespace Express` augmentations and jest's global namespace.
      '@typescript-eslint/no-namespace': 'off',
      // TypeORM's own API types entity classes and migrations as `Function` (EntityTarget, DataSourceOptions.migrations).
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },

  // Plain Node CommonJS: scripts, the fake WeChat, tool configs.
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['server/admin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('node:crypto')` names the module after the global it also is.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  // ES modules (the admin package is "type": "module", and *.mjs anywhere).
  {
    files: ['server/admin/**/*.js', '**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  // TypeScript on Node: server, shared, tool configs.
  {
    files: ['server/src/**/*.ts', 'server/test/**/*.ts', 'shared/**/*.ts', 'miniapp/config/**/*.ts', 'server/admin/*.ts', 'server/admin/scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/__tests__/**', '**/*.test.ts', '**/*.test.tsx', 'miniapp/test/**', 'server/admin/src/test/**'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
  },

  // Browser journeys: Playwright scripts whose page.evaluate callbacks run in the page.
  {
    files: ['miniapp/e2e/**', 'server/admin/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // React front ends: the admin pages (browser) and the mini-program (Taro: weapp and h5).
  {
    files: ['server/admin/src/**/*.{ts,tsx}', 'miniapp/src/**/*.{ts,tsx}', 'miniapp/types/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The two classic hook rules. The React Compiler rules in the plugin's "recommended" set
      // are for code compiled by it, which neither front end is.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Taro's compile-time constants and the weapp runtime.
    files: ['miniapp/**/*.{ts,tsx,js}'],
    languageOptions: { globals: { wx: 'readonly', defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
  },

  // ---- Architecture ----
  {
    files: ['shared/src/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [OUTSIDE_SHARED] }] },
  },
  {
    files: ['server/src/common/**/*.ts'],
    ignores: KNOWN_EXCEPTIONS.commonImportsModules,
    rules: { 'no-restricted-imports': ['error', { patterns: [MODULES] }] },
  },
  {
    files: ['server/src/database/**/*.ts'],
    ignores: KNOWN_EXCEPTIONS.databaseImportsServices,
    rules: { 'no-restricted-imports': ['error', { patterns: [MODULE_SERVICES] }] },
  },
  {
    files: ['server/src/**/*.controller.ts'],
    ignores: KNOWN_EXCEPTIONS.controllersTouchData,
    rules: { 'no-restricted-imports': ['error', { paths: DATA_ACCESS_IN_CONTROLLER }] },
  },

  // Last: switch off whatever would argue with Prettier.
  prettier,
);
