/**
 * Lists, after the run, every test that failed at first and passed when tried again (see the
 * browser project's `retry` in vitest.config.ts): it passed, but it is flaky, and the list
 * says which to fix, with what its failed try threw.
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
    const lines = this.retried.map((t) => {
      const name = `  ${relative(process.cwd(), t.module.moduleId)} > ${t.fullName} (tries: ${t.diagnostic()!.retryCount + 1})`;
      // What the failed try threw (kept by vitest), so that the log alone says what to fix.
      const failed = t.result().errors?.[0];
      if (!failed) return name;
      const where = failed.stack?.split('\n').find((line) => line.includes('.test.ts'));
      // Up to 30 lines: a Playwright timeout's call log says why it waited ("element is not
      // enabled") only after its sixth line, where an earlier cut left the reader guessing.
      const message = failed.message.split('\n').slice(0, 30).join('\n      ');
      return `${name}\n    first try: ${message}${where ? `\n    ${where.trim()}` : ''}`;
    });
    console.warn(
      `\nFLAKY: ${this.retried.length} test(s) passed only when tried again:\n${lines.join('\n')}\n`,
    );
  }
}
