import { defineConfig } from 'vitest/config';

// Tests run in Node against real servers and real SQLite files; browser tests drive
// Debian's chromium through playwright-core (see test/e2e/).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
