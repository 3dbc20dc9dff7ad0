/**
 * Which fields of a card and of an evidence item the history records a write of, and how a
 * written value is recorded: by observeHistory (edits, write.overridden) and by DeletedPlaces
 * (write.lost) alike, so a lost write reads as an overridden one does.
 */
import { CARD_KEYS, EVIDENCE_KEYS, isPos } from '../../shared/board/schema';

export const EDITABLE: readonly string[] = [
  CARD_KEYS.claim,
  CARD_KEYS.speaker,
  CARD_KEYS.speakerType,
  CARD_KEYS.rationale,
  CARD_KEYS.reviewUrl,
];
/** The card fields the history records a change of. */
export const RECORDED: readonly string[] = [
  CARD_KEYS.pos,
  CARD_KEYS.verdict,
  CARD_KEYS.assignee,
  ...EDITABLE,
];
export const EVIDENCE_EDITABLE: readonly string[] = [
  EVIDENCE_KEYS.url,
  EVIDENCE_KEYS.quote,
  EVIDENCE_KEYS.stance,
  EVIDENCE_KEYS.note,
];

export const columnOf = (pos: unknown): string | null => (isPos(pos) ? pos.column : null);

/** How a field is named in an event: a card's place by its column. */
export const fieldName = (key: string): string => (key === CARD_KEYS.pos ? 'column' : key);

/** How a field's value is recorded: a card's place by its column. */
export const recorded = (key: string, v: unknown): unknown =>
  key === CARD_KEYS.pos ? columnOf(v) : (v ?? null);
