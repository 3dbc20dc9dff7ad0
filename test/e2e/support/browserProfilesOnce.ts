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
  return () => {
    // A worker's Chromium may still be writing its profile as the worker is ended: retry
    // (ENOTEMPTY), and say so rather than fail a run whose tests passed over a temp folder.
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.warn(`browser profiles left in ${dir}:`, error);
    }
  };
}
