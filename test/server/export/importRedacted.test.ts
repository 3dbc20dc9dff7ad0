/**
 * A board import of a file that marks a comment redacted, against the composed server (REST and
 * sync on one port, a real SQLite file). Found by QA: words under a redaction mark were imported
 * (201), the board hiding them under the lead the file named while every export showed them;
 * and words put back into the history events of a redacted comment were carried over. Such a
 * comment is refused; its events come in emptied and marked, as the redaction leaves them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addClaim, addComment, editComment } from '../../../shared/board';
import type { BoardExport } from '../../../shared/export';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { exportOverRest, importOverRest } from '../../helpers/http/exportOverRest';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

const SECRET = 'Marisol Quintanilla-Ybarra';
const KEPT = 'Ask the ministry for the 2023 series';
/** What an edited file puts back. */
const PLANTED = 'PLANTED under the mark';

let server: TestServer;
let lead: TestClient;
let rita: TestClient;
let board: { id: string; leadToken: string };

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

beforeEach(async () => {
  server = await startTestServer();
  board = await createBoardOverRest(server.url, 'Import redacted', 'Lena');
  const reviewer = await inviteOverRest(server.url, board, 'Rita', 'reviewer');
  lead = connectProvider(syncUrl(), board.id, board.leadToken);
  rita = connectProvider(syncUrl(), board.id, reviewer.token);
  await Promise.all([lead.synced(), rita.synced()]);
});
afterEach(async () => {
  lead?.destroy();
  rita?.destroy();
  await server?.stop();
});

const exportOf = async (id: string, token: string, format: 'json' | 'csv' | 'md') => {
  const body = await exportOverRest(server.url, id, token, format);
  return format === 'json' ? JSON.stringify(body) : (body as string);
};
const importFile = (file: unknown) => importOverRest(server.url, file);

/**
 * A card with two of Rita's comments: one posted, edited and then redacted by the lead (its
 * events, `comment.posted` and `comment.edited`, marked), the other kept; and the board's JSON
 * export.
 */
async function exportedRedaction() {
  const cardId = addClaim(lead.doc, { claim: 'Rents doubled since 2015' }, lead.as);
  await lead.allSaved();
  await waitFor(() => rita.doc.getMap('cards').has(cardId), { what: 'the card on Rita’s board' });
  const redacted = addComment(rita.doc, cardId, { text: `Source is ${SECRET}` }, rita.as);
  editComment(rita.doc, redacted, `Source is ${SECRET}, 555-0142`, rita.as);
  const kept = addComment(rita.doc, cardId, { text: KEPT }, rita.as);
  await rita.allSaved();
  await waitFor(() => lead.doc.getMap('comments').has(kept), { what: 'the comments' });
  const res = await request(
    server.url,
    'POST',
    `/api/boards/${board.id}/comments/${redacted}/redact`,
    { token: board.leadToken },
  );
  expect(res.status).toBe(200);
  const file = JSON.parse(await exportOf(board.id, board.leadToken, 'json')) as BoardExport;
  const comments = file.cards[0]!.comments;
  return {
    file,
    redacted,
    kept,
    redactedIndex: comments.findIndex((c) => c.id === redacted),
    keptIndex: comments.findIndex((c) => c.id === kept),
  };
}

/** The file with one comment of its only card changed. */
const withComment = (
  file: BoardExport,
  id: string,
  change: Partial<BoardExport['cards'][number]['comments'][number]>,
): BoardExport => ({
  ...file,
  cards: file.cards.map((card) => ({
    ...card,
    comments: card.comments.map((c) => (c.id === id ? { ...c, ...change } : c)),
  })),
});

describe('POST /api/boards/import of a comment marked redacted', () => {
  it('refuses one with words under the mark, its own or its history’s, creating nothing', async () => {
    const { file, redacted, kept, redactedIndex, keptIndex } = await exportedRedaction();
    const createBoardWithLead = vi.spyOn(server.storage, 'createBoardWithLead');
    const refused = async (altered: BoardExport, index: number, why: string) => {
      const res = await importFile(altered);
      expect([res.status, errorCode(res)]).toEqual([400, 'invalid_export']);
      expect(res.body.error.details).toEqual([
        `cards.0.comments.${index}.text: a redacted comment has no text (comment ${JSON.stringify(
          altered.cards[0]!.comments[index]!.id,
        )} is marked redacted ${why})`,
      ]);
    };
    try {
      // The redacted comment with its words back.
      await refused(
        withComment(file, redacted, { text: PLANTED }),
        redactedIndex,
        'by its own mark',
      );
      // A live comment credited to a lead who never redacted it, its words kept (QA's file).
      await refused(
        withComment(file, kept, {
          redacted: { by: { id: 'someleadid000000', name: 'Lead Lou' }, at: file.exportedAt },
        }),
        keptIndex,
        'by its own mark',
      );
      // A live comment with words whose post the history marks redacted.
      await refused(
        {
          ...file,
          history: file.history.map((e) =>
            e.type === 'comment.posted' && e.data.commentId === kept
              ? {
                  ...e,
                  data: { ...e.data, redacted: { by: { id: 'x', name: 'Lead Lou' }, at: 1 } },
                }
              : e,
          ),
        },
        keptIndex,
        "by an event of it in the file's history",
      );
      expect(createBoardWithLead).not.toHaveBeenCalled();
    } finally {
      createBoardWithLead.mockRestore();
    }
    // The file as exported imports.
    expect((await importFile(file)).status).toBe(201);
  });

  it('imports the history of a redacted comment with no words, whatever the file put back', async () => {
    const { file, redacted } = await exportedRedaction();
    const mark = file.cards[0]!.comments.find((c) => c.id === redacted)!.redacted!;
    const ofRedacted = file.history.filter((e) => e.data.commentId === redacted);
    expect(ofRedacted.map((e) => e.type)).toEqual([
      'comment.posted',
      'comment.edited',
      'comment.redacted',
    ]);
    const altered: BoardExport = {
      // Redacted but not deleted: imported deleted at the redaction, as it leaves one.
      ...withComment(file, redacted, { deletedAt: null }),
      history: file.history.map((e) => {
        if (e.data.commentId !== redacted) return e;
        // Words back in the post (still marked) and the edit (its mark gone too).
        if (e.type === 'comment.posted') return { ...e, data: { ...e.data, text: PLANTED } };
        if (e.type === 'comment.edited') {
          const { redacted: _mark, ...data } = e.data;
          return { ...e, data: { ...data, text: PLANTED, was: PLANTED } };
        }
        return e;
      }),
    };
    const res = await importFile(altered);
    expect(res.status).toBe(201);
    const copy = res.body as { id: string; leadToken: string };

    const comment = (await server.board(copy.id)).cards[file.cards[0]!.id]!.comments.find(
      (c) => c.id === redacted,
    );
    expect(comment?.text).toBe('');
    expect(comment?.redacted?.by.name).toBe('Lena');
    expect(comment?.deletedAt).toBe(Date.parse(mark.at));

    // The history API: the events in their place, emptied and marked with the redaction.
    const history = await request(server.url, 'GET', `/api/boards/${copy.id}/history`, {
      token: copy.leadToken,
    });
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toContain(PLANTED);
    const events = (
      history.body as { events: { type: string; data: Record<string, unknown> }[] }
    ).events.filter((e) => e.data.commentId === redacted);
    const expected = { by: mark.by, at: Date.parse(mark.at) };
    expect(events.map((e) => [e.type, e.data.text, e.data.was, e.data.redacted])).toEqual([
      ['comment.posted', '', undefined, expected],
      ['comment.edited', '', '', expected],
      ['comment.redacted', undefined, undefined, undefined],
    ]);

    // Every export of the new board: no words of the comment, the other one's kept.
    for (const format of ['json', 'md', 'csv'] as const) {
      const text = await exportOf(copy.id, copy.leadToken, format);
      expect(text).not.toContain(PLANTED);
      expect(text).not.toContain(SECRET);
      expect(text).toContain(KEPT);
    }
  });
});
