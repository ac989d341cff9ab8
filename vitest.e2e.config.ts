import { defineConfig } from 'vitest/config';

// End-to-end tests: the built test variant of the extension in real headless Chromium and Firefox
// (tests/e2e/harness). Files are `*.e2e.ts`, which the unit config's default include never matches.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    // Two cores and two browsers: one test file at a time, tests in order.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
