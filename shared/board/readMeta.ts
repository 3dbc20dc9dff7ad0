import * as Y from 'yjs';
import { organisationSchema, storedRatingScaleSchema } from './inputs';
import { DEFAULT_RATING_SCALE, type RatingLabel, type RatingScale } from './ratingScale';
import { isColumn, LABEL_KEYS, META_KEYS, metaMap, SCALE_KEYS, scaleMap } from './schema';
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
  const labels = map.get(SCALE_KEYS.labels);
  if (!(labels instanceof Y.Map)) return [];
  const entries: LabelEntry[] = [];
  (labels as Y.Map<unknown>).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const e = entry as Y.Map<unknown>;
    const label = e.get(LABEL_KEYS.label);
    const column = e.get(LABEL_KEYS.column);
    const value = e.get(LABEL_KEYS.value);
    const order = e.get(LABEL_KEYS.order);
    if (typeof label !== 'string' || label.trim() === '' || label.length > MAX_LABEL_LENGTH) return;
    if (!isColumn(column) || typeof value !== 'number' || value < worst || value > best) return;
    entries.push({ id, label, column, value, order: typeof order === 'number' ? order : 0 });
  });
  entries.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.label) && seen.add(e.label)).slice(0, MAX_LABELS);
}

/** A scale as read, with the entry id of each label (none for the default or a version 1 scale). */
export interface ReadScale {
  readonly scale: RatingScale;
  readonly ids: ReadonlyMap<string, string>;
}

const NO_IDS: ReadonlyMap<string, string> = new Map();
const DEFAULT_READ: ReadScale = { scale: DEFAULT_RATING_SCALE, ids: NO_IDS };

function readScaleMap(map: Y.Map<unknown>): ReadScale {
  const best = map.get(SCALE_KEYS.best);
  const worst = map.get(SCALE_KEYS.worst);
  if (typeof best !== 'number' || typeof worst !== 'number' || !(best > worst)) {
    return DEFAULT_READ;
  }
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
