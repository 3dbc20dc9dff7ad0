/**
 * A card kept on an article removed from the board (B14: someone judged it, and the corrected
 * version the desk imported since has its sentence in other words) keeps its source in every
 * export, on the composed server (real SQLite, the real sync server and its history, a
 * y-websocket client): JSON `removedArticles`, the CSV's article columns, the Markdown source
 * line and the ClaimReview's `appearance`, all from the history's `article.removed` (QA22: they
 * named none of it). A board imported from the JSON export exports the same.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  moveCard,
  readBoard,
  removeArticle,
  setBoardMeta,
  setVerdict,
} from '../../../shared/board';
import { boardExportSchema, CSV_HEADER, type ClaimReview } from '../../../shared/export';
import type { TestClient } from '../../helpers/connectProvider';
import { createBoardOverRest, postJson } from '../../helpers/restApi';
import { useTestServer } from '../../helpers/http/useTestServer';
import { waitFor } from '../../helpers/waitFor';
import { parseCsvRows } from '../../helpers/parseCsvRows';

const live = useTestServer();

const SEED = readFileSync(
  new URL('../../../seeds/000_90c871332769486b.txt', import.meta.url),
  'utf8',
);
const V1 = { title: 'Prisons v1', url: 'https://news.example/v1' };
const V2 = { title: 'Prisons v2 (corrected)', url: 'https://news.example/v2' };

async function exportText(boardId: string, token: string, format: string): Promise<string> {
  const res = await fetch(`${live.server.url}/api/boards/${boardId}/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

const exportAll = async (boardId: string, token: string) => ({
  json: boardExportSchema.parse(JSON.parse(await exportText(boardId, token, 'json'))),
  csv: await exportText(boardId, token, 'csv'),
  md: await exportText(boardId, token, 'md'),
  claimReview: JSON.parse(await exportText(boardId, token, 'claimreview')) as ClaimReview[],
});

/** The CSV's rows as objects by header, by card id (fetch's text() drops the BOM). */
function csvRows(text: string): Map<string, Record<(typeof CSV_HEADER)[number], string>> {
  const [header, ...rows] = parseCsvRows(text);
  expect(header).toEqual([...CSV_HEADER]);
  return new Map(
    rows.map((row) => [
      row[0] ?? '',
      Object.fromEntries(CSV_HEADER.map((h, i) => [h, row[i] ?? ''])) as Record<
        (typeof CSV_HEADER)[number],
        string
      >,
    ]),
  );
}

type Exports = Awaited<ReturnType<typeof exportAll>>;

describe('a card kept on a removed article', () => {
  let boardId: string;
  let cardId: string;
  let sentence: string;
  let v1: { articleId: string };
  let v2: { articleId: string };
  let lead: TestClient;
  let before: Exports;

  beforeAll(async () => {
    const board = await createBoardOverRest(live.server.url, 'Removed source', 'Lena');
    boardId = board.id;
    const url = (path: string) => `${live.server.url}/api/boards/${board.id}${path}`;
    v1 = await postJson(url('/articles'), { ...V1, text: SEED }, board.leadToken);
    lead = await live.connect(board.id, board.leadToken);
    const organisation = { name: 'Desk', url: 'https://desk.example.org' };
    setBoardMeta(lead.doc, { organisation }, lead.as);
    const target = Object.values(readBoard(lead.doc).cards).find((c) =>
      c.claim.startsWith('Since October, some 500'),
    );
    expect(target?.source?.articleId).toBe(v1.articleId);
    cardId = target!.id;
    sentence = target!.source!.sentence;
    moveCard(lead.doc, cardId, { column: 'disputed', index: 0 }, lead.as);
    setVerdict(lead.doc, cardId, 'False', 'Only 300 were dismissed.', lead.as);
    await lead.allSaved();

    // The corrected version: the card's sentence in other words, so the card stays on v1.
    const corrected = SEED.replace('some 500 penitentiary', 'some 300 penitentiary');
    expect(corrected).not.toBe(SEED);
    v2 = await postJson(url('/articles'), { ...V2, text: corrected }, board.leadToken);
    await waitFor(() => lead.doc.getMap('articles').has(v2.articleId), {
      what: 'v2 at the client',
    });
    const removal = removeArticle(lead.doc, v1.articleId, lead.as);
    expect(removal.kept).toContain(cardId);
    expect(removal.moved.map((m) => m.cardId)).not.toContain(cardId);
    await lead.allSaved();
    before = await exportAll(board.id, board.leadToken);
  });

  it('JSON lists the removed article its card quotes beside the live ones', () => {
    expect(before.json.articles.map((a) => a.id)).toEqual([v2.articleId]);
    const card = before.json.cards.find((c) => c.id === cardId);
    expect(card?.source).toMatchObject({ articleId: v1.articleId, sentence });
    expect(before.json.removedArticles).toEqual([
      { id: v1.articleId, ...V1, removedBy: lead.as.actor, removedAt: expect.any(String) },
    ]);
  });

  it("CSV gives the card's article title and link, marked removed", () => {
    const rows = csvRows(before.csv);
    expect(rows.get(cardId)).toMatchObject({
      'source sentence': sentence,
      'article title': V1.title,
      'article url': V1.url,
      'article removed': 'yes',
    });
    const onV2 = before.json.cards.find((c) => c.source?.articleId === v2.articleId);
    expect(rows.get(onV2!.id)).toMatchObject({
      'article title': V2.title,
      'article url': V2.url,
      'article removed': 'no',
    });
  });

  it('Markdown links the removed article on the source line and says it was removed', () => {
    const card = before.json.cards.find((c) => c.id === cardId);
    expect(before.md).toContain(
      `” — [${V1.title}](${V1.url}) (article removed from the board) (characters ${card!.source!.start}–`,
    );
  });

  it("ClaimReview names the removed article as the claim's appearance", () => {
    const review = before.claimReview.find((r) => r.url.endsWith(`#claim-${cardId}`));
    const appearance = { '@type': 'CreativeWork', url: V1.url, name: V1.title };
    expect(review?.itemReviewed).toMatchObject({ appearance, firstAppearance: appearance });
  });

  it('a board imported from the JSON export exports the same content', async () => {
    const copy = await postJson<{ id: string; leadToken: string }>(
      `${live.server.url}/api/boards/import?name=Imke`,
      before.json,
    );
    expect(copy.id).not.toBe(boardId);
    const after = await exportAll(copy.id, copy.leadToken);
    expect(after.json.removedArticles).toEqual(before.json.removedArticles);
    expect(after.json.removedArticles).toHaveLength(1);
    expect(after.json.articles).toEqual(before.json.articles);
    expect(after.json.cards).toEqual(before.json.cards);
    expect(after.csv).toBe(before.csv);
    expect(after.claimReview).toEqual(before.claimReview);
    // Markdown but for its "Exported …" stamp.
    const unstamped = (md: string) => md.replace(/^Exported [^ ]+\. /m, '');
    expect(unstamped(after.md)).toBe(unstamped(before.md));
  });
});
