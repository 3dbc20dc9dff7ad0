/**
 * Commands on the board itself: creation, title and organisation, rating scale, articles
 * (added, linked, dated, removed).
 */
import * as Y from 'yjs';
import {
  articleInput,
  type ArticleInput,
  httpUrl,
  LIMITS,
  organisationSchema,
  publishedDate,
  ratingScaleSchema,
  storedRatingScaleSchema,
} from '../inputs';
import { BoardError } from '../errors';
import type { CommandContext } from '../origin';
import { parseInput } from '../parse';
import { DEFAULT_RATING_SCALE, labelsBelowDisputed, type RatingScale } from '../ratingScale';
import { labelEntries, readRatingScale, scaleFault } from '../readMeta';
import { planArticleRemoval } from '../articleRemoval';
import { readArticle, readArticleCards, readArticles } from '../readBoard';
import {
  ARTICLE_KEYS,
  articlesMap,
  CARD_KEYS,
  cardsMap,
  LABEL_KEYS,
  META_KEYS,
  metaMap,
  newArticleMap,
  newLabelMap,
  newScaleMap,
  SCALE_KEYS,
  scaleMap,
  SCHEMA_VERSION,
} from '../schema';
import { setChanged, setChangedKeys } from '../setChanged';
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
    meta.set(META_KEYS.scale, newScaleMap(DEFAULT_RATING_SCALE));
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
    setChangedKeys(metaMap(doc), {
      [META_KEYS.title]: title,
      [META_KEYS.organisation]: organisation,
    });
  });
}

/** A label edited in place: cards whose verdict is `from` get `to`. */
export interface LabelRename {
  readonly from: string;
  readonly to: string;
}

export interface RatingScaleEdit {
  readonly scale: RatingScale;
  readonly renames?: readonly LabelRename[];
  /**
   * The scale the edit started from (the one the dialog showed). Only what differs between it
   * and `scale` is written, so a colleague's change saved meanwhile to anything else survives
   * (B12). Without it, the edit starts from the board's current scale.
   */
  readonly base?: RatingScale;
}

// The scale's own label rule, so a rename can never name a label the scale would refuse.
const labelSchema = ratingScaleSchema.shape.labels.element.shape.label;

const renamesSchema = z
  .array(z.object({ from: labelSchema, to: labelSchema }))
  .max(50) // a scale holds at most 50 labels (ratingScaleSchema)
  .refine((r) => r.every((x) => x.from !== x.to), 'a rename must change the label')
  .refine((r) => new Set(r.map((x) => x.from)).size === r.length, 'a label is renamed twice');

/**
 * Sets the rating scale to `scale` (writing only what changed since `base`, B12) and, in the
 * same transaction (B7, B11), relabels every card whose verdict is a renamed label. Renames apply in one pass over the old verdicts, so a swap
 * (A → B, B → A) or a chain (A → B, B → C) does what the lead saw in the dialog.
 *
 * A relabelled card keeps its new label even if the lead also moved that label to another
 * column: a scale edit never clears a verdict (B11). The card then carries a label that does
 * not fit its column, as after a column change without a rename; the dialog counts these, and
 * the card's next move applies moveCard's rule (the verdict is replaced or cleared).
 */
export function editRatingScale(doc: Y.Doc, input: RatingScaleEdit, ctx: CommandContext): void {
  writeRatingScale(doc, 'editRatingScale', input, ctx);
}

/** Sets the scale without renames: cards keep their labels, on the scale or not (B11). */
export function setRatingScale(doc: Y.Doc, scale: RatingScale, ctx: CommandContext): void {
  writeRatingScale(doc, 'setRatingScale', { scale }, ctx);
}

function writeRatingScale(
  doc: Y.Doc,
  command: 'editRatingScale' | 'setRatingScale',
  input: RatingScaleEdit,
  ctx: CommandContext,
): void {
  const scale = parseInput(ratingScaleSchema, input.scale);
  // The scale the dialog showed may be one stored before its numbers had to be ClaimReview
  // ratings: the edit that mends it starts from it.
  const base =
    input.base === undefined ? undefined : parseInput(storedRatingScaleSchema, input.base);
  const renames = parseInput(renamesSchema, input.renames ?? []);
  const onScale = new Set(scale.labels.map((l) => l.label));
  const missing = renames.find((r) => !onScale.has(r.to));
  if (missing) {
    throw new BoardError('invalid_input', `renames: ${missing.to} is not on the new scale`);
  }
  // The server refuses a scale that rates a corroborated claim as less true than a disputed one
  // (scaleFault), as the dialog does: refused here, before anything is written.
  const inverted = labelsBelowDisputed(scale)[0];
  if (inverted) {
    throw new BoardError(
      'invalid_input',
      `labels: ${inverted.label.label} (Corroborated) is valued below ${inverted.above.label} (Disputed)`,
    );
  }
  const renamed = new Map(renames.map((r) => [r.from, r.to]));
  transact(doc, command, ctx, (scope) => {
    writeScale(doc, { scale, renames, base: base ?? readRatingScale(doc) }, scope.newId);
    if (renamed.size === 0) return;
    cardsMap(doc).forEach((card) => {
      const to = renamed.get(card.get(CARD_KEYS.verdict) as string);
      if (to === undefined) return;
      card.set(CARD_KEYS.verdict, to);
      card.set(CARD_KEYS.updatedBy, scope.actor);
      card.set(CARD_KEYS.updatedAt, scope.now);
    });
  });
}

/**
 * Writes the change from `base` to `scale` into the board's label entries (B12), a three-way
 * merge: a label of `base` keeps its entry (found by name; a renamed one by its old name) and
 * gets only the fields this edit changed; labels new in `scale` get entries; labels of `base`
 * missing from `scale` lose theirs. Whatever the edit did not change stays as it is now: a
 * colleague's label added, renamed or revalued meanwhile (if a colleague renamed or removed a
 * label this edit also changed, theirs stands). Entries the reader ignores (a name twice, a
 * malformed entry) are removed.
 */
function writeScale(doc: Y.Doc, edit: ScaleWrite, newId: () => string): void {
  const meta = metaMap(doc);
  const map = scaleMap(doc);
  if (!map) {
    meta.set(META_KEYS.scale, newScaleMap(edit.scale));
    meta.delete(META_KEYS.ratingScale);
    return;
  }
  mergeScale(map, edit, newId);
  // The merge may leave a scale that does not hold together (scaleFault), which the server
  // refuses whole: a colleague's edit that crossed this one (their label renamed to a name this
  // edit adds, a range narrowed under a value), or a scale stored before the server judged it
  // whole (best not above worst, which the dialog showed as the default). Then the lead's scale
  // is written as they saw it, over what the map holds now.
  if (scaleFault(map) !== null)
    mergeScale(map, { ...edit, renames: [], base: asStored(map) }, newId);
}

interface ScaleWrite {
  readonly scale: RatingScale;
  readonly renames: readonly LabelRename[];
  readonly base: RatingScale;
}

/**
 * The scale a map holds: every entry the reader could take whatever its value, with its stored
 * order (NaN: no number).
 */
function asStored(map: Y.Map<unknown>): RatingScale {
  const number = (key: string) => {
    const n = map.get(key);
    return typeof n === 'number' ? n : Number.NaN;
  };
  return {
    best: number(SCALE_KEYS.best),
    worst: number(SCALE_KEYS.worst),
    labels: labelEntries(map, Infinity, -Infinity),
  };
}

/** writeScale's three-way merge of one edit into an existing scale map. */
function mergeScale(map: Y.Map<unknown>, edit: ScaleWrite, newId: () => string): void {
  const { scale, renames, base } = edit;
  if (scale.best !== base.best) setChanged(map, SCALE_KEYS.best, scale.best);
  if (scale.worst !== base.worst) setChanged(map, SCALE_KEYS.worst, scale.worst);
  let labels = map.get(SCALE_KEYS.labels);
  if (!(labels instanceof Y.Map)) {
    labels = new Y.Map<Y.Map<unknown>>();
    map.set(SCALE_KEYS.labels, labels);
  }
  const entries = labels as Y.Map<Y.Map<unknown>>;
  const current = labelEntries(map, Infinity, -Infinity);
  const readable = new Set(current.map((e) => e.id));
  for (const id of [...entries.keys()]) if (!readable.has(id)) entries.delete(id);

  const idOf = new Map(current.map((e) => [e.label, e.id]));
  // A label's place in `base`, or the order it is stored with when `base` is the map as stored
  // (asStored: its entries carry one), so that the whole write puts every label where it saw it.
  const before = new Map(base.labels.map((l, order) => [l.label, { order, ...l }]));
  const formerName = new Map(renames.map((r) => [r.to, r.from]));
  const stays = new Set<string>();
  scale.labels.forEach((l, order) => {
    const origin = formerName.get(l.label) ?? l.label;
    const was = before.get(origin);
    if (!was) {
      if (!idOf.has(l.label)) entries.set(newId(), newLabelMap(l, order));
      return;
    }
    stays.add(origin);
    const id = idOf.get(origin);
    const entry = id === undefined ? undefined : entries.get(id);
    if (!entry) return;
    if (l.label !== was.label) setChanged(entry, LABEL_KEYS.label, l.label);
    if (l.column !== was.column) setChanged(entry, LABEL_KEYS.column, l.column);
    if (l.value !== was.value) setChanged(entry, LABEL_KEYS.value, l.value);
    if (order !== was.order) setChanged(entry, LABEL_KEYS.order, order);
  });
  for (const l of base.labels) {
    const id = stays.has(l.label) ? undefined : idOf.get(l.label);
    if (id !== undefined) entries.delete(id);
  }
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
      published: data.published,
    });
    articlesMap(doc).set(id, article);
    return id;
  });
}

/**
 * Gives an article the link to where it was published, which its ClaimReview entries cite as
 * the claim's appearance. The text stays as it is (its cards' offsets index it).
 */
export function setArticleUrl(
  doc: Y.Doc,
  input: { articleId: string; url: string },
  ctx: CommandContext,
): void {
  const url = parseInput(httpUrl, input.url);
  const article = articlesMap(doc).get(input.articleId);
  if (!(article instanceof Y.Map)) {
    throw new BoardError('article_not_found', `no article ${input.articleId}`);
  }
  transact(doc, 'setArticleUrl', ctx, () => {
    setChanged(article, ARTICLE_KEYS.url, url);
  });
}

/**
 * Sets the day an article was published (`YYYY-MM-DD`), or clears it (null): what its
 * ClaimReview entries give as the claim's date. An editor's or a lead's, as the article's
 * removal is; the text and its cards stay as they are.
 */
export function setArticlePublished(
  doc: Y.Doc,
  input: { articleId: string; published: string | null },
  ctx: CommandContext,
): void {
  const published = parseInput(publishedDate.nullable(), input.published);
  const article = articlesMap(doc).get(input.articleId);
  if (!(article instanceof Y.Map)) {
    throw new BoardError('article_not_found', `no article ${input.articleId}`);
  }
  transact(doc, 'setArticlePublished', ctx, () => {
    setChanged(article, ARTICLE_KEYS.published, published);
  });
}

export interface ArticleRemoval {
  /** The article's title as it was (for the notice and the history). */
  readonly title: string;
  /** The cards removed with it: its import's, untouched (articleRemoval). */
  readonly removed: readonly string[];
  /**
   * The cards that stay (someone worked on them, or another article has their sentence), those
   * in `moved` among them; the others keep their quoted sentence, anchored to the removed one.
   */
  readonly kept: readonly string[];
  /** The kept cards anchored now in another article that has their sentence (articleRemoval). */
  readonly moved: readonly { readonly cardId: string; readonly articleId: string }[];
}

/**
 * Takes an article off the board, with the cards its import proposed that nobody has worked
 * on (planArticleRemoval), in one transaction: one undo step brings all of it back, the moved
 * cards' anchors included. A kept card whose sentence another article holds is anchored there
 * (its `source` names that article at the sentence's offsets; the sentence is the same). Its
 * `updatedAt` stays: nobody changed what the card says, and its "last change" is someone's.
 * Other cards someone worked on stay, anchored to an article the board no longer holds; every
 * reader of `source.articleId` treats a missing article as "removed" (the card's sentence is
 * on it).
 */
export function removeArticle(doc: Y.Doc, articleId: string, ctx: CommandContext): ArticleRemoval {
  const map = articlesMap(doc).get(articleId);
  if (!(map instanceof Y.Map)) throw new BoardError('article_not_found', `no article ${articleId}`);
  const article = readArticle(map, articleId);
  const plan = planArticleRemoval(article, readArticleCards(doc, articleId), readArticles(doc));
  const removed = plan.remove.map((c) => c.id);
  const moved = plan.keep.flatMap(({ card, anchor }) => (anchor ? [{ id: card.id, anchor }] : []));
  transact(doc, 'removeArticle', ctx, () => {
    const cards = cardsMap(doc);
    for (const id of removed) cards.delete(id);
    for (const { id, anchor } of moved) cards.get(id)?.set(CARD_KEYS.source, { ...anchor });
    articlesMap(doc).delete(articleId);
  });
  return {
    title: article.title,
    removed,
    kept: plan.keep.map((k) => k.card.id),
    moved: moved.map(({ id, anchor }) => ({ cardId: id, articleId: anchor.articleId })),
  };
}
