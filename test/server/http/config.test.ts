import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cappedSettings,
  CONFIG_VARIABLES,
  ConfigError,
  DEFAULTS,
  loadConfig,
} from '../../../server/config';
import { unknownVariables } from '../../../server/unknownVariables';

/** A file that exists where a data directory could be asked for. */
const A_FILE = fileURLToPath(import.meta.url);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).problems];
  }
  return [];
}

describe('loadConfig', () => {
  it('has a documented default for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      secret: null,
      adminToken: null,
      metricsToken: null,
      publicUrl: null,
      maxMessageBytes: 2 * 1024 * 1024,
      maxArticleBytes: 1_000_000,
      idempotencyBoardBytes: DEFAULTS.idempotencyBoardBytes,
      idempotencyTotalBytes: DEFAULTS.idempotencyTotalBytes,
      extractTimeoutMs: 60_000,
      extractQueueLength: 16,
      boardJobTimeoutMs: 120_000,
      boardJobQueueLength: 8,
      threadIdleMs: 300_000,
      roomGraceMs: DEFAULTS.roomGraceMs,
      logRetentionDays: DEFAULTS.logRetentionDays,
      compactEvery: DEFAULTS.compactEvery,
      connectionsPerMinute: DEFAULTS.connectionsPerMinute,
      messagesPerSecond: DEFAULTS.messagesPerSecond,
      messageBurst: DEFAULTS.messageBurst,
      maxBufferedBytes: DEFAULTS.maxBufferedBytes,
      sqliteSynchronous: 'NORMAL',
      demo: true,
      logLevel: 'info',
    });
    expect(DEFAULTS.connectionsPerMinute).toBeGreaterThanOrEqual(1000);
  });

  it('reads overrides and trims a trailing slash off the public URL', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      FACTBOARD_DATA_DIR: '/tmp/x',
      FACTBOARD_SECRET: 'a secret of sixteen+',
      FACTBOARD_ADMIN_TOKEN: '',
      FACTBOARD_PUBLIC_URL: 'https://factboard.example.org/',
      FACTBOARD_MAX_MESSAGE_BYTES: '4096',
      FACTBOARD_COMPACT_EVERY: '10',
      FACTBOARD_EXTRACT_TIMEOUT_MS: '250',
      FACTBOARD_EXTRACT_QUEUE_LENGTH: '0',
      FACTBOARD_BOARD_JOB_TIMEOUT_MS: '500',
      FACTBOARD_BOARD_JOB_QUEUE_LENGTH: '0',
      FACTBOARD_THREAD_IDLE_MS: '1000',
      FACTBOARD_DEMO: '0',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      secret: 'a secret of sixteen+',
      adminToken: null,
      publicUrl: 'https://factboard.example.org',
      maxMessageBytes: 4096,
      compactEvery: 10,
      extractTimeoutMs: 250,
      extractQueueLength: 0,
      boardJobTimeoutMs: 500,
      boardJobQueueLength: 0,
      threadIdleMs: 1000,
      demo: false,
    });
    expect(loadConfig({ FACTBOARD_DEMO: ' 1 ' }).demo).toBe(true);
    expect(loadConfig({ FACTBOARD_DEMO: '' }).demo).toBe(true);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        FACTBOARD_PUBLIC_URL: 'javascript:alert(1)',
        FACTBOARD_SECRET: 'short',
        FACTBOARD_MAX_MESSAGE_BYTES: '-5',
        FACTBOARD_EXTRACT_TIMEOUT_MS: '0',
        FACTBOARD_EXTRACT_QUEUE_LENGTH: '-1',
        FACTBOARD_BOARD_JOB_TIMEOUT_MS: '0',
        FACTBOARD_BOARD_JOB_QUEUE_LENGTH: 'many',
        FACTBOARD_THREAD_IDLE_MS: '-1',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'FACTBOARD_PUBLIC_URL',
      'FACTBOARD_SECRET',
      'FACTBOARD_MAX_MESSAGE_BYTES',
      'FACTBOARD_EXTRACT_TIMEOUT_MS',
      'FACTBOARD_EXTRACT_QUEUE_LENGTH',
      'FACTBOARD_BOARD_JOB_TIMEOUT_MS',
      'FACTBOARD_BOARD_JOB_QUEUE_LENGTH',
      'FACTBOARD_THREAD_IDLE_MS',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('takes a public URL of scheme, host and port only, since the app is served at the root of its host', () => {
    // Under a path, every invite link (https://example.org/factboard/b/…) and the demo's lead
    // link would open a page the client does not route, its assets asked for at /assets/.
    for (const url of [
      'https://example.org/factboard',
      'https://example.org/factboard/',
      'https://example.org/?team=news',
      'https://example.org/#x',
    ]) {
      const problems = problemsOf({ FACTBOARD_PUBLIC_URL: url });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^FACTBOARD_PUBLIC_URL: must be the scheme, host and port only/);
    }
    expect(problemsOf({ FACTBOARD_PUBLIC_URL: 'ftp://example.org' })).toEqual([
      'FACTBOARD_PUBLIC_URL: must be an http(s) URL',
    ]);
    expect(
      loadConfig({ FACTBOARD_PUBLIC_URL: 'HTTPS://Factboard.Example.org:8443/' }).publicUrl,
    ).toBe('https://factboard.example.org:8443');
  });

  it('refuses, as it reads them, a demo switch other than 0 or 1, a malformed IPv4 HOST and a data directory that is a file', () => {
    expect(problemsOf({ FACTBOARD_DEMO: 'yes' })).toEqual([
      'FACTBOARD_DEMO: must be 0 or 1 (got "yes")',
    ]);
    expect(problemsOf({ HOST: '256.1.1.1' })).toEqual(['HOST: 256.1.1.1 is not an IPv4 address']);
    expect(problemsOf({ HOST: '127.0.0.1' })).toEqual([]);
    expect(problemsOf({ FACTBOARD_DATA_DIR: A_FILE })).toEqual([
      `FACTBOARD_DATA_DIR: ${A_FILE} is a file, not a directory`,
    ]);
    expect(problemsOf({ FACTBOARD_DATA_DIR: `${A_FILE}/data` })).toEqual([
      `FACTBOARD_DATA_DIR: ${A_FILE}/data cannot be created: ${A_FILE} is a file, not a directory`,
    ]);
  });

  it('says the allowed range of a number out of it, in one line per variable', () => {
    expect(
      problemsOf({
        PORT: '-1',
        FACTBOARD_LOG_RETENTION_DAYS: '-1',
        FACTBOARD_MAX_MESSAGE_BYTES: '99999999999999999999',
        FACTBOARD_COMPACT_EVERY: 'x',
        FACTBOARD_ROOM_GRACE_MS: '1.5',
      }),
    ).toEqual([
      'PORT: must be a whole number from 0 to 65535 (got "-1")',
      'FACTBOARD_MAX_MESSAGE_BYTES: must be a whole number from 1024 to 268435456 (got "99999999999999999999")',
      'FACTBOARD_ROOM_GRACE_MS: must be a whole number from 0 to 86400000 (got "1.5")',
      'FACTBOARD_LOG_RETENTION_DAYS: must be a whole number from 0 to 36500 (got "-1")',
      'FACTBOARD_COMPACT_EVERY: must be a whole number from 1 to 1000000 (got "x")',
    ]);
    expect(loadConfig({ PORT: ' 0 ', FACTBOARD_LOG_RETENTION_DAYS: '36500' })).toMatchObject({
      port: 0,
      logRetentionDays: 36_500,
    });
  });

  it('reads the log level, in any case, and refuses another word', () => {
    expect(loadConfig({ FACTBOARD_LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(loadConfig({ FACTBOARD_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(problemsOf({ FACTBOARD_LOG_LEVEL: 'verbose' })).toEqual([
      'FACTBOARD_LOG_LEVEL: must be one of error, warn, info, debug (got "verbose")',
    ]);
  });

  it('names the FACTBOARD_* variables it does not know, with the one probably meant', () => {
    expect(
      unknownVariables({
        FACTBOARD_DATADIR: '/tmp/x',
        FACTBOARD_SECERT: 'abc',
        FACTBOARD_SECRET: 'a known one',
        FACTBOARD_LOGLEVEL: 'debug',
        FACTBOARD_COLOUR: 'blue',
        // The test suite's own: a run with them set must not warn (main.test reads the output).
        FACTBOARD_SEED: '7',
        FACTBOARD_CHROMIUM: '/usr/bin/chromium',
        PATH: '/usr/bin',
      }),
    ).toEqual([
      { variable: 'FACTBOARD_COLOUR', didYouMean: null },
      { variable: 'FACTBOARD_DATADIR', didYouMean: 'FACTBOARD_DATA_DIR' },
      { variable: 'FACTBOARD_LOGLEVEL', didYouMean: 'FACTBOARD_LOG_LEVEL' },
      { variable: 'FACTBOARD_SECERT', didYouMean: 'FACTBOARD_SECRET' },
    ]);
  });

  it('describes every field as a variable (the README table is checked against them)', () => {
    const keys = Object.keys(loadConfig({})).sort();
    expect(CONFIG_VARIABLES.map((v) => v.key).sort()).toEqual(keys);
  });
});

describe('cappedSettings', () => {
  it('names an article limit above the request limit, which holds it down, and nothing else', () => {
    expect(cappedSettings(loadConfig({}))).toEqual([]);
    expect(
      cappedSettings(
        loadConfig({
          FACTBOARD_MAX_ARTICLE_BYTES: '5000000',
          FACTBOARD_MAX_MESSAGE_BYTES: '2097152',
        }),
      ),
    ).toEqual([
      {
        variable: 'FACTBOARD_MAX_ARTICLE_BYTES',
        value: 5_000_000,
        cappedAt: 2_097_152,
        by: 'FACTBOARD_MAX_MESSAGE_BYTES',
      },
    ]);
    expect(cappedSettings(loadConfig({ FACTBOARD_MAX_MESSAGE_BYTES: '8000000' }))).toEqual([]);
  });
});
