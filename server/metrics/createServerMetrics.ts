/**
 * Everything GET /metrics reports, gathered at scrape time: the sync server's counters (kept
 * as plain integers on its path: SyncCounters), the HTTP responses by class, the storage's
 * files and pending log, and the process. The families and what each means are listed in the
 * README (Run it → Metrics).
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ResponseCounts } from '../http/countResponses';
import type { SqliteStorage } from '../storage/createSqliteStorage';
import type { SyncServer } from '../sync/SyncServer';
import { OTHER_CODE } from '../sync/SyncCounters';
import { watchProcess } from './processMetrics';
import { type MetricFamily, type MetricSample, prometheusText } from './prometheusText';

export interface ServerMetrics {
  /** Where the app counts its responses (countResponses). */
  readonly responses: ResponseCounts;
  /** The exposition, in Prometheus's text format. */
  render(): string;
  /** Stops the event loop monitor. */
  stop(): void;
}

export interface MetricsSources {
  readonly syncServer: SyncServer;
  readonly storage: Pick<SqliteStorage, 'pendingLog'>;
  /** The SQLite file; its -wal and -pending files lie beside it. */
  readonly databaseFile: string;
}

const counter = (name: string, help: string, value: number): MetricFamily => ({
  name,
  help,
  type: 'counter',
  samples: [{ value }],
});

const gauge = (name: string, help: string, value: number): MetricFamily => ({
  name,
  help,
  type: 'gauge',
  samples: [{ value }],
});

/** One sample per code, in code order; OTHER_CODE as "other". */
const byCode = (counts: ReadonlyMap<number, number>): MetricSample[] =>
  [...counts]
    .sort(([a], [b]) => a - b)
    .map(([code, value]) => ({
      labels: { code: code === OTHER_CODE ? 'other' : String(code) },
      value,
    }));

/** The file's size, 0 when it does not exist (no WAL after a clean stop, say). */
const fileBytes = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

export function createServerMetrics(sources: MetricsSources): ServerMetrics {
  const { syncServer, storage, databaseFile } = sources;
  const responses = new ResponseCounts();
  const proc = watchProcess();

  function collect(): MetricFamily[] {
    const c = syncServer.counters;
    const { rooms, connections } = syncServer.stats();
    const pending = storage.pendingLog();
    const files = [databaseFile, `${databaseFile}-wal`, `${databaseFile}-pending`];
    return [
      ...proc.collect(),
      gauge('factboard_sync_connections', 'Open sync WebSocket connections.', connections),
      counter(
        'factboard_sync_connections_opened_total',
        'Sync connections admitted (token, board and role checked).',
        c.connectionsOpened,
      ),
      {
        name: 'factboard_sync_connections_closed_total',
        help: 'Admitted sync connections closed, by close code (4400 malformed, 4403 forbidden write, 4413 too large, 4429 too many or slow consumer, 4401 revoked, 4205 role changed, 1000/1001/1005/1006 ordinary ends; other: a client code not Factboard’s).',
        type: 'counter',
        samples: byCode(c.closedByCode),
      },
      {
        name: 'factboard_sync_connections_refused_total',
        help: 'Sync connections refused before admission: HTTP status before the upgrade (400, 404, 429, 500, 503), close code after it (4401 bad token, 4403 another board, 4404 unknown board, 1001 shutting down).',
        type: 'counter',
        samples: byCode(c.refusedByCode),
      },
      gauge('factboard_rooms', 'Boards loaded in memory (loaded or loading).', rooms),
      counter('factboard_room_loads_total', 'Boards loaded into memory.', c.roomsLoaded),
      counter(
        'factboard_sync_messages_received_total',
        'Messages of any kind taken from admitted connections.',
        c.messagesReceived,
      ),
      counter(
        'factboard_sync_updates_received_total',
        'Write messages (sync step 2 and updates) taken from connections.',
        c.updatesReceived,
      ),
      counter(
        'factboard_sync_updates_stored_total',
        'Updates stored (clients’ and the server’s own changes).',
        c.updatesStored,
      ),
      counter(
        'factboard_sync_batches_stored_total',
        'Storage batches written (one per room turn that changed anything).',
        c.batchesStored,
      ),
      counter(
        'factboard_sync_save_failures_total',
        'Attempts to store a batch that failed and are retried (a full or read-only disk): its edits wait unacknowledged.',
        c.saveFailures,
      ),
      counter(
        'factboard_sync_updates_broadcast_total',
        'Update messages sent to the other connections of a board (one per update and recipient).',
        c.updatesBroadcast,
      ),
      counter(
        'factboard_sync_acks_sent_total',
        'Storage acknowledgments ("saved", message 100) sent.',
        c.acksSent,
      ),
      {
        name: 'factboard_compactions_total',
        help: 'Compactions of a board’s update log into a snapshot, by outcome.',
        type: 'counter',
        samples: [
          { labels: { outcome: 'done' }, value: c.compactions },
          { labels: { outcome: 'failed' }, value: c.compactionsFailed },
        ],
      },
      {
        name: 'factboard_storage_file_bytes',
        help: 'Size of the storage’s files in the data directory.',
        type: 'gauge',
        samples: files.map((file) => ({
          labels: { file: basename(file) },
          value: fileBytes(file),
        })),
      },
      gauge(
        'factboard_pending_log_batches',
        'Update batches in the pending log, not yet moved into the SQLite tables.',
        pending.batches,
      ),
      gauge('factboard_pending_log_bytes', 'Bytes of those batches.', pending.bytes),
      counter(
        'factboard_pending_log_flushes_total',
        'Moves of the pending log’s batches into the SQLite tables.',
        pending.flushes,
      ),
      {
        name: 'factboard_http_responses_total',
        help: 'HTTP responses sent, by status class.',
        type: 'counter',
        samples: [1, 2, 3, 4, 5].map((n) => ({
          labels: { class: `${n}xx` },
          value: responses.byClass[n] ?? 0,
        })),
      },
    ];
  }

  return {
    responses,
    render: () => prometheusText(collect()),
    stop: () => proc.stop(),
  };
}
