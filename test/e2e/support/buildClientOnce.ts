/**
 * Global setup of the browser tests: builds the client once for the whole run, into a
 * directory of its own that nothing rebuilds while pages load from it, and hands its path
 * to every test file (`startBoardServer` serves it). A build per test file cost each of the
 * 39 files 1-5 s of two shared cores.
 */
import type { TestProject } from 'vitest/node';
import { buildClient } from './buildClient';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the browser project's global setup built the client. */
    builtClientDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const client = buildClient();
  project.provide('builtClientDir', client.dir);
  return () => client.remove();
}
