/**
 * What the lost-edit watch (LostEditWatch) tells of, as plain data the page shows, stores and
 * restores: the watched fields, the kinds of work lost (an edit a colleague's crossed, work that
 * went with a deleted card or a removed evidence item), and this person's writes as kept across
 * a reload.
 */
import { type Actor, CARD_KEYS, EVIDENCE_KEYS } from '../../shared/board';

const CARD_FIELDS = [
  CARD_KEYS.claim,
  CARD_KEYS.speaker,
  CARD_KEYS.verdict,
  CARD_KEYS.rationale,
  CARD_KEYS.speakerType,
  CARD_KEYS.reviewUrl,
  // Compared by who (assigneeValue): two people taking the card at once is news to one.
  CARD_KEYS.assignee,
  // A move: compared by column, so two moves that crossed within one column are not news.
  CARD_KEYS.pos,
] as const;
export const EVIDENCE_FIELDS = [
  EVIDENCE_KEYS.url,
  EVIDENCE_KEYS.quote,
  EVIDENCE_KEYS.stance,
  EVIDENCE_KEYS.note,
] as const;
/**
 * An evidence item this person added, as a whole: no one races its adding, but a colleague who
 * deletes its card without having seen it takes it away.
 */
export const ADDED_ITEM = 'item';
/**
 * This person's edits of one evidence item, told together when a colleague removes the item:
 * the notice's field, never a watched one (each edit is watched by its own field).
 */
export const EDITED_ITEM = 'itemEdit';
/** A comment or reply this person posted on a card: kept, but told when the card goes. */
export const POSTED_COMMENT = 'comment';
/** A comment of this person's they edited: told when a deletion that had not seen it crossed it. */
export const EDITED_COMMENT = 'commentEdit';
export type CardField = (typeof CARD_FIELDS)[number];
export type EvidenceField =
  (typeof EVIDENCE_FIELDS)[number] | typeof ADDED_ITEM | typeof EDITED_ITEM;

/**
 * A watched field: of the card itself (`evidenceId` null), of one evidence item, or a comment
 * posted on the card.
 */
export type FieldRef =
  | { readonly cardId: string; readonly evidenceId: null; readonly field: CardField }
  | { readonly cardId: string; readonly evidenceId: string; readonly field: EvidenceField }
  | {
      readonly cardId: string;
      readonly evidenceId: null;
      readonly field: typeof POSTED_COMMENT | typeof EDITED_COMMENT;
      readonly commentId: string;
    };

/** What an evidence item held when its card was deleted: to show, and to add again. */
export interface DeletedEvidence {
  readonly url: string;
  readonly quote: string;
  readonly stance: string;
  readonly note: string;
}

export type LostEdit = FieldRef & {
  readonly mine: string | null;
  readonly theirs: string | null;
  /**
   * The Yjs client id of the write that won: a colleague's, named through presence, else as the
   * server bound it (BoardConnection.writerOf).
   */
  readonly byClient: number;
};

/**
 * A write of this person's to a card that a colleague then deleted: with the card, Yjs drops
 * every write into it, and a restore brings the card back as it was before the deletion (a
 * comment, kept apart from the card, comes back with it). The write's Yjs id tells its owner
 * whether the server had it before the deletion arrived (then the colleague could see it when
 * they deleted; see BoardConnection).
 */
export type DeletedWithCard = FieldRef & {
  readonly cardDeleted: true;
  /** The value written; for a comment, its text as the card went. */
  readonly mine: string | null;
  /** The card's claim as it was deleted: the board no longer has it. */
  readonly claim: string | null;
  /** For an evidence item this person added (`ADDED_ITEM`): what it held as the card went. */
  readonly evidence: DeletedEvidence | null;
  /** The card's comments (not deleted ones): kept, they come back with the card (B13). */
  readonly comments: number;
  readonly client: number;
  readonly clock: number;
};

/**
 * This person's edits of an evidence item that a colleague then removed from its card: Yjs
 * drops them with the item. Told once for the item, with what it held on this person's page as
 * it went (their values in it), to add again. Like a card's deletion, a removal names no one,
 * and one the server had the edits before was made by a colleague who could see them
 * (BoardConnection leaves those out).
 */
export type RemovedWithEdits = FieldRef & {
  readonly evidenceId: string;
  readonly field: typeof EDITED_ITEM;
  readonly itemRemoved: true;
  /** Nothing: what they wrote is in `evidence`, as for an item added to a deleted card. */
  readonly mine: null;
  /** The item's fields this person changed, in the order of EVIDENCE_FIELDS. */
  readonly edited: readonly (typeof EVIDENCE_FIELDS)[number][];
  readonly evidence: DeletedEvidence;
  /** This person's latest write to the item: whether the server had it before the removal. */
  readonly client: number;
  readonly clock: number;
};

/** Whatever the watch tells of. */
export type LostWork = LostEdit | DeletedWithCard | RemovedWithEdits;

/**
 * Whether a notice is of work that went with what a colleague deleted (a card, an evidence
 * item), told by the Yjs id of this person's write: Yjs names no one for a deletion.
 */
export const isDeletion = (n: LostWork): n is DeletedWithCard | RemovedWithEdits =>
  'cardDeleted' in n || 'itemRemoved' in n;

export const isCardField = (key: string): key is CardField =>
  (CARD_FIELDS as readonly string[]).includes(key);
export const isEditableEvidence = (key: string): key is (typeof EVIDENCE_FIELDS)[number] =>
  (EVIDENCE_FIELDS as readonly string[]).includes(key);
const isEvidenceField = (key: string): key is EvidenceField =>
  key === ADDED_ITEM || key === EDITED_ITEM || isEditableEvidence(key);

/** Whether plain data read back (from localStorage) names a watched field. */
export function isFieldRef(w: Record<string, unknown>): boolean {
  if (typeof w.cardId !== 'string' || typeof w.field !== 'string') return false;
  if (w.evidenceId !== null) return typeof w.evidenceId === 'string' && isEvidenceField(w.field);
  return (
    isCardField(w.field) ||
    ((w.field === POSTED_COMMENT || w.field === EDITED_COMMENT) && typeof w.commentId === 'string')
  );
}

/** Whether a watched field is one of these comments (posted, or edited). */
export const fieldOfComments = (ref: FieldRef, ids: ReadonlySet<string>): boolean =>
  'commentId' in ref && ids.has(ref.commentId);

/** An assignee as compared and quoted: id and name, so a notice names them and can restore them. */
export const assigneeValue = (who: Actor): string => JSON.stringify([who.id, who.name]);

export function assigneeOf(value: string | null): Actor | null {
  try {
    const raw = JSON.parse(value ?? 'null') as unknown;
    return Array.isArray(raw) && typeof raw[0] === 'string' && typeof raw[1] === 'string'
      ? { id: raw[0], name: raw[1] }
      : null;
  } catch {
    return null;
  }
}

/** One write of this person's, as kept across a reload (its Yjs id, by then another client's). */
export type OwnWrite = FieldRef & {
  readonly client: number;
  readonly clock: number;
  readonly value: string | null;
  readonly at: number;
  /**
   * For a claim, the one it replaced, until the server stores this write: the card's name as
   * colleagues know it, should one of them delete the card before this write reaches them.
   */
  readonly was?: string | null;
};

/** What outlives a reload: an edit made offline can meet a colleague's after the page reopens. */
export interface OwnWriteStore {
  load(): OwnWrite[];
  save(writes: readonly OwnWrite[]): void;
}
