/**
 * Global setup of the browser tests: one directory for the profiles of the workers' browsers
 * (workerBrowser), removed after the run. A worker's browser lives as long as the worker, which
 * vitest ends with a signal: nothing in it can be relied on to remove its own profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the workers' browsers keep their profiles. */
    browserProfilesDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'factboard-profiles-'));
  project.provide('browserProfilesDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
