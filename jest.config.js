/** One jest run for unit (src/**\/*.spec.ts), integration and end-to-end (test/**\/*.spec.ts) tests. */
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
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose|content-disposition|oidc-provider|pkijs|asn1js|pvtsutils|pvutils|bytestreamjs|@noble|@peculiar)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker that has run many suites (each a whole app, some a browser) is replaced once it holds this much.
  workerIdleMemoryLimit: '700MB',
};
