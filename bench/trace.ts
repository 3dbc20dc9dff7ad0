/**
 * A Chromium trace of a page, taken over CDP while `run` drives it (the browser sections that
 * need main-thread CPU time, which long-task observers cannot give).
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** CPU time of a complete event, in µs (thread time). */
  readonly tdur?: number;
}

/** The names Chromium gives a main-thread task in the 'toplevel' trace category. */
export const TASKS: ReadonlySet<string> = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** The events of `categories` (comma-separated) recorded while `run` ran. */
export async function collectTrace(
  cdp: CDPSession,
  categories: string,
  run: () => Promise<void>,
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: unknown[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  try {
    await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
    await run();
    await cdp.send('Tracing.end');
    await done;
  } finally {
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}
