/**
 * The test tiers, as jest projects (`npx jest --selectProjects unit`, `npm run test:unit`):
 * - unit: pure specs beside the code in src/ (no database, no server, no external tool);
 * - integration: a service with its real repositories on PostgreSQL with the real migrations, and specs that run an
 *   independent tool (pdfsig, openssl, eslint) or a local server: test/integration and the src specs listed below;
 * - e2e: the application over HTTP (test/e2e, test/deploy); browser: real Chromium (test/browser);
 * - faults: crashes, outages and hostile input (test/faults).
 * `npm test` runs every tier.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

/** src specs that are not pure: they use PostgreSQL, start a server or run an outside tool. */
const SRC_INTEGRATION = [
  'src/app-boundaries.spec.ts',
  'src/audit/audit-log.repository.spec.ts',
  'src/calendar/working-calendar.repository.spec.ts',
  'src/eligibility/legal-rules.migration.spec.ts',
  'src/eligibility/legal-rules.repository.spec.ts',
  'src/platform/database/embedded-postgres.spec.ts',
  'src/registries/registry-adapters.http.spec.ts',
  'src/registries/registry-reader.service.spec.ts',
  'src/documents/rendering/document.renderer.spec.ts',
  'src/documents/signing/pdf.signer.spec.ts',
  'src/documents/signing/official-signatures.spec.ts',
  'src/documents/signing/remote-signing.spec.ts',
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(openid-client|oauth4webapi|jose|content-disposition|oidc-provider|pkijs|asn1js|pvtsutils|pvutils|bytestreamjs|@noble|@peculiar)/)',
  ],
};
const withDatabase = common;

module.exports = {
  // One PostgreSQL for the whole run (not per project); skipped when only the unit tier is selected.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker that has run many suites (each a whole app, some a browser) is replaced once it holds this much.
  workerIdleMemoryLimit: '700MB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: SRC_INTEGRATION.map((p) => `<rootDir>/${p}`),
    },
    {
      ...withDatabase,
      displayName: 'integration',
      roots: ['<rootDir>/src', '<rootDir>/test/integration'],
      testMatch: [...SRC_INTEGRATION.map((p) => `<rootDir>/${p}`), '<rootDir>/test/integration/**/*.spec.ts'],
    },
    { ...withDatabase, displayName: 'e2e', roots: ['<rootDir>/test/e2e', '<rootDir>/test/deploy'], testMatch: ['**/*.spec.ts'] },
    { ...withDatabase, displayName: 'browser', roots: ['<rootDir>/test/browser'], testMatch: ['**/*.spec.ts'] },
    { ...withDatabase, displayName: 'faults', roots: ['<rootDir>/test/faults'], testMatch: ['**/*.spec.ts'] },
  ],
};
