import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Import boundaries: modules depend one way (see README "Architecture"); the sandbox is wired in by the app module only. */
const FEATURES = ['identity', 'registries', 'profile', 'eligibility', 'dossiers', 'documents', 'portal', 'reports', 'web', 'audit', 'social-insurance', 'notifications', 'organisation'];
const forbid = (modules, why) => modules.map((m) => ({ group: [`**/${m}/**`, `**/${m}`], message: why }));
const TEST_WHY = 'Code in src/ never imports test/ (fixtures, test tools and fault seams live there); specs may.';
const boundary = (files, modules, why, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: [...forbid(modules, why), ...forbid(['test'], TEST_WHY)] }] },
});
const SANDBOX_WHY = 'Only src/sandbox and the application module may import sandbox code (it must never load in production).';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**', '**/*.mjs', '**/*.js', '!templates/web/assets/js/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
  // The browser modules of the web pages (no bundler): plain ES modules with browser globals.
  {
    files: ['templates/web/assets/js/**/*.js'],
    languageOptions: { sourceType: 'module', ecmaVersion: 2022, globals: globals.browser },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'], rules: { 'no-console': 'off' } },
  // Typed persistence (docs/persistence.md): application code has no `any` and nothing untyped flows out of a query;
  // SQL runs through the one typed helper (src/platform/database/sql.ts) or the owner's entity repositories.
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'src/platform/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']",
          message: 'Run SQL through sql.rows/one/run (src/platform/database/sql.ts) or the owner\'s entity repository.',
        },
      ],
    },
  },
  // Later modules may use earlier ones, never the reverse.
  boundary(['src/platform/**/*.ts', 'src/config/**/*.ts'], [...FEATURES, 'sandbox'], 'platform and config know nothing of the procedure.'),
  boundary(['src/portal/**/*.ts'], ['dossiers', 'documents', 'reports', 'web', 'sandbox'], 'portal is used by dossiers and documents, never the reverse.', ['src/**/*.spec.ts']),
  boundary(['src/dossiers/**/*.ts'], ['documents', 'reports', 'web', 'sandbox', 'social-insurance', 'notifications'], 'dossiers reaches documents, the social-insurance outbox and notifications only through its ports (DOSSIER_DOCUMENTS, DOSSIER_STEP_LISTENERS).', ['src/**/*.spec.ts']),
  boundary(['src/notifications/**/*.ts'], ['documents', 'reports', 'web', 'sandbox', 'social-insurance', 'portal'], 'notifications is used by the procedure modules, never the reverse.', ['src/**/*.spec.ts']),
  boundary(['src/social-insurance/**/*.ts'], ['documents', 'reports', 'web', 'sandbox', 'portal'], 'social-insurance reads dossiers through DossierReader and the DOSSIER_DOCUMENTS port.', ['src/**/*.spec.ts']),
  boundary(['src/organisation/**/*.ts'], ['documents', 'reports', 'web', 'sandbox', 'portal', 'notifications', 'social-insurance'], 'organisation (centers, signers) is read by documents through SignerDirectory, never the reverse.', ['src/**/*.spec.ts']),
  boundary(['src/documents/**/*.ts'], ['reports', 'web', 'sandbox'], 'documents is used by reports and web, never the reverse.', ['src/**/*.spec.ts']),
  boundary(['src/**/*.ts'], ['sandbox'], SANDBOX_WHY, ['src/sandbox/**', 'src/app.module.ts', 'src/**/*.spec.ts', 'src/platform/**', 'src/config/**', 'src/portal/**', 'src/dossiers/**', 'src/documents/**', 'src/notifications/**', 'src/social-insurance/**', 'src/organisation/**']),
);
