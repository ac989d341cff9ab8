import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit tests: Node + happy-dom, the WXT fake browser, fake-indexeddb. Real-browser tests live in
// tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  define: { __HASHIYA_TEST__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/eval/**/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 30_000,
  },
});
