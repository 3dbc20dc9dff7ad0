/**
 * How the server reports what happens: one JSON line per event on stderr, with its time, level
 * and event name, then the event's fields (board id, invite id, close code…). Callers pass ids,
 * roles, names and codes, never tokens, signatures, secrets or board text (comments, claims);
 * as a guard, a field whose name speaks of a token, secret, signature or password is written as
 * "[redacted]" whatever it holds, and anything shaped like a token in a value as "[token]". Errors are reduced to their name, code and message.
 * Nothing on a hot path logs per sync message: connections, refusals and failures only.
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type SyncLogLevel = (typeof LOG_LEVELS)[number];
export type SyncLog = (
  level: SyncLogLevel,
  event: string,
  fields?: Record<string, unknown>,
) => void;

const SECRET_FIELD = /token|secret|signature|password/i;
/**
 * An invite token's shape (server/auth/tokens: base64url claims, a dot, the 43 base64url
 * characters of an HMAC-SHA256), wherever it stands in a value: a mangled link can put a token
 * where a board id goes (/sync/<token>, /api/boards/<token>/…), and the path or the board id
 * asked for is logged. It starts where a run of base64url characters starts (the lookbehind):
 * a match may only begin there anyway, and without it every position of a long run (a 16 KB
 * path of '-' with one '.') scanned the rest of the run, 0.8 s of the event loop per logged
 * request for anyone who can reach the server.
 */
const TOKEN_SHAPED = /(?<![\w-])[\w-]{8,}\.[\w-]{43}(?![\w-])/g;

const withoutTokens = (text: string) => text.replace(TOKEN_SHAPED, '[token]');

function plain(key: string, value: unknown): unknown {
  if (SECRET_FIELD.test(key)) return '[redacted]';
  if (typeof value === 'string') return withoutTokens(value);
  if (!(value instanceof Error)) return value;
  return {
    name: value.name,
    message: withoutTokens(value.message),
    code: (value as { code?: unknown }).code,
  };
}

/**
 * A log that writes events of `threshold` and more severe ones (error is the most severe,
 * debug the least) as lines through `write`.
 */
export function createSyncLog(
  threshold: SyncLogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
  now: () => Date = () => new Date(),
): SyncLog {
  const most = LOG_LEVELS.indexOf(threshold);
  return (level, event, fields = {}) => {
    if (LOG_LEVELS.indexOf(level) > most) return;
    const entries = Object.entries(fields).map(([k, v]) => [k, plain(k, v)]);
    const line = { time: now().toISOString(), level, event, ...Object.fromEntries(entries) };
    write(`${JSON.stringify(line)}\n`);
  };
}

/** Warnings and errors only: servers that tests start in-process stay quiet. */
export const defaultSyncLog: SyncLog = createSyncLog('warn');
