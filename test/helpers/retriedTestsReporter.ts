/**
 * Lists, after the run, every test that failed at first and passed when tried again (see the
 * browser project's `retry` in vitest.config.ts): it passed, but it is flaky, and the list
 * says which to fix.
 */
import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export default class RetriedTestsReporter implements Reporter {
  private readonly retried: TestCase[] = [];

  onTestCaseResult(testCase: TestCase): void {
    if (testCase.result().state === 'passed' && testCase.diagnostic()?.retryCount) {
      this.retried.push(testCase);
    }
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>): void {
    if (this.retried.length === 0) return;
    const lines = this.retried.map(
      (t) =>
        `  ${relative(process.cwd(), t.module.moduleId)} > ${t.fullName} (tries: ${t.diagnostic()!.retryCount + 1})`,
    );
    console.warn(
      `\nFLAKY: ${this.retried.length} test(s) passed only when tried again:\n${lines.join('\n')}\n`,
    );
  }
}
