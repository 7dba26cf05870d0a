// Unit tests sit beside the code (src/<module>.spec.ts). swc only strips types;
// `npm test` type-checks the specs first (tsconfig.spec.json).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
};
