/**
 * An export "as of" a moment before a lead's redaction, against the composed server (REST and
 * sync on one port, a real SQLite file): the words are gone from storage, and the file says
 * why, as an export of now does (found by QA: a live comment with no text and no mark, which
 * the same file's history called redacted, and which its import kept as a live empty comment).
 * Its import, and that of such a file from a version that did not mark it, gives a board whose
 * comment is redacted; a live comment with no text and no mark anywhere is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClaim, addComment } from '../../../shared/board';
import type { BoardExport } from '../../../shared/export';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { exportOverRest, importOverRest } from '../../helpers/http/exportOverRest';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

const SECRET = 'Marisol Quintanilla-Ybarra';
const REPLY = 'Thanks, asking the ministry';

let server: TestServer;
let boardId: string;
let leadToken: string;
let lead: TestClient;
let rita: TestClient;

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

beforeEach(async () => {
  server = await startTestServer();
  const board = await createBoardOverRest(server.url, 'As of', 'Lena');
  boardId = board.id;
  leadToken = board.leadToken;
  const reviewer = await inviteOverRest(server.url, board, 'Rita', 'reviewer');
  lead = connectProvider(syncUrl(), boardId, leadToken);
  rita = connectProvider(syncUrl(), boardId, reviewer.token);
  await Promise.all([lead.synced(), rita.synced()]);
});
afterEach(async () => {
  lead?.destroy();
  rita?.destroy();
  await server?.stop();
});

/** Redacts a comment of the current board for good, as its lead. */
async function redact(commentId: string) {
  const res = await request(
    server.url,
    'POST',
    `/api/boards/${boardId}/comments/${commentId}/redact`,
    {
      token: leadToken,
    },
  );
  expect(res.status).toBe(200);
}

const exportAs = (format: 'json' | 'csv' | 'md', at?: string) =>
  exportOverRest(server.url, boardId, leadToken, format, at);
const importFile = (file: unknown) => importOverRest(server.url, file);

/**
 * A card with two of Rita's comments naming the source, one answered by the lead, both
 * redacted by the lead after the moment returned.
 */
async function redactedSince() {
  const cardId = addClaim(lead.doc, { claim: 'Rents doubled since 2015' }, lead.as);
  await lead.allSaved();
  await waitFor(() => rita.doc.getMap('cards').has(cardId), { what: 'the card on Rita’s board' });
  const answered = addComment(rita.doc, cardId, { text: `Source is ${SECRET}` }, rita.as);
  const alone = addComment(rita.doc, cardId, { text: `${SECRET}, 555-0142` }, rita.as);
  await rita.allSaved();
  await waitFor(() => lead.doc.getMap('comments').has(answered), { what: 'the comment' });
  const replyId = addComment(lead.doc, cardId, { text: REPLY, parentId: answered }, lead.as);
  await lead.allSaved();
  const at = Date.now();
  // The redactions come at a later millisecond than the moment exported.
  await waitFor(() => Date.now() > at, { what: 'the next millisecond' });
  for (const commentId of [answered, alone]) {
    await redact(commentId);
  }
  return { cardId, answered, alone, replyId, at: new Date(at).toISOString() };
}

/** The Markdown report's comment threads (the card's "Comments" section). */
const commentsSection = (md: string) => {
  const lines = md.split('\n');
  const start = lines.indexOf('**Comments**');
  expect(start).toBeGreaterThan(-1);
  return lines.slice(start, lines.indexOf('', start + 2));
};

describe('an export as of a moment before a redaction', () => {
  it('marks the comment redacted in every format, as an export of now does', async () => {
    const { answered, alone, at } = await redactedSince();
    const now = (await exportAs('json')) as BoardExport;
    const then = (await exportAs('json', at)) as BoardExport;
    expect(then.asOf).toBe(at);

    // JSON: the comments as the redaction left them (deleted at it, marked), the reply as it is.
    const nowComments = now.cards[0]!.comments;
    expect(then.cards[0]!.comments).toEqual(nowComments);
    for (const id of [answered, alone]) {
      const comment = then.cards[0]!.comments.find((c) => c.id === id);
      expect(comment).toMatchObject({ text: '', redacted: { by: { name: 'Lena' } } });
      expect(comment?.deletedAt).toBe(comment?.redacted?.at);
    }
    // The file agrees with itself: its history marks the post with the same mark.
    const posted = then.history.find(
      (e) => e.type === 'comment.posted' && e.data.commentId === alone,
    );
    expect(posted?.data.redacted).toMatchObject({ by: { name: 'Lena' } });

    // Markdown and CSV: as a redacted comment in an export of now (the answered one a deleted
    // line its reply hangs off, the other, with nothing live in its thread, left out).
    const md = (await exportAs('md', at)) as string;
    expect(commentsSection(md)).toEqual(commentsSection((await exportAs('md')) as string));
    expect(commentsSection(md).join('\n')).toContain('**Rita**');
    expect(commentsSection(md).join('\n')).toContain('_(deleted)_');
    expect(commentsSection(md)).toHaveLength(5);
    const csv = (await exportAs('csv', at)) as string;
    expect(csv).toBe(await exportAs('csv'));
    expect(csv).toContain('[deleted]');
    expect(csv).toContain(REPLY);

    // No words anywhere.
    for (const text of [JSON.stringify(then), md, csv]) expect(text).not.toContain(SECRET);
  });

  it('imports as a board whose comments are redacted', async () => {
    const { cardId, answered, alone, replyId, at } = await redactedSince();
    const res = await importFile(await exportAs('json', at));
    expect(res.status).toBe(201);
    const comments = (await server.board(res.body.id)).cards[cardId]!.comments;
    for (const id of [answered, alone]) {
      const comment = comments.find((c) => c.id === id);
      expect([comment?.text, comment?.deletedAt !== null, comment?.redacted?.by.name]).toEqual([
        '',
        true,
        'Lena',
      ]);
    }
    expect(comments.find((c) => c.id === replyId)?.text).toBe(REPLY);
  });

  it('imports such a file from a version that left the comment unmarked; refuses one with no mark anywhere', async () => {
    const { cardId, alone, at } = await redactedSince();
    const file = (await exportAs('json', at)) as BoardExport;
    // What that version wrote: the comment live, empty and unmarked; its history marked.
    const unmarked = (f: BoardExport): BoardExport => ({
      ...f,
      cards: f.cards.map((card) => ({
        ...card,
        comments: card.comments.map((c) =>
          c.id === alone ? { ...c, deletedAt: null, redacted: null } : c,
        ),
      })),
    });
    const old = unmarked(file);
    // The mark the history's post of it carries (the redaction's own lead and time).
    const posted = old.history.find(
      (e) => e.type === 'comment.posted' && e.data.commentId === alone,
    );
    const redaction = posted?.data.redacted as { by: { name: string }; at: number } | undefined;
    expect(redaction?.by.name).toBe('Lena');

    const res = await importFile(old);
    expect(res.status).toBe(201);
    const comment = (await server.board(res.body.id)).cards[cardId]!.comments.find(
      (c) => c.id === alone,
    );
    expect(comment?.text).toBe('');
    expect(comment?.redacted?.by.name).toBe('Lena');
    expect(comment?.redacted?.at).toBe(redaction?.at);
    expect(comment?.deletedAt).toBe(redaction?.at);

    // Nothing says it was redacted: a live comment with no text, which no command makes.
    const noMark: BoardExport = {
      ...old,
      history: old.history.filter((e) => e.data.commentId !== alone),
    };
    const refused = await importFile(noMark);
    expect([refused.status, errorCode(refused)]).toEqual([400, 'invalid_export']);
    const index = old.cards[0]!.comments.findIndex((c) => c.id === alone);
    expect(refused.body.error.details).toEqual([
      expect.stringMatching(new RegExp(`^cards\\.0\\.comments\\.${index}\\.text: .*needs text`)),
    ]);
  });

  it('marks a comment whose words no event held (a file imported without its history)', async () => {
    const cardId = addClaim(lead.doc, { claim: 'Rents doubled since 2015' }, lead.as);
    const commentId = addComment(lead.doc, cardId, { text: `Source is ${SECRET}` }, lead.as);
    await lead.allSaved();
    const file = (await exportAs('json')) as BoardExport;
    const copy = await importFile({ ...file, history: [] });
    expect(copy.status).toBe(201);
    boardId = copy.body.id;
    leadToken = copy.body.leadToken;
    const at = Date.now();
    await waitFor(() => Date.now() > at, { what: 'the next millisecond' });
    await redact(commentId);

    // Only the comment.redacted event says so: the lead who redacted it (the copy's, "Lead"), and when.
    const then = (await exportAs('json', new Date(at).toISOString())) as BoardExport;
    expect(then.history.filter((e) => e.data.commentId === commentId)).toEqual([]);
    const comment = then.cards[0]!.comments[0]!;
    expect([comment.text, comment.redacted?.by.name]).toEqual(['', 'Lead']);
    expect(comment.deletedAt).toBe(comment.redacted?.at);
    expect(JSON.stringify(then)).not.toContain(SECRET);
  });
});
