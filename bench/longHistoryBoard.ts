/**
 * A board as a newsroom leaves it after weeks of work, made through the real server: articles
 * imported over REST (their claims become cards with their source and extraction signals), then
 * each card worked on in changes of its own, as colleagues make them (taken, evidence, a
 * comment, a claim edit, a verdict with a move, released), each stored with its history events.
 * About 600 cards give some 4,200 history events and a 1.2 MB Yjs document, like the board QA
 * measured a first visit on (3,700 events, 1.3 MB).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import {
  type Actor,
  addComment,
  addEvidence,
  assignCard,
  type ColumnId,
  cardsMap,
  editCard,
  moveCard,
  readOneCard,
  setVerdict,
} from '../shared/board';
import type { RunningServer } from '../server/startServer';
import { postJson } from '../test/helpers/restApi';

const ARTICLES = [
  'seeds/000_90c871332769486b.txt',
  'test/fixtures/articles/egg-prices-wire.txt',
  'test/fixtures/articles/riverton-flood-barrier.txt',
  'test/fixtures/articles/agua-monterrey-wire.es.txt',
  'test/fixtures/articles/honduras-carceles.es.txt',
].map((path) => readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8'));

const EDITORS: readonly Actor[] = [
  { id: 'editor-ana', name: 'Ana Ortiz' },
  { id: 'editor-bo', name: 'Bo Lindqvist' },
  { id: 'editor-carl', name: 'Carl Mensah' },
];

/** The verdicts of the default rating scale, by the column they belong in. */
const VERDICTS: Partial<Record<ColumnId, string>> = {
  corroborated: 'True',
  disputed: 'False',
};

export interface LongHistoryBoard {
  readonly id: string;
  readonly leadToken: string;
  readonly leadUrl: string;
  readonly cards: number;
  /** The Yjs document as the server stores it, in bytes. */
  readonly bytes: number;
}

/**
 * The n-th edition of an article: every digit turned by `n`, and from the second on, every
 * sentence told apart by its edition before its stop. The import proposes no card for a
 * sentence the board has one of, so with the digits alone a sentence without figures gave a
 * card in the first edition only; the imports then ran past ten editions, where the digits come
 * round again, and the same text again was refused as already there (200, not 201).
 */
function edition(text: string, n: number): string {
  const turned = text.replace(/\d/g, (d) => String((Number(d) + n) % 10));
  return n === 1 ? turned : turned.replace(/(\p{L})([.!?])(?=\s|$)/gu, `$1 (edition ${n})$2`);
}

export async function buildLongHistoryBoard(
  server: RunningServer,
  cards = 600,
): Promise<LongHistoryBoard> {
  const board = await postJson<{ id: string; leadToken: string; leadUrl: string }>(
    `${server.url}/api/boards`,
    { title: 'Election week fact-check', name: 'Bench lead' },
  );
  let made = 0;
  for (let n = 0; made < cards; n++) {
    const text = ARTICLES[n % ARTICLES.length] as string;
    const imported = await postJson<{ cards: unknown[] }>(
      `${server.url}/api/boards/${board.id}/articles`,
      { title: `Wire report ${n + 1}`, text: edition(text, Math.floor(n / ARTICLES.length) + 1) },
      board.leadToken,
    );
    made += imported.cards.length;
  }
  const ids = await server.syncServer.read(board.id, (doc) => [...cardsMap(doc).keys()]);
  for (const [i, cardId] of ids.entries()) {
    const by = EDITORS[i % EDITORS.length] as Actor;
    const ctx = { actor: by };
    const change = (fn: (doc: Y.Doc) => void) => server.syncServer.change(board.id, by, fn);
    await change((doc) => assignCard(doc, cardId, by, ctx));
    await change((doc) =>
      addEvidence(
        doc,
        cardId,
        {
          url: `https://statistics.example.org/releases/${i}`,
          quote: 'The office published the series on Tuesday; the figure matches its table 3.',
          stance: i % 3 === 2 ? 'refutes' : 'supports',
          note: 'Checked against the original release.',
        },
        ctx,
      ),
    );
    await change((doc) =>
      addComment(
        doc,
        cardId,
        { text: `@Ana Ortiz can you check the date on this one? (${i})` },
        ctx,
      ),
    );
    if (i % 2 === 0) {
      await change((doc) => {
        const claim = readOneCard(doc, cardId)?.claim ?? '';
        editCard(doc, cardId, { claim: `${claim} (as reported)` }, ctx);
      });
    }
    const column: ColumnId | null = i % 3 === 0 ? null : i % 3 === 1 ? 'corroborated' : 'disputed';
    if (column) {
      await change((doc) => moveCard(doc, cardId, { column, index: 0 }, ctx));
      await change((doc) => setVerdict(doc, cardId, VERDICTS[column] ?? null, undefined, ctx));
    }
    await change((doc) => assignCard(doc, cardId, null, ctx));
  }
  const bytes = await server.syncServer.read(
    board.id,
    (doc) => Y.encodeStateAsUpdate(doc).byteLength,
  );
  return { ...board, cards: ids.length, bytes };
}
