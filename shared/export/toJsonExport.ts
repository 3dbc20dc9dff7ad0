/** Turns a board view and its audit history into the JSON export (see exportSchema). */
import type { Actor } from '../board/actor';
import { verdictFitsCard } from '../board/ratingScale';
import { COLUMNS } from '../board/schema';
import type { RatingScale } from '../board/ratingScale';
import type { BoardView, CardView } from '../board/view';
import {
  type BoardExport,
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  type ExportedCard,
} from './exportSchema';
import { isoTime } from './isoTime';
import { removedArticles } from './removedArticles';
import { verdictOnScale } from './verdictOnScale';

/** An audit event as storage lists it (server/storage HistoryEvent has this shape). */
export interface HistoryInput {
  readonly type: string;
  readonly actor: Actor;
  readonly at: number;
  readonly cardId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface JsonExportOptions {
  readonly exportedAt: number;
  /** Set when the view is the board as of a past moment. */
  readonly asOf?: number | null;
  readonly boardId?: string | null;
}

// Actors are copied to plain {id, name}: views may carry more (or frozen) objects.
const actor = (a: Actor) => ({ id: a.id, name: a.name });

function exportCard(
  card: CardView,
  onScale: (card: CardView) => boolean | null,
  scale: RatingScale,
): ExportedCard {
  return {
    id: card.id,
    column: card.column,
    rank: card.rank,
    claim: card.claim,
    speaker: card.speaker,
    speakerType: card.speakerType,
    source: card.source && { ...card.source },
    verdict: card.verdict,
    verdictOnScale: onScale(card),
    verdictFitsColumn: verdictFitsCard(scale, card),
    rationale: card.rationale,
    reviewUrl: card.reviewUrl,
    assignee: card.assignee && actor(card.assignee),
    evidence: card.evidence.map((e) => ({
      id: e.id,
      url: e.url,
      quote: e.quote,
      stance: e.stance,
      note: e.note,
      addedBy: actor(e.addedBy),
      addedAt: isoTime(e.addedAt),
    })),
    comments: card.comments.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      text: c.text,
      author: actor(c.author),
      createdAt: isoTime(c.createdAt),
      editedAt: c.editedAt === null ? null : isoTime(c.editedAt),
      deletedAt: c.deletedAt === null ? null : isoTime(c.deletedAt),
      resolved: c.resolved,
      resolvedBy: c.resolvedBy && actor(c.resolvedBy),
      redacted: c.redacted && { by: actor(c.redacted.by), at: isoTime(c.redacted.at) },
    })),
    extraction: card.extraction && {
      score: card.extraction.score,
      rank: card.extraction.rank,
      chips: card.extraction.chips.map((chip) => ({ ...chip })),
    },
    createdBy: actor(card.createdBy),
    createdAt: isoTime(card.createdAt),
    updatedBy: actor(card.updatedBy),
    updatedAt: isoTime(card.updatedAt),
  };
}

/** Cards in board order: column by column, each in display order. */
export function cardsInOrder(view: BoardView): CardView[] {
  return COLUMNS.flatMap((column) =>
    view.columns[column].map((id) => view.cards[id]).filter((c): c is CardView => !!c),
  );
}

export function toJsonExport(
  view: BoardView,
  history: readonly HistoryInput[],
  options: JsonExportOptions,
): BoardExport {
  const { meta } = view;
  const onScale = verdictOnScale(view);
  return {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: isoTime(options.exportedAt),
    asOf: options.asOf == null ? null : isoTime(options.asOf),
    board: {
      id: options.boardId ?? null,
      title: meta.title,
      schemaVersion: meta.schemaVersion,
      ratingScale: {
        best: meta.ratingScale.best,
        worst: meta.ratingScale.worst,
        labels: meta.ratingScale.labels.map((l) => ({ ...l })),
      },
      organisation: meta.organisation && { ...meta.organisation },
    },
    articles: view.articles.map((a) => ({
      id: a.id,
      title: a.title,
      url: a.url,
      text: a.text,
      createdBy: actor(a.createdBy),
      createdAt: isoTime(a.createdAt),
      published: a.published,
    })),
    removedArticles: [...removedArticles(view, history).values()].map((a) => ({
      id: a.id,
      title: a.title,
      url: a.url,
      removedBy: actor(a.removedBy),
      removedAt: isoTime(a.removedAt),
    })),
    cards: cardsInOrder(view).map((card) => exportCard(card, onScale, meta.ratingScale)),
    history: history.map((e) => ({
      type: e.type,
      actor: actor(e.actor),
      at: isoTime(e.at),
      cardId: e.cardId,
      data: { ...e.data },
    })),
  };
}
