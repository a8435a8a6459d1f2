// The usual jest (CommonJS) setup for ESM-only packages, which a project using msw 2.x and
// @composio/core already has: composio-mock/msw itself needs none of it (it ships CommonJS).
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.js'],
  moduleFileExtensions: ['js', 'mjs', 'cjs', 'json'],
  transform: { '\\.m?js$': '<rootDir>/esm-to-cjs.cjs' },
  // Every .mjs file (msw 2.x pulls in a few), until-async (ESM in .js) and the ESM-only SDK packages.
  transformIgnorePatterns: ['/node_modules/(?!(@composio|openai|until-async)/).*\\.c?js$'],
};
