/**
 * Runs `fn` after each test of the block that failed, for tests that share pages: a failure
 * leaves a dialog open, a page offline or requests held, and every test after it, CI's second
 * try of the failed one too, would fail on that instead of on what it tests. `fn` makes fresh
 * pages (and says what the old ones showed, where that helps).
 */
import { afterEach } from 'vitest';

export function afterFailedTest(fn: (testName: string) => Promise<void>): void {
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await fn(task.name);
  }, 120_000);
}
