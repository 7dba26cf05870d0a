/**
 * Unit tests of the mini-program: pages and hooks render in jsdom with Testing
 * Library; @tarojs/taro and @tarojs/components are replaced by small stubs
 * (test/stubs) whose network calls go to an in-memory fake API (test/fake-api.ts).
 */
const path = require('node:path');

module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/stubs/components.tsx',
    '^@yizhan/shared$': path.resolve(__dirname, '../shared/src/index.ts'),
    '\\.(scss|css)$': '<rootDir>/test/stubs/style.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};
