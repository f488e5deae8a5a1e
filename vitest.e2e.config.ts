import { defineConfig } from 'vitest/config';

// Drives the built extension (.output/chrome-mv3) in Debian Chromium; run through `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
