// ESM-only packages (inversify 8, agenda 6) are transformed to CommonJS by swc so jest can require them.
const esmOnly = ['inversify', '@inversifyjs', 'agenda', '@agendajs'].join('|');
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  setupFiles: ['reflect-metadata'],
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
