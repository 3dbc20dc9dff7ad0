import { defineConfig } from 'vitest/config';

// Tests run in Node against real servers and real SQLite files; browser tests drive
// Debian's chromium through playwright-core (see test/e2e/).
const shared = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
  // expect.poll waits on a page or a server as Playwright's own waits do, not with vitest's
  // 1 s default: on two loaded cores an import in a fresh extraction thread took longer (CI).
  expect: { poll: { timeout: 10_000 } },
} as const;

export default defineConfig({
  test: {
    // Every test that passed only when tried again is listed at the end of the run, so that a
    // flaky one is seen and fixed rather than hidden by its retry.
    reporters: ['default', './test/helpers/retriedTestsReporter.ts'],
    // Two files at a time: vitest's default on two cores is one (cores - 1), which left a core
    // idle while a file waited on its server, its browser or its own start-up.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          // Files of a worker share its modules instead of importing Yjs, the server and
          // zod afresh each (the project's 198 files: 34 s of imports in all against 177 s,
          // run after run on one machine). They keep no state between files: each starts its
          // own servers and restores what it changes (process.env, fetch).
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          // As the node project's: a worker's files share its modules (the server, Yjs,
          // playwright-core) and its Chromium (workerBrowser), instead of importing the one and
          // launching the other afresh for each file. Each still starts its own server and
          // opens its own contexts, closed after it.
          isolate: false,
          globalSetup: [
            'test/e2e/support/buildClientOnce.ts',
            'test/e2e/support/browserProfilesOnce.ts',
          ],
          // On CI (two cores shared by a dozen browsers and servers) a browser test that
          // fails gets one more try; one that fails twice fails the run.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
