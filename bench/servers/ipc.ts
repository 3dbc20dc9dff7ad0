/** Messages between the bench (parent) and a server child process, over Node's IPC channel. */
/** The servers a child process can start (child.ts). */
export type ServerKind = 'relay' | 'durable-relay' | 'reference' | 'factboard';
/** A server under test: a kind, or Factboard at an older commit (`factboard@abc1234`). */
export type TargetName = ServerKind | `factboard@${string}`;

export interface ServerStats {
  /** process.cpuUsage() in microseconds since the child started. */
  readonly cpu: { readonly user: number; readonly system: number };
  /** process.memoryUsage() in bytes (after a full GC when one was asked for). */
  readonly mem: { readonly rss: number; readonly heapUsed: number; readonly external: number };
}

/**
 * A server's pauses (pauseTrace), as [start, duration] in epoch milliseconds: its garbage
 * collections, and the moments its event loop ran late.
 */
export interface Pauses {
  readonly gc: readonly (readonly [number, number])[];
  readonly late: readonly (readonly [number, number])[];
}

export type ParentMessage =
  { type: 'stats'; id: number; gc: boolean } | { type: 'pauses'; id: number } | { type: 'close' };

export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'failed'; code: string; message: string }
  | { type: 'stats'; id: number; stats: ServerStats }
  /** null when the child does not trace its pauses (BENCH_PAUSES unset). */
  | { type: 'pauses'; id: number; pauses: Pauses | null };
