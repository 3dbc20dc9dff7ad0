/**
 * Importing a JSON export: validate everything first (schema, then the references between
 * items), and only then offer `apply`, which writes the whole board into an empty doc in one
 * transaction. A file with any problem yields the full list of problems and writes nothing.
 *
 * Ids, authors and times are kept as they are in the file: ids are only unique within a
 * board, so a new board may reuse them, and keeping them lets history events still point at
 * their cards. The board itself gets a new id from whoever creates it.
 */
import type * as Y from 'yjs';
import { CommandOrigin, type CommandContext } from '../board/origin';
import { isValidRank, rankBetween } from '../board/rank';
import {
  articlesMap,
  cardsMap,
  COLUMNS,
  COMMENT_REDACTED_KEY,
  commentsMap,
  META_KEYS,
  metaMap,
  newArticleMap,
  newCardMap,
  newCommentMap,
  newScaleMap,
  SCHEMA_VERSION,
} from '../board/schema';
import { type RedactedMark, redactHistoryData } from '../history/redactHistoryData';
import { markIn, redactionMarks } from '../history/redactionMarks';
import { ExportError } from './ExportError';
import { parseWellFormedJson } from '../wellFormed';
import {
  type BoardExport,
  boardExportSchema,
  type ExportedCard,
  exportedCommentSchema,
} from './exportSchema';
import { isoTime } from './isoTime';

/** Enough to fix a file in one go without flooding the response. */
const MAX_ERRORS = 50;

export type ImportResult =
  | {
      readonly ok: true;
      readonly data: BoardExport;
      /** Writes the board into an empty doc; throws ExportError('doc_not_empty') otherwise. */
      apply(doc: Y.Doc, ctx: CommandContext): void;
    }
  | { readonly ok: false; readonly errors: readonly string[] };

const ms = (iso: string) => Date.parse(iso);
const msOrNull = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/**
 * Problems the schema cannot see: duplicate ids, replies to comments that are not there, and
 * card sources that do not quote their article.
 */
function referenceErrors(data: BoardExport): string[] {
  const errors: string[] = [];
  const seen = (kind: string, ids: string[]) => {
    const set = new Set<string>();
    for (const id of ids) {
      if (set.has(id)) errors.push(`${kind}: duplicate id ${JSON.stringify(id)}`);
      set.add(id);
    }
  };
  seen(
    'articles',
    data.articles.map((a) => a.id),
  );
  seen(
    'cards',
    data.cards.map((c) => c.id),
  );
  seen(
    'comments',
    data.cards.flatMap((c) => c.comments.map((m) => m.id)),
  );
  const texts = new Map(data.articles.map((a) => [a.id, a.text]));
  data.cards.forEach((card, i) => {
    const source = sourceError(card, texts);
    if (source) errors.push(`cards.${i}.source: ${source}`);
    seen(
      `cards.${i}.evidence`,
      card.evidence.map((e) => e.id),
    );
    const roots = new Set(card.comments.filter((m) => m.parentId === null).map((m) => m.id));
    card.comments.forEach((comment, j) => {
      if (comment.parentId !== null && !roots.has(comment.parentId)) {
        errors.push(
          `cards.${i}.comments.${j}.parentId: no thread ${JSON.stringify(comment.parentId)} on this card`,
        );
      }
    });
  });
  return errors;
}

/**
 * Why a card's source does not quote its article, if it does not: the sync server holds
 * every write to this (server/sync/checkSources), since the exports quote the sentence as
 * what the article said, and an edited file must not store what no client could. A source
 * whose article the file does not hold (removed before the export, the card kept) is taken
 * as the file has it, unchecked: there is no text to check it against.
 */
function sourceError(card: ExportedCard, texts: ReadonlyMap<string, string>): string | null {
  const { source } = card;
  if (source === null) return null;
  const text = texts.get(source.articleId);
  if (text === undefined) return null;
  // slice() clamps: offsets past the end would hold a sentence they do not describe.
  if (source.end > text.length) return `end is past the end of its article's text`;
  if (text.slice(source.start, source.end) !== source.sentence) {
    return `sentence is not its article's text from start to end`;
  }
  return null;
}

/**
 * A comment with no text that is not deleted is one no command makes (a comment has text), so
 * the file either holds a redaction or is wrong. An export "as of" a moment before a redaction,
 * from a version that did not apply it, has such comments with no mark of their own, while the
 * file's history marks their events redacted: they are imported as the redaction left them,
 * deleted at its time and marked (so old files still import, and their boards say why the
 * words are gone). A comment with no text and a mark, its own or its history's, is imported
 * deleted too, as redactComment leaves one; a live one with no text and no mark anywhere is
 * refused.
 *
 * A comment the file marks redacted (either way) that has text is refused (found by QA: its
 * board hid the words under the lead the file named, while every export showed them). Refused
 * rather than emptied: no export holds one (a redaction empties the text, and the board refuses
 * words on it after), so no real file is lost, while emptying would quietly import a redaction
 * nobody made, of words the file says are there.
 */
function withRedactions(data: BoardExport): { data: BoardExport; errors: string[] } {
  const marks = redactionMarks(data.history.map((e) => ({ ...e, at: ms(e.at) })));
  const errors: string[] = [];
  const cards = data.cards.map((card, i) => ({
    ...card,
    comments: card.comments.map((comment, j) => {
      const found = marks.get(comment.id);
      // Empty only: an edit may leave text that shows nothing (a zero-width space), but no
      // command stores none.
      if (comment.text !== '') {
        if (comment.redacted || found) {
          errors.push(
            `cards.${i}.comments.${j}.text: a redacted comment has no text (comment ${JSON.stringify(comment.id)} is marked redacted ${comment.redacted ? 'by its own mark' : "by an event of it in the file's history"})`,
          );
        }
        return comment;
      }
      // The history's mark is data like any other: named as a comment's own mark must be.
      const fromHistory = found
        ? exportedCommentSchema.shape.redacted.safeParse({ by: found.by, at: isoTime(found.at) })
            .data
        : null;
      const redacted = comment.redacted ?? fromHistory ?? null;
      if (redacted) {
        return { ...comment, redacted, deletedAt: comment.deletedAt ?? redacted.at };
      }
      if (comment.deletedAt === null) {
        errors.push(
          `cards.${i}.comments.${j}.text: a comment that is not deleted needs text (one with none is taken as redacted only if it, or an event of it in the file's history, is marked so)`,
        );
      }
      return comment;
    }),
  }));
  return { data: { ...data, cards, history: redactedHistory(data.history, cards, marks) }, errors };
}

/**
 * The file's history with the words of every comment it marks redacted emptied and marked, as
 * Storage.redactComment leaves a redacted comment's events: an edited file may hold words in an
 * event that the comment, redacted, no longer shows, and the new board's history would show
 * them. An event marked already keeps its mark (a second redaction marks the events again, not
 * the comment: a real file's events are left as they are); another gets the comment's own mark,
 * the one its board shows, or, for a comment no card holds (its card removed), the history's.
 */
function redactedHistory(
  history: BoardExport['history'],
  cards: readonly ExportedCard[],
  marks: ReadonlyMap<string, RedactedMark>,
): BoardExport['history'] {
  const redacted = new Map(marks);
  for (const card of cards) {
    for (const c of card.comments) {
      if (c.redacted) redacted.set(c.id, { by: c.redacted.by, at: ms(c.redacted.at) });
    }
  }
  return history.map((event) => {
    const { commentId } = event.data;
    const mark = typeof commentId === 'string' ? redacted.get(commentId) : undefined;
    const data = mark && redactHistoryData(event.data, markIn(event.data.redacted) ?? mark);
    return data ? { ...event, data } : event;
  });
}

function parse(json: unknown): { data: BoardExport } | { errors: string[] } {
  let value = json;
  if (typeof json === 'string') {
    try {
      // Each lone surrogate (a "\ud800" escape) a U+FFFD, as the board's Yjs update would store
      // it anyway: the board's record and history then hold the text its doc does.
      value = parseWellFormedJson(json);
    } catch (err) {
      return { errors: [`not valid JSON: ${(err as Error).message}`] };
    }
  }
  const result = boardExportSchema.safeParse(value);
  if (!result.success) {
    return {
      errors: result.error.issues.map(
        (issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message,
      ),
    };
  }
  const { data, errors } = withRedactions(result.data);
  errors.push(...referenceErrors(data));
  return errors.length > 0 ? { errors } : { data };
}

function isEmptyDoc(doc: Y.Doc): boolean {
  return (
    metaMap(doc).size === 0 &&
    articlesMap(doc).size === 0 &&
    cardsMap(doc).size === 0 &&
    commentsMap(doc).size === 0
  );
}

/**
 * The rank each card is written with: its own, unless its column holds a key the board's rank
 * code cannot extend (a layout change since the export); then the whole column gets fresh keys
 * in the exported order, so the board keeps its order and keeps accepting moves.
 */
function ranksFor(cards: readonly ExportedCard[]): Map<string, string> {
  const ranks = new Map<string, string>();
  for (const column of COLUMNS) {
    const inColumn = cards.filter((c) => c.column === column);
    if (inColumn.every((c) => isValidRank(c.rank))) {
      for (const c of inColumn) ranks.set(c.id, c.rank);
      continue;
    }
    let previous: string | null = null;
    for (const c of inColumn) {
      previous = rankBetween(previous, null);
      ranks.set(c.id, previous);
    }
  }
  return ranks;
}

function writeCard(doc: Y.Doc, card: ExportedCard, rank: string): void {
  cardsMap(doc).set(
    card.id,
    newCardMap({
      id: card.id,
      claim: card.claim,
      source: card.source,
      speaker: card.speaker,
      // Optional keys (schema.ts): written only when the card has a value.
      speakerType: card.speakerType ?? undefined,
      pos: { column: card.column, rank },
      verdict: card.verdict,
      rationale: card.rationale,
      reviewUrl: card.reviewUrl ?? undefined,
      assignee: card.assignee,
      evidence: card.evidence.map((e) => ({ ...e, addedAt: ms(e.addedAt) })),
      extraction: card.extraction,
      createdBy: card.createdBy,
      createdAt: ms(card.createdAt),
      updatedBy: card.updatedBy,
      updatedAt: ms(card.updatedAt),
    }),
  );
  for (const c of card.comments) {
    const comment = newCommentMap({
      ...c,
      cardId: card.id,
      createdAt: ms(c.createdAt),
      editedAt: msOrNull(c.editedAt),
      deletedAt: msOrNull(c.deletedAt),
    });
    // Still redacted on the new board: its words are refused there too.
    if (c.redacted) {
      comment.set(COMMENT_REDACTED_KEY, { by: c.redacted.by, at: ms(c.redacted.at) });
    }
    commentsMap(doc).set(c.id, comment);
  }
}

/**
 * Writes through the layout accessors rather than the commands: commands stamp the current
 * actor and time and pick new ranks, while an import must keep every author, time and rank.
 */
function writeBoard(doc: Y.Doc, data: BoardExport, ctx: CommandContext): void {
  if (!isEmptyDoc(doc)) {
    throw new ExportError('doc_not_empty', 'an import writes into a new, empty board only');
  }
  doc.transact(
    () => {
      const meta = metaMap(doc);
      meta.set(META_KEYS.title, data.board.title);
      meta.set(META_KEYS.schemaVersion, SCHEMA_VERSION);
      meta.set(META_KEYS.scale, newScaleMap(data.board.ratingScale));
      if (data.board.organisation) meta.set(META_KEYS.organisation, data.board.organisation);
      for (const a of data.articles) {
        const article = newArticleMap({ ...a, createdAt: ms(a.createdAt) });
        articlesMap(doc).set(a.id, article);
      }
      const ranks = ranksFor(data.cards);
      for (const card of data.cards) writeCard(doc, card, ranks.get(card.id) as string);
    },
    new CommandOrigin('importBoard', ctx.actor),
  );
}

export function importBoardFromJson(json: unknown): ImportResult {
  const parsed = parse(json);
  if ('errors' in parsed) {
    const { errors } = parsed;
    return {
      ok: false,
      errors:
        errors.length > MAX_ERRORS
          ? [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more`]
          : errors,
    };
  }
  const { data } = parsed;
  return { ok: true, data, apply: (doc, ctx) => writeBoard(doc, data, ctx) };
}
