// @ts-check
// Mutation testing of the gateway's guards, one module set at a time (the machine it runs on is
// shared): `MUTATION_SET=<set> npm run mutation`, sets below. Each mutant runs only the test files
// that reach its code (per-test coverage), one process at a time. Not part of CI.

/** @type {Record<string, { mutate: string[]; testFiles: string[] }>} */
const SETS = {
  auth: {
    mutate: ['src/auth/**/*.ts'],
    testFiles: ['test/auth/token-claims.test.ts', 'test/auth/object-rules.test.ts', 'test/auth/scopes.test.ts', 'test/auth/shield-patch.test.ts', 'test/auth/coverage.test.ts', 'test/auth/authentication.test.ts', 'test/auth/authorization-matrix.test.ts', 'test/auth/idor.test.ts', 'test/auth/verified-tokens.test.ts', 'test/auth/failing-lookups.test.ts'],
  },
  cache: {
    mutate: ['src/cache/**/*.ts'],
    testFiles: ['test/cache/*.test.ts'],
  },
  limits: {
    mutate: ['src/limits/**/*.ts'],
    testFiles: ['test/limits/*.test.ts'],
  },
  loaders: {
    mutate: ['src/loaders.ts'],
    testFiles: ['test/gateway/loaders.test.ts', 'test/gateway/missing-entities.test.ts', 'test/gateway/data-equality.test.ts'],
  },
  errors: {
    mutate: ['clients/rest/error-mapping.ts', 'clients/orders/grpc-errors.ts', 'clients/inventory/upstream-errors.ts', 'clients/errors.ts'],
    testFiles: ['test/clients/*.test.ts', 'test/resilience/caller-errors.test.ts'],
  },
};

const name = process.env.MUTATION_SET ?? '';
const set = SETS[name];
if (!set) throw new Error(`MUTATION_SET must be one of ${Object.keys(SETS).join(', ')}; got "${name}"`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions & { tap: object }} */
export default {
  testRunner: 'tap',
  tap: { testFiles: set.testFiles, nodeArgs: ['--test-reporter=tap', '--test-timeout=120000'], forceBail: true },
  mutate: set.mutate,
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
