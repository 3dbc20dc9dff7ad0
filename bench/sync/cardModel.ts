/**
 * Realistic board content for the sync bench, in Factboard's board layout (shared/board/schema):
 * an article, cards with a 100-character claim quoting a 300-character sentence of it, two
 * comments each in the flat comments map; and the one edit the latency runs make, a real `editCard` command.
 *
 * The 10,000-card board is written as plain Y.Maps in the same layout rather than with
 * the commands, so that building it costs the bench no more than the bytes it sends.
 */
import * as Y from 'yjs';
import {
  type Actor,
  addArticle,
  addClaim,
  CARD_KEYS,
  COMMENT_KEYS,
  COLUMNS,
  editCard,
  rankBetween,
  ROOT,
} from '../../shared/board';

/** Who writes the bench's cards and edits where a server does not say (relay, reference). */
export const BENCH_ACTOR: Actor = { id: 'bench-editor', name: 'Bench editor' };
const WORDS = (
  'the minister said unemployment fell by four percent last year while wages rose faster than ' +
  'inflation in every region according to figures published by the national statistics office ' +
  'on tuesday although critics noted the survey changed its method twice since the election'
).split(' ');

/** Deterministic prose of exactly `length` characters, varied by `seed`. */
function prose(seed: number, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += (out === '' ? '' : ' ') + WORDS[(seed * 7 + i * 13) % WORDS.length];
  }
  return out.slice(0, length);
}

/** Ranks in index order, made by the board's own rank code (short keys, as appends make). */
const ranks: string[] = [];
function rankOf(index: number): string {
  while (ranks.length <= index) ranks.push(rankBetween(ranks.at(-1) ?? null, null));
  return ranks[index] as string;
}

/**
 * The article the cards quote: each card's sentence is 300 characters of it at the card's
 * offsets, as Factboard's server requires (checkSources), at one of a few hundred places.
 */
export const BENCH_ARTICLE_TEXT = prose(1, 4_000);
const ARTICLE_ID = 'bench-article';
const SENTENCE = 300;

/**
 * Where the cards' article comes from: written with the board under `id` (for servers that
 * take any update), or already on the board under `id` (Factboard takes articles only from an
 * import: RoomAccess.importArticle); null for cards that quote no article.
 */
export type BoardArticle = { readonly id: string; readonly upload: boolean } | null;

/** The article of a board on a server that imported it under `importedId`, or of one that did not. */
export const quotedArticle = (importedId: string | undefined): BoardArticle =>
  importedId === undefined ? { id: ARTICLE_ID, upload: true } : { id: importedId, upload: false };

function writeCard(
  doc: Y.Doc,
  index: number,
  now: number,
  author: Actor,
  articleId: string | null,
): void {
  const id = `card-${index}`;
  const card = new Y.Map<unknown>();
  card.set(CARD_KEYS.id, id);
  card.set(CARD_KEYS.claim, prose(index, 100));
  const start = (index * 37) % (BENCH_ARTICLE_TEXT.length - SENTENCE);
  card.set(
    CARD_KEYS.source,
    articleId === null
      ? null
      : {
          articleId,
          start,
          end: start + SENTENCE,
          sentence: BENCH_ARTICLE_TEXT.slice(start, start + SENTENCE),
        },
  );
  card.set(CARD_KEYS.speaker, 'A. Minister');
  card.set(CARD_KEYS.pos, { column: COLUMNS[index % COLUMNS.length], rank: rankOf(index) });
  card.set(CARD_KEYS.verdict, null);
  card.set(CARD_KEYS.rationale, '');
  card.set(CARD_KEYS.assignee, null);
  card.set(CARD_KEYS.evidence, new Y.Array());
  card.set(CARD_KEYS.extraction, null);
  card.set(CARD_KEYS.createdBy, author);
  card.set(CARD_KEYS.createdAt, now);
  card.set(CARD_KEYS.updatedBy, author);
  card.set(CARD_KEYS.updatedAt, now);
  doc.getMap(ROOT.cards).set(id, card);
  for (let c = 0; c < 2; c++) {
    const commentId = `comment-${index}-${c}`;
    const comment = new Y.Map<unknown>();
    comment.set(COMMENT_KEYS.id, commentId);
    comment.set(COMMENT_KEYS.cardId, id);
    comment.set(COMMENT_KEYS.parentId, null);
    comment.set(COMMENT_KEYS.text, prose(index + c + 2, 120));
    comment.set(COMMENT_KEYS.author, author);
    comment.set(COMMENT_KEYS.createdAt, now);
    comment.set(COMMENT_KEYS.editedAt, null);
    comment.set(COMMENT_KEYS.deletedAt, null);
    comment.set(COMMENT_KEYS.resolved, false);
    comment.set(COMMENT_KEYS.resolvedBy, null);
    doc.getMap(ROOT.comments).set(commentId, comment);
  }
}

export interface BuiltBoard {
  /** One update per `cardsPerUpdate` cards, each well under the servers' message caps. */
  readonly updates: readonly Uint8Array[];
  readonly stateVector: Uint8Array;
  readonly bytes: number;
}

/**
 * Writes `cards` cards, one transaction per `cardsPerUpdate`, and returns the updates. The
 * author is the uploading connection's: Factboard keeps comments in their author's own name.
 */
export function buildBoard(
  cards: number,
  author: Actor = BENCH_ACTOR,
  article: BoardArticle = quotedArticle(undefined),
  cardsPerUpdate = 500,
): BuiltBoard {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const now = Date.now();
  const ctx = { actor: author, now: () => now };
  if (article?.upload) {
    addArticle(doc, { id: article.id, title: 'Bench article', text: BENCH_ARTICLE_TEXT }, ctx);
  }
  for (let first = 0; first < cards; first += cardsPerUpdate) {
    doc.transact(() => {
      for (let i = first; i < Math.min(cards, first + cardsPerUpdate); i++)
        writeCard(doc, i, now, author, article?.id ?? null);
    });
  }
  const stateVector = Y.encodeStateVector(doc);
  const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
  doc.destroy();
  return { updates, stateVector, bytes };
}

/**
 * Each load client's own card, added with the board model's command in the name of its
 * connection (Factboard takes a card's creator and updater only as the sender's own invite).
 */
export function addOwnCard(doc: Y.Doc, sender: number, actor: Actor): string {
  return addClaim(doc, { claim: prose(sender, 100) }, { actor });
}

const MARKER_OPEN = Buffer.from('[bm:');

/**
 * A realistic rationale edit whose text starts with a marker naming the sender and sequence
 * number, so receivers can tell which send it was without applying it to a doc.
 */
export function editRationale(
  doc: Y.Doc,
  cardId: string,
  sender: number,
  seq: number,
  actor: Actor,
): void {
  const rationale = `[bm:${sender}.${seq}] ${prose(sender + seq, 110)}`;
  editCard(doc, cardId, { rationale }, { actor });
}

/** Calls `visit` for every marker in an update's bytes (strings are stored as plain UTF-8). */
export function scanMarkers(
  update: Uint8Array,
  visit: (sender: number, seq: number) => void,
): void {
  const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  let at = bytes.indexOf(MARKER_OPEN);
  while (at >= 0) {
    let i = at + MARKER_OPEN.length;
    let sender = 0;
    let seq = 0;
    for (; bytes[i] !== 0x2e && i < bytes.length; i++)
      sender = sender * 10 + (bytes[i] as number) - 48;
    for (i++; bytes[i] !== 0x5d && i < bytes.length; i++)
      seq = seq * 10 + (bytes[i] as number) - 48;
    visit(sender, seq);
    at = bytes.indexOf(MARKER_OPEN, i);
  }
}
