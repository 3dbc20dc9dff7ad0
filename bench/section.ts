import type { Table } from './table';

/** One part of `npm run bench` (sync, browser, export …): runs on its own, returns one table. */
export interface Section {
  readonly name: string;
  run(): Promise<Table>;
}
