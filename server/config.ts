/**
 * All server configuration, read from the environment once and validated with zod, so a bad
 * value is refused before anything starts. Every variable has a documented default
 * (CONFIG_VARIABLES; test/server/http/readmeConfig.test.ts checks the README's table against
 * it, row for row), so `npm start` works with none set.
 */
import { isIPv4 } from 'node:net';
import { z } from 'zod';
import { dataDirProblem } from './dataDirProblem';
import { LOG_LEVELS, type SyncLogLevel } from './sync/syncLog';

export interface Config {
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Token signing secret; null means generate one and keep it in the data directory. */
  readonly secret: string | null;
  /** When set, POST /api/boards requires it as a Bearer token. */
  readonly adminToken: string | null;
  /** When set, GET /metrics answers requests bearing it; unset, there is no /metrics. */
  readonly metricsToken: string | null;
  /** Base of invite links; null means derived from host and port. */
  readonly publicUrl: string | null;
  /** Largest WebSocket message and largest JSON request body, in bytes. */
  readonly maxMessageBytes: number;
  /** Largest article text accepted by the import route, in bytes. */
  readonly maxArticleBytes: number;
  /** Answers remembered for Idempotency-Key repeats, one board's (server/http/IdempotencyKeys). */
  readonly idempotencyBoardBytes: number;
  /** Answers remembered for Idempotency-Key repeats, every board's together. */
  readonly idempotencyTotalBytes: number;
  /** An article's claim extraction running longer than this is stopped (422). */
  readonly extractTimeoutMs: number;
  /** Imports that may wait for an extraction thread; more at once are refused (503). */
  readonly extractQueueLength: number;
  /** An export, board import or card restore holding its board thread longer is stopped (422). */
  readonly boardJobTimeoutMs: number;
  /** Exports, board imports and restores that may wait for a board thread; more: 503. */
  readonly boardJobQueueLength: number;
  /** A worker thread (extraction or board) idle this long ends; the next job starts another. */
  readonly threadIdleMs: number;
  /** How long an empty room stays loaded after its last connection leaves. */
  readonly roomGraceMs: number;
  /** How long the update log keeps every step (for "export as of"). */
  readonly logRetentionDays: number;
  /** Compact a board's update log into a snapshot after this many updates. */
  readonly compactEvery: number;
  /** New WebSocket connections allowed per client address per minute. */
  readonly connectionsPerMinute: number;
  /** Sustained messages per second allowed on one connection. */
  readonly messagesPerSecond: number;
  /** Messages one connection may send in a burst above the sustained rate. */
  readonly messageBurst: number;
  /** A connection whose unsent data exceeds this is a slow consumer and is closed. */
  readonly maxBufferedBytes: number;
  /** SQLite's commit durability: NORMAL survives a crash of the process, FULL a power cut. */
  readonly sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Create the demo board on a start with an empty data directory (main.ts). */
  readonly demo: boolean;
  /** The least severe events main.ts logs (server/sync/syncLog.ts). */
  readonly logLevel: SyncLogLevel;
}

const MiB = 1024 * 1024;

/** An http(s) URL, parsed; null for anything else. */
function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The defaults, in one place for the schema and the documentation. */
export const DEFAULTS = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  maxMessageBytes: 2 * MiB,
  maxArticleBytes: 1_000_000,
  // A retry comes within minutes of its request: a board's few last articles' answers (each
  // up to hundreds of KB) are enough, and the server's memory holds 32 MiB at most for them.
  idempotencyBoardBytes: 2 * MiB,
  idempotencyTotalBytes: 32 * MiB,
  // A 1 MB article of real prose extracts in about a second; 60 s stops only pathological input.
  extractTimeoutMs: 60_000,
  // A warm thread extracts a real article in 10–300 ms, so a newsroom's burst clears in a
  // second or two; 16 waiting, each holding a body of up to 2 MiB, is a pile-up, not a burst.
  extractQueueLength: 16,
  // A 10,000-card board (30 MB of JSON) exports in 1.4–1.7 s and downloads in a minute at
  // 4 Mbit/s (the limit counts the download: a client that stops reading holds the thread);
  // two minutes stops only a pathological job or a stalled client.
  boardJobTimeoutMs: 120_000,
  // Jobs of a big board take 1–2 s each on the two threads, so the last of 8 waits about 8 s;
  // each waiting import holds its file (tens of MB for a big board), an export or a restore
  // nothing until its turn.
  boardJobQueueLength: 8,
  // Long enough for a lead's export in several formats, or a re-import; an idle board thread
  // holds 35–46 MB of RSS, an extraction thread its language model.
  threadIdleMs: 5 * 60_000,
  roomGraceMs: 30_000,
  logRetentionDays: 30,
  compactEvery: 500,
  // A newsroom behind one NAT opens many connections from one address (DESIGN §4: at least
  // 1,000 a minute); bursts of a few hundred messages a second per connection are normal.
  connectionsPerMinute: 3_000,
  messagesPerSecond: 300,
  messageBurst: 1_000,
  maxBufferedBytes: 16 * MiB,
  sqliteSynchronous: 'NORMAL',
  demo: true,
  // An operator wants each connection, refusal and failed request; a busy newsroom's hundreds
  // of connections a day are a few hundred lines, nothing per message.
  logLevel: 'info',
} as const;

export interface ConfigVariable {
  readonly name: string;
  readonly key: keyof Config;
  readonly default: string;
  readonly meaning: string;
}

export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'PORT',
    key: 'port',
    default: String(DEFAULTS.port),
    meaning: 'HTTP and WebSocket port (0 picks a free one).',
  },
  {
    name: 'HOST',
    key: 'host',
    default: DEFAULTS.host,
    meaning: 'Address to listen on; 127.0.0.1 keeps the server local.',
  },
  {
    name: 'FACTBOARD_DATA_DIR',
    key: 'dataDir',
    default: DEFAULTS.dataDir,
    meaning: 'Directory for the SQLite file (factboard.sqlite) and the generated secret.',
  },
  {
    name: 'FACTBOARD_SECRET',
    key: 'secret',
    default: '(generated)',
    meaning:
      'Secret that signs invite tokens; when unset, a random one is generated on first start and kept in the data directory (secret.key); when set, the directory keeps a check value of it (secret.check). A start with another secret than the one that signed the directory’s invites, or none where one was set, is refused (auth/tokens.ts).',
  },
  {
    name: 'FACTBOARD_ADMIN_TOKEN',
    key: 'adminToken',
    default: '(unset)',
    meaning:
      'When set, creating a board (POST /api/boards) requires `Authorization: Bearer <this>`.',
  },
  {
    name: 'FACTBOARD_METRICS_TOKEN',
    key: 'metricsToken',
    default: '(unset)',
    meaning:
      'When set, GET /metrics serves the server’s metrics in Prometheus text format to requests bearing `Authorization: Bearer <this>`; unset, there is no /metrics (404).',
  },
  {
    name: 'FACTBOARD_PUBLIC_URL',
    key: 'publicUrl',
    default: 'http://localhost:PORT',
    meaning:
      'Base of invite links, e.g. https://factboard.example.org: scheme, host and port only (the app is served at the root of its host). Unset: http://localhost:PORT, or http://HOST:PORT when HOST is a specific address.',
  },
  {
    name: 'FACTBOARD_MAX_MESSAGE_BYTES',
    key: 'maxMessageBytes',
    default: String(DEFAULTS.maxMessageBytes),
    meaning:
      'Largest WebSocket message (larger: close 4413) and largest JSON request body (larger: 413).',
  },
  {
    name: 'FACTBOARD_MAX_ARTICLE_BYTES',
    key: 'maxArticleBytes',
    default: String(DEFAULTS.maxArticleBytes),
    meaning:
      'Largest article text the import accepts (larger: 413); at most FACTBOARD_MAX_MESSAGE_BYTES, an article being a request body.',
  },
  {
    name: 'FACTBOARD_IDEMPOTENCY_BOARD_BYTES',
    key: 'idempotencyBoardBytes',
    default: String(DEFAULTS.idempotencyBoardBytes),
    meaning:
      'Bytes of answers one board’s `Idempotency-Key`s keep for repeats (with at most 100 keys a person, 24 hours each); past it the oldest are forgotten, a repeat of one then being a new request.',
  },
  {
    name: 'FACTBOARD_IDEMPOTENCY_TOTAL_BYTES',
    key: 'idempotencyTotalBytes',
    default: String(DEFAULTS.idempotencyTotalBytes),
    meaning:
      'Bytes of answers every board’s `Idempotency-Key`s keep together, in the server’s memory; past it the oldest of any board are forgotten.',
  },
  {
    name: 'FACTBOARD_EXTRACT_TIMEOUT_MS',
    key: 'extractTimeoutMs',
    default: String(DEFAULTS.extractTimeoutMs),
    meaning:
      'Longest claim extraction of one imported article; a longer one is stopped and the import answered 422 `extract_timeout`, nothing added to the board.',
  },
  {
    name: 'FACTBOARD_EXTRACT_QUEUE_LENGTH',
    key: 'extractQueueLength',
    default: String(DEFAULTS.extractQueueLength),
    meaning:
      'Imports that may wait for one of the two extraction threads; one more at once is answered 503 `extract_busy` with `Retry-After`, nothing added to the board.',
  },
  {
    name: 'FACTBOARD_BOARD_JOB_TIMEOUT_MS',
    key: 'boardJobTimeoutMs',
    default: String(DEFAULTS.boardJobTimeoutMs),
    meaning:
      'Longest an export (its download included), board import or card restore may hold its board thread; a longer one is stopped and answered 422 `export_timeout`, `import_timeout` or `restore_timeout` (an export whose file has begun is cut off), nothing stored changed.',
  },
  {
    name: 'FACTBOARD_BOARD_JOB_QUEUE_LENGTH',
    key: 'boardJobQueueLength',
    default: String(DEFAULTS.boardJobQueueLength),
    meaning:
      'Exports, board imports and card restores that may wait for one of the two board threads; one more at once is answered 503 `export_busy`, `import_busy` or `restore_busy` with `Retry-After`.',
  },
  {
    name: 'FACTBOARD_THREAD_IDLE_MS',
    key: 'threadIdleMs',
    default: String(DEFAULTS.threadIdleMs),
    meaning:
      'How long an idle worker thread (extraction or board) stays up for the next job; the next job waits 0.7–2.7 s for a new one to start.',
  },
  {
    name: 'FACTBOARD_ROOM_GRACE_MS',
    key: 'roomGraceMs',
    default: String(DEFAULTS.roomGraceMs),
    meaning: 'How long a board stays loaded after its last connection leaves.',
  },
  {
    name: 'FACTBOARD_LOG_RETENTION_DAYS',
    key: 'logRetentionDays',
    default: String(DEFAULTS.logRetentionDays),
    meaning:
      'How long every stored update is kept after compaction, so a board can be exported as of any moment in that window.',
  },
  {
    name: 'FACTBOARD_COMPACT_EVERY',
    key: 'compactEvery',
    default: String(DEFAULTS.compactEvery),
    meaning:
      'Updates after which a board’s log is compacted into a snapshot (and only once the log is half the snapshot’s size).',
  },
  {
    name: 'FACTBOARD_CONNECTIONS_PER_MINUTE',
    key: 'connectionsPerMinute',
    default: String(DEFAULTS.connectionsPerMinute),
    meaning:
      'New WebSocket connections allowed per client address per minute (a newsroom behind one NAT shares an address).',
  },
  {
    name: 'FACTBOARD_MESSAGES_PER_SECOND',
    key: 'messagesPerSecond',
    default: String(DEFAULTS.messagesPerSecond),
    meaning: 'Sustained messages per second per connection (above it and the burst: close 4429).',
  },
  {
    name: 'FACTBOARD_MESSAGE_BURST',
    key: 'messageBurst',
    default: String(DEFAULTS.messageBurst),
    meaning: 'Messages a connection may send in a burst above the sustained rate.',
  },
  {
    name: 'FACTBOARD_MAX_BUFFERED_BYTES',
    key: 'maxBufferedBytes',
    default: String(DEFAULTS.maxBufferedBytes),
    meaning:
      'Unsent bytes after which a connection counts as a slow consumer and is closed (4429).',
  },
  {
    name: 'FACTBOARD_SQLITE_SYNCHRONOUS',
    key: 'sqliteSynchronous',
    default: DEFAULTS.sqliteSynchronous,
    meaning:
      'SQLite commit durability: NORMAL (WAL) keeps every acknowledged update through a crash or kill of the process; FULL also through a power cut, at about 10× the commit time.',
  },
  {
    name: 'FACTBOARD_DEMO',
    key: 'demo',
    default: DEFAULTS.demo ? '1' : '0',
    meaning:
      'On first start with an empty data directory, create the demo board from the seed article and print its lead link; 0 turns it off.',
  },
  {
    name: 'FACTBOARD_LOG_LEVEL',
    key: 'logLevel',
    default: DEFAULTS.logLevel,
    meaning:
      'Least severe events logged on stderr, one JSON line each: error, warn, info (connections opened and closed, refusals, requests answered 4xx/5xx, start and stop) or debug (also boards loaded and unloaded).',
  },
];

/** A whole number from min to max; anything else is one problem naming the range. */
const int = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
      if (n >= min && n <= max) return n;
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: `must be a whole number from ${min} to ${max} (got "${v}")`,
      });
      return z.NEVER;
    })
    .optional()
    .transform((v) => v ?? fallback);

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v));

const envSchema = z.object({
  PORT: int(0, 65_535, DEFAULTS.port),
  HOST: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULTS.host)
    // Four numbers with dots are meant as an IPv4 address; the resolver would look 256.1.1.1
    // up as a name. A name that does not resolve is only known at listen (listenOn.ts).
    .refine((v) => !/^[\d.]+$/.test(v) || isIPv4(v), {
      error: (issue) => `${String(issue.input)} is not an IPv4 address`,
    }),
  FACTBOARD_DATA_DIR: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULTS.dataDir)
    .superRefine((v, ctx) => {
      const problem = dataDirProblem(v);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    }),
  FACTBOARD_SECRET: optionalText.refine(
    (v) => v === null || v.length >= 16,
    'must be at least 16 characters',
  ),
  FACTBOARD_ADMIN_TOKEN: optionalText.refine(
    (v) => v === null || v.length >= 16,
    'must be at least 16 characters',
  ),
  FACTBOARD_METRICS_TOKEN: optionalText.refine(
    (v) => v === null || v.length >= 16,
    'must be at least 16 characters',
  ),
  FACTBOARD_PUBLIC_URL: optionalText
    .refine((v) => v === null || httpUrl(v) !== null, 'must be an http(s) URL')
    .refine(
      (v) => {
        const url = v === null ? null : httpUrl(v);
        return url === null || url.href === `${url.origin}/`;
      },
      // The client serves /b/<id> and its assets at the root of its host: an invite link
      // under a path (https://example.org/factboard/b/…) opens a page the app cannot show.
      'must be the scheme, host and port only (e.g. https://factboard.example.org): Factboard is served at the root of its host, so invite links with a path, query or fragment would not open a board',
    ),
  FACTBOARD_MAX_MESSAGE_BYTES: int(1024, 256 * MiB, DEFAULTS.maxMessageBytes),
  FACTBOARD_MAX_ARTICLE_BYTES: int(1, 64 * MiB, DEFAULTS.maxArticleBytes),
  FACTBOARD_IDEMPOTENCY_BOARD_BYTES: int(0, 1024 * MiB, DEFAULTS.idempotencyBoardBytes),
  FACTBOARD_IDEMPOTENCY_TOTAL_BYTES: int(0, 16 * 1024 * MiB, DEFAULTS.idempotencyTotalBytes),
  FACTBOARD_EXTRACT_TIMEOUT_MS: int(1, 3_600_000, DEFAULTS.extractTimeoutMs),
  FACTBOARD_EXTRACT_QUEUE_LENGTH: int(0, 100_000, DEFAULTS.extractQueueLength),
  FACTBOARD_BOARD_JOB_TIMEOUT_MS: int(1, 24 * 3_600_000, DEFAULTS.boardJobTimeoutMs),
  FACTBOARD_BOARD_JOB_QUEUE_LENGTH: int(0, 100_000, DEFAULTS.boardJobQueueLength),
  FACTBOARD_THREAD_IDLE_MS: int(0, 2_147_483_647, DEFAULTS.threadIdleMs),
  FACTBOARD_ROOM_GRACE_MS: int(0, 24 * 3_600_000, DEFAULTS.roomGraceMs),
  FACTBOARD_LOG_RETENTION_DAYS: int(0, 36_500, DEFAULTS.logRetentionDays),
  FACTBOARD_COMPACT_EVERY: int(1, 1_000_000, DEFAULTS.compactEvery),
  FACTBOARD_CONNECTIONS_PER_MINUTE: int(1, 10_000_000, DEFAULTS.connectionsPerMinute),
  FACTBOARD_MESSAGES_PER_SECOND: int(1, 1_000_000, DEFAULTS.messagesPerSecond),
  FACTBOARD_MESSAGE_BURST: int(1, 10_000_000, DEFAULTS.messageBurst),
  FACTBOARD_MAX_BUFFERED_BYTES: int(64 * 1024, 4096 * MiB, DEFAULTS.maxBufferedBytes),
  FACTBOARD_SQLITE_SYNCHRONOUS: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['NORMAL', 'FULL']))
    .default(DEFAULTS.sqliteSynchronous),
  FACTBOARD_DEMO: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || ['', '0', '1'].includes(v), {
      error: (issue) => `must be 0 or 1 (got "${String(issue.input)}")`,
    })
    .transform((v) => (v === undefined || v === '' ? DEFAULTS.demo : v === '1')),
  FACTBOARD_LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v): v is SyncLogLevel => (LOG_LEVELS as readonly string[]).includes(v), {
      error: (issue) => `must be one of ${LOG_LEVELS.join(', ')} (got "${String(issue.input)}")`,
    })
    .default(DEFAULTS.logLevel),
});

export class ConfigError extends Error {
  readonly code = 'invalid_config';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.FACTBOARD_DATA_DIR,
    secret: e.FACTBOARD_SECRET,
    adminToken: e.FACTBOARD_ADMIN_TOKEN,
    metricsToken: e.FACTBOARD_METRICS_TOKEN,
    publicUrl:
      e.FACTBOARD_PUBLIC_URL === null ? null : (httpUrl(e.FACTBOARD_PUBLIC_URL)?.origin ?? null),
    maxMessageBytes: e.FACTBOARD_MAX_MESSAGE_BYTES,
    maxArticleBytes: e.FACTBOARD_MAX_ARTICLE_BYTES,
    idempotencyBoardBytes: e.FACTBOARD_IDEMPOTENCY_BOARD_BYTES,
    idempotencyTotalBytes: e.FACTBOARD_IDEMPOTENCY_TOTAL_BYTES,
    extractTimeoutMs: e.FACTBOARD_EXTRACT_TIMEOUT_MS,
    extractQueueLength: e.FACTBOARD_EXTRACT_QUEUE_LENGTH,
    boardJobTimeoutMs: e.FACTBOARD_BOARD_JOB_TIMEOUT_MS,
    boardJobQueueLength: e.FACTBOARD_BOARD_JOB_QUEUE_LENGTH,
    threadIdleMs: e.FACTBOARD_THREAD_IDLE_MS,
    roomGraceMs: e.FACTBOARD_ROOM_GRACE_MS,
    logRetentionDays: e.FACTBOARD_LOG_RETENTION_DAYS,
    compactEvery: e.FACTBOARD_COMPACT_EVERY,
    connectionsPerMinute: e.FACTBOARD_CONNECTIONS_PER_MINUTE,
    messagesPerSecond: e.FACTBOARD_MESSAGES_PER_SECOND,
    messageBurst: e.FACTBOARD_MESSAGE_BURST,
    maxBufferedBytes: e.FACTBOARD_MAX_BUFFERED_BYTES,
    sqliteSynchronous: e.FACTBOARD_SQLITE_SYNCHRONOUS,
    demo: e.FACTBOARD_DEMO,
    logLevel: e.FACTBOARD_LOG_LEVEL,
  });
}

/**
 * Settings that another setting holds below their value, said at start (main: `setting capped`)
 * rather than found out from a refusal: an article is a request body, so an article limit above
 * the request limit is the request limit (a 3 MB article refused as "larger than 2.1 MB" with
 * FACTBOARD_MAX_ARTICLE_BYTES=5000000).
 */
export function cappedSettings(config: Config): {
  readonly variable: string;
  readonly value: number;
  readonly cappedAt: number;
  readonly by: string;
}[] {
  return config.maxArticleBytes > config.maxMessageBytes
    ? [
        {
          variable: 'FACTBOARD_MAX_ARTICLE_BYTES',
          value: config.maxArticleBytes,
          cappedAt: config.maxMessageBytes,
          by: 'FACTBOARD_MAX_MESSAGE_BYTES',
        },
      ]
    : [];
}
