import * as Y from 'yjs';
import { organisationSchema, storedRatingScaleSchema } from './inputs';
import {
  DEFAULT_RATING_SCALE,
  hasRatingNumbers,
  labelsBelowDisputed,
  RATING_NUMBER_RULE,
  type RatingLabel,
  type RatingScale,
} from './ratingScale';
import {
  type ColumnId,
  isColumn,
  LABEL_KEYS,
  META_KEYS,
  metaMap,
  SCALE_KEYS,
  scaleMap,
} from './schema';
import type { BoardMeta, Organisation } from './view';

/** The most labels a scale holds (ratingScaleSchema). */
const MAX_LABELS = 50;
const MAX_LABEL_LENGTH = 60;

/** A stored label entry with its id, for ordering; null when the entry is not a label. */
export interface LabelEntry extends RatingLabel {
  readonly id: string;
  readonly order: number;
}

/**
 * The label entries of a version 2 scale in reading order (`order`, then id), each name once
 * (the first in that order), each valid for the scale's range: concurrent edits can leave
 * two entries with one name or a value outside a range changed meanwhile, and every replica
 * must read the same scale from the same doc.
 */
export function labelEntries(map: Y.Map<unknown>, best: number, worst: number): LabelEntry[] {
  return readEntries(map, best, worst).entries;
}

/** The entries the reader takes (labelEntries), and why the first one it leaves out is left. */
interface EntriesRead {
  readonly entries: LabelEntry[];
  readonly unread: string | null;
}

function readEntries(map: Y.Map<unknown>, best: number, worst: number): EntriesRead {
  const labels = map.get(SCALE_KEYS.labels);
  if (!(labels instanceof Y.Map)) return { entries: [], unread: null };
  const entries: LabelEntry[] = [];
  let unread: string | null = null;
  (labels as Y.Map<unknown>).forEach((entry, id) => {
    const why = entryFault(entry, best, worst);
    if (why !== null) {
      unread ??= why;
      return;
    }
    const e = entry as Y.Map<unknown>;
    const order = e.get(LABEL_KEYS.order);
    entries.push({
      id,
      label: e.get(LABEL_KEYS.label) as string,
      column: e.get(LABEL_KEYS.column) as ColumnId,
      value: e.get(LABEL_KEYS.value) as number,
      order: typeof order === 'number' ? order : 0,
    });
  });
  entries.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  const once = entries.filter((e) => !seen.has(e.label) && seen.add(e.label));
  if (once.length < entries.length) unread ??= 'a label is on it twice';
  if (once.length > MAX_LABELS) unread ??= `it holds more than ${MAX_LABELS} labels`;
  return { entries: once.slice(0, MAX_LABELS), unread };
}

/** Why the reader leaves a label entry out, or null when it reads it. */
function entryFault(entry: unknown, best: number, worst: number): string | null {
  if (!(entry instanceof Y.Map)) return 'a label entry is no map';
  const e = entry as Y.Map<unknown>;
  const label = e.get(LABEL_KEYS.label);
  if (typeof label !== 'string' || label.trim() === '' || label.length > MAX_LABEL_LENGTH) {
    return `a label has no name of 1 to ${MAX_LABEL_LENGTH} characters`;
  }
  if (!isColumn(e.get(LABEL_KEYS.column))) return 'a label has no column';
  const value = e.get(LABEL_KEYS.value);
  if (typeof value !== 'number' || value < worst || value > best) {
    return 'a label value is not between worst and best';
  }
  return null;
}

/** A scale map's best and worst as the reader takes them: numbers, best above worst. */
function rangeOf(map: Y.Map<unknown>): { best: number; worst: number } | null {
  const best = map.get(SCALE_KEYS.best);
  const worst = map.get(SCALE_KEYS.worst);
  return typeof best === 'number' && typeof worst === 'number' && best > worst
    ? { best, worst }
    : null;
}

/**
 * Why a stored version 2 scale does not hold together, or null when it does: it holds together
 * when the reader (readScaleMap) reads every entry it stores, as stored, and falls back to the
 * default for nothing; when its numbers are ClaimReview ratings (hasRatingNumbers); and when no
 * Corroborated label is valued below a Disputed one (labelsBelowDisputed), as the Rating scale
 * dialog saves it. The sync server refuses a write after which the scale would not (so a raw
 * lead write cannot leave the board a scale it does not show), writeScale never leaves one, and
 * a page offers no Undo that would bring one back: one rule for all three.
 */
export function scaleFault(map: Y.Map<unknown>): string | null {
  const range = rangeOf(map);
  if (range === null) return 'best is not above worst';
  const { entries, unread } = readEntries(map, range.best, range.worst);
  if (unread !== null) return unread;
  if (entries.length === 0) return 'it has no label';
  const scale = { ...range, labels: entries };
  if (!hasRatingNumbers(scale)) return `a number of it is not ${RATING_NUMBER_RULE}`;
  if (labelsBelowDisputed(scale).length > 0) {
    return 'a Corroborated label is valued below a Disputed one';
  }
  return null;
}

/** A scale as read, with the entry id of each label (none for the default or a version 1 scale). */
export interface ReadScale {
  readonly scale: RatingScale;
  readonly ids: ReadonlyMap<string, string>;
}

const NO_IDS: ReadonlyMap<string, string> = new Map();
const DEFAULT_READ: ReadScale = { scale: DEFAULT_RATING_SCALE, ids: NO_IDS };

function readScaleMap(map: Y.Map<unknown>): ReadScale {
  const range = rangeOf(map);
  if (range === null) return DEFAULT_READ;
  const { best, worst } = range;
  const labels = labelEntries(map, best, worst);
  if (labels.length === 0) return DEFAULT_READ;
  const scale = Object.freeze({
    best,
    worst,
    labels: Object.freeze(
      labels.map(({ label, column, value }) => Object.freeze({ label, column, value })),
    ),
  });
  return { scale, ids: new Map(labels.map((l) => [l.label, l.id])) };
}

/**
 * The board's rating scale: the version 2 map, else a version 1 value (a board not migrated
 * yet); a missing or malformed scale reads as the default one.
 */
function readScale(doc: Y.Doc): ReadScale {
  const map = scaleMap(doc);
  if (map) return readScaleMap(map);
  const parsed = storedRatingScaleSchema.safeParse(metaMap(doc).get(META_KEYS.ratingScale));
  return parsed.success ? { scale: parsed.data, ids: NO_IDS } : DEFAULT_READ;
}

/** The board's rating scale (readScale). */
export function readRatingScale(doc: Y.Doc): RatingScale {
  return readScale(doc).scale;
}

/** The scale a board has stored, with its label ids; null for a board without a scale yet. */
export function storedScale(doc: Y.Doc): ReadScale | null {
  const meta = metaMap(doc);
  if (!meta.has(META_KEYS.scale) && !meta.has(META_KEYS.ratingScale)) return null;
  return readScale(doc);
}

function readOrganisation(doc: Y.Doc): Organisation | null {
  const parsed = organisationSchema.safeParse(metaMap(doc).get(META_KEYS.organisation));
  return parsed.success ? parsed.data : null;
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc);
  const title = meta.get(META_KEYS.title);
  const version = meta.get(META_KEYS.schemaVersion);
  const scale = readScale(doc);
  return Object.freeze({
    title: typeof title === 'string' ? title : '',
    schemaVersion: typeof version === 'number' ? version : 0,
    ratingScale: scale.scale,
    ratingLabelIds: scale.ids,
    organisation: readOrganisation(doc),
  });
}
