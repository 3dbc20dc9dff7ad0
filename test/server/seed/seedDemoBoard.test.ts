/**
 * The demo board (issue 5): built from the seed article on the first start with an empty data
 * directory, once, with the article's attribution; FACTBOARD_DEMO=0 turns it off. The last
 * test runs `npm start`'s entry as a child process, as a new user would.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, seedDemoBoardIfEmpty } from '../../../server/seed/seedDemoBoardIfEmpty';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let dir: TempDir;
let server: TestServer | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
  dir?.remove();
});

function boardIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'factboard.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM boards').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

describe('seedDemoBoardIfEmpty', () => {
  it('builds one demo board from the seed article on an empty data directory, and only once', async () => {
    dir = makeTempDir('factboard-seed-');
    server = await startTestServer({ dataDir: dir.path });
    const demo = await seedDemoBoardIfEmpty(server);
    expect(demo).not.toBeNull();
    expect(boardIds(dir.path)).toEqual([demo!.boardId]);

    const board = await server.board(demo!.boardId);
    expect(board.meta.title).toBe('Demo: El Salvador prisons');
    expect(board.articles).toHaveLength(1);
    const article = board.articles[0]!;
    expect(article.title).toContain('InSight Crime');
    expect(article.url).toBe('https://insightcrime.org/');
    const cards = Object.values(board.cards);
    expect(cards.length).toBeGreaterThanOrEqual(15);
    expect(cards.length).toBe(demo!.cards);
    expect(board.columns.unverified).toHaveLength(cards.length);
    for (const card of cards) {
      expect(card.source?.articleId).toBe(article.id);
      expect(article.text.slice(card.source!.start, card.source!.end)).toBe(card.source!.sentence);
      expect(card.extraction?.rank).toBeGreaterThan(0);
    }
    expect(cards.filter((c) => c.speaker).length).toBeGreaterThanOrEqual(5);

    // The printed link is the lead's: its token opens the lead-only invite list.
    const url = new URL(demo!.leadUrl);
    expect(url.pathname).toBe(`/b/${demo!.boardId}`);
    const token = /^#invite=(.+)$/.exec(url.hash)?.[1];
    const invites = await request(server.url, 'GET', `/api/boards/${demo!.boardId}/invites`, {
      token,
    });
    expect(invites.status).toBe(200);

    // A restart on the same data directory finds the board and adds nothing.
    await server.stop();
    server = await startTestServer({ dataDir: dir.path });
    expect(await seedDemoBoardIfEmpty(server)).toBeNull();
    expect(boardIds(dir.path)).toEqual([demo!.boardId]);
    expect(Object.keys((await server.board(demo!.boardId)).cards)).toHaveLength(cards.length);
  });

  it('does nothing when the data directory already has a board', async () => {
    dir = makeTempDir('factboard-seed-');
    server = await startTestServer({ dataDir: dir.path });
    const mine = await request(server.url, 'POST', '/api/boards', { json: { title: 'Mine' } });
    expect(await seedDemoBoardIfEmpty(server)).toBeNull();
    expect(boardIds(dir.path)).toEqual([mine.body.id]);
  });

  it('FACTBOARD_DEMO=0 (config.demo false) turns it off', async () => {
    dir = makeTempDir('factboard-seed-');
    server = await startTestServer({ dataDir: dir.path, demo: false });
    expect(await seedDemoBoardIfEmpty(server)).toBeNull();
    expect(boardIds(dir.path)).toEqual([]);
  });
});

it('npm start on an empty data directory prints the demo board link, which is served', async () => {
  dir = makeTempDir('factboard-seed-main-');
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FACTBOARD_DATA_DIR: dir.path },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    let output = '';
    const leadUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Demo board "(.+)", open it as its lead: (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[2] as string);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    expect(output).toContain(`Demo board "${DEMO.boardTitle}"`);
    const url = new URL(leadUrl);
    const token = /^#invite=(.+)$/.exec(url.hash)?.[1];
    const history = await request(
      url.origin,
      'GET',
      `${url.pathname.replace('/b/', '/api/boards/')}/history`,
      {
        token,
      },
    );
    expect(history.status).toBe(200);
    const created = (history.body.events as { type: string }[]).filter(
      (e) => e.type === 'card.created',
    );
    expect(created.length).toBeGreaterThanOrEqual(15);
    console.log(`npm start (without the build) to a served demo board: ${Date.now() - started} ms`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}, 30_000);
