/** Commands on the board itself: creation, title and organisation, rating scale, articles. */
import * as Y from 'yjs';
import {
  articleInput,
  type ArticleInput,
  LIMITS,
  organisationSchema,
  ratingScaleSchema,
} from '../inputs';
import type { CommandContext } from '../origin';
import { parseInput } from '../parse';
import { DEFAULT_RATING_SCALE, type RatingScale } from '../ratingScale';
import { articlesMap, META_KEYS, metaMap, newArticleMap, SCHEMA_VERSION } from '../schema';
import { transact } from '../transact';
import type { Organisation } from '../view';
import { z } from 'zod';

const titleSchema = z.string().trim().min(1).max(LIMITS.title);

/** Sets up a new board's meta; the server runs it once, when the board is created. */
export function initBoard(doc: Y.Doc, input: { title: string }, ctx: CommandContext): void {
  const title = parseInput(titleSchema, input.title);
  transact(doc, 'initBoard', ctx, () => {
    const meta = metaMap(doc);
    meta.set(META_KEYS.title, title);
    meta.set(META_KEYS.schemaVersion, SCHEMA_VERSION);
    meta.set(META_KEYS.ratingScale, DEFAULT_RATING_SCALE);
  });
}

export function setBoardMeta(
  doc: Y.Doc,
  patch: { title?: string; organisation?: Organisation | null },
  ctx: CommandContext,
): void {
  const title = patch.title === undefined ? undefined : parseInput(titleSchema, patch.title);
  const organisation =
    patch.organisation == null
      ? patch.organisation
      : parseInput(organisationSchema, patch.organisation);
  transact(doc, 'setBoardMeta', ctx, () => {
    const meta = metaMap(doc);
    if (title !== undefined) meta.set(META_KEYS.title, title);
    if (organisation !== undefined) meta.set(META_KEYS.organisation, organisation);
  });
}

export function setRatingScale(doc: Y.Doc, scale: RatingScale, ctx: CommandContext): void {
  const data = parseInput(ratingScaleSchema, scale);
  transact(doc, 'setRatingScale', ctx, () => {
    metaMap(doc).set(META_KEYS.ratingScale, data);
  });
}

/** Stores an article's text unchanged, so the offsets of cards anchored in it stay valid. */
export function addArticle(doc: Y.Doc, input: ArticleInput, ctx: CommandContext): string {
  const data = parseInput(articleInput, input);
  return transact(doc, 'addArticle', ctx, (scope) => {
    const id = data.id ?? scope.newId();
    const article = newArticleMap({
      id,
      title: data.title,
      url: data.url ?? null,
      text: data.text,
      createdBy: scope.actor,
      createdAt: scope.now,
    });
    articlesMap(doc).set(id, article);
    return id;
  });
}
