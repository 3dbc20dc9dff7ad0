/**
 * The log's line format and levels (server/sync/syncLog.ts): one JSON line per event, only at
 * or above the threshold, errors reduced to name, code and message, and a field named for a
 * token or secret never written whatever a caller puts in it.
 */
import { describe, expect, it } from 'vitest';
import { createSyncLog, type SyncLogLevel } from '../../../server/sync/syncLog';

function capture(threshold: SyncLogLevel) {
  const lines: string[] = [];
  const log = createSyncLog(
    threshold,
    (line) => lines.push(line),
    () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  );
  return { log, lines };
}

describe('createSyncLog', () => {
  it('writes one JSON line per event with its time, level and name, then its fields', () => {
    const { log, lines } = capture('info');
    log('info', 'connection closed', { boardId: 'b1', code: 4401, reason: 'revoked' });
    expect(lines).toEqual([
      '{"time":"2026-01-02T03:04:05.000Z","level":"info","event":"connection closed","boardId":"b1","code":4401,"reason":"revoked"}\n',
    ]);
  });

  it('leaves out events less severe than its threshold', () => {
    const levels: SyncLogLevel[] = ['debug', 'info', 'warn', 'error'];
    const written = (threshold: SyncLogLevel) => {
      const { log, lines } = capture(threshold);
      for (const level of levels) log(level, level);
      return lines.map((l) => (JSON.parse(l) as { event: string }).event);
    };
    expect(written('debug')).toEqual(['debug', 'info', 'warn', 'error']);
    expect(written('info')).toEqual(['info', 'warn', 'error']);
    expect(written('warn')).toEqual(['warn', 'error']);
    expect(written('error')).toEqual(['error']);
  });

  it('reduces errors to name, code and message, and never writes a token or secret field', () => {
    const { log, lines } = capture('debug');
    const error = Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
    log('error', 'saving failed', { error, token: 'eyJ.sig', inviteSecret: 's', signature: 'x' });
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      error: { name: 'Error', message: 'disk full', code: 'SQLITE_FULL' },
      token: '[redacted]',
      inviteSecret: '[redacted]',
      signature: '[redacted]',
    });
    expect(lines[0]).not.toContain('eyJ.sig');
  });
  it('finds tokens in a long value at once, wherever a run of their characters starts', () => {
    const { log, lines } = capture('info');
    const token = `${'a'.repeat(20)}.${'b'.repeat(43)}`;
    // A run of base64url characters with one dot: every start in it once scanned the rest of
    // the run (quadratic; 16 KB of path held the event loop 0.8 s, this would take minutes).
    const run = `${'-'.repeat(200_000)}.`;
    log('info', 'request answered with an error', {
      path: `/api/boards/${run}/x/${token}/${'c'.repeat(30)}.${token}`,
    });
    const path = (JSON.parse(lines[0] as string) as { path: string }).path;
    expect(path).toBe(`/api/boards/${run}/x/[token]/${'c'.repeat(30)}.[token]`);
  });
});
