import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'services/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file has its own database and queue prefix, so files run in parallel;
    // two cores here, and tests that spawn processes are I/O-bound.
    pool: 'forks',
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // In CI a JSON report too, from which .ci/run prints its closing "N passed, N failed"
    // line; elsewhere only the default reporter, so `npm test` ends with vitest's summary.
    reporters: process.env.CI === 'true' ? ['default', ['json', { outputFile: '.vitest/report.json' }]] : ['default'],
  },
});
