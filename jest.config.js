// ESM-only packages (inversify 8, agenda 6, uuid 14) are transformed to CommonJS by swc so jest can require them.
const esmOnly = ['inversify', '@inversifyjs', 'agenda', '@agendajs', 'uuid'].join('|');
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  setupFiles: ['reflect-metadata'],
  // The whole suite shares two cores with worker threads, child processes and Chromium: a spec slowed by its
  // neighbours must not fail on jest's 5 s default. No spec asserts timing.
  testTimeout: 20_000,
};
/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/tests/support/engine-notice.js',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.spec.ts'] },
    { ...shared, displayName: 'contract', testMatch: ['<rootDir>/tests/contract/**/*.spec.ts'] },
    { ...shared, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.spec.ts', '<rootDir>/tests/e2e/**/*.spec.ts'] },
  ],
};
