/**
 * The lost-edit notices (LostEditWatch), kept on this device until their person dismisses them
 * or restores what they lost: the notice is the only place the lost value is left (the board
 * kept the other write, and the history records only what the server stored), so a reload
 * must not take it away. Per board and per person (invite), like the device's other records;
 * the latest KEPT_NOTICES only. Every tab of the board reads and writes the one record, each
 * change on what is stored now, so a notice one tab dismissed does not come back from another,
 * and each open tab follows the record as the others change it (`watch`): the person may be
 * looking at the other tab when their edit is lost there.
 */
import type { Actor } from '../../shared/board/actor';
import { EDITED_ITEM, EVIDENCE_FIELDS, isDeletion, isFieldRef, type LostWork } from './lostWork';
import { storeItem } from './storageRefused';

/**
 * A notice as kept: what was lost, and who kept theirs (or deleted the card) once presence, the
 * server or the card's history named them, so that a reload names them as the notice did.
 */
export type KeptNotice = LostWork & { readonly by: Actor | null };

export interface LostEditStore {
  load(): KeptNotice[];
  save(notices: readonly KeptNotice[]): void;
  /** Calls `onChange` when another tab saves; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
}

/**
 * The notices kept at most: more than a person works through between two reloads, and few
 * enough for localStorage when each holds two 10,000-character rationales.
 */
export const KEPT_NOTICES = 30;

/** What tells two notices apart: the same loss told by two tabs is one notice. */
export function noticeKey(n: LostWork): string {
  const where = 'commentId' in n ? n.commentId : n.evidenceId;
  const which = isDeletion(n) ? [n.client, n.clock] : [n.theirs, n.byClient];
  return JSON.stringify([n.cardId, where, n.field, n.mine, ...which]);
}

/** `kept` with `added` after it (a notice already kept stays once), the latest KEPT_NOTICES. */
export function mergeNotices(
  kept: readonly KeptNotice[],
  added: readonly KeptNotice[],
): KeptNotice[] {
  const keys = new Set(kept.map(noticeKey));
  return [...kept, ...added.filter((n) => !keys.has(noticeKey(n)))].slice(-KEPT_NOTICES);
}

const isText = (v: unknown) => typeof v === 'string' || v === null;
const isUser = (v: unknown) => {
  const u = v as Partial<Actor> | null;
  return (
    u === null || (typeof u === 'object' && typeof u.id === 'string' && typeof u.name === 'string')
  );
};
const isEvidence = (v: unknown) => {
  const e = v as Record<string, unknown> | null;
  return e === null || (typeof e === 'object' && EVIDENCE_FIELDS.every((k) => isText(e[k])));
};
const isEvidenceFields = (v: unknown) =>
  Array.isArray(v) && v.every((f) => (EVIDENCE_FIELDS as readonly unknown[]).includes(f));

function isNotice(v: unknown): v is KeptNotice {
  if (typeof v !== 'object' || v === null) return false;
  const n = v as Record<string, unknown>;
  if (!isFieldRef(n) || !isText(n.mine) || !isUser(n.by)) return false;
  if (n.itemRemoved === true || n.field === EDITED_ITEM) {
    return (
      n.itemRemoved === true &&
      n.field === EDITED_ITEM &&
      isEvidenceFields(n.edited) &&
      n.evidence !== null &&
      isEvidence(n.evidence) &&
      Number.isInteger(n.client) &&
      Number.isInteger(n.clock)
    );
  }
  return n.cardDeleted === true
    ? isText(n.claim) &&
        isEvidence(n.evidence) &&
        Number.isInteger(n.comments) &&
        Number.isInteger(n.client) &&
        Number.isInteger(n.clock)
    : isText(n.theirs) && Number.isInteger(n.byClient);
}

/**
 * Keeps the notices in a Storage (localStorage) under one key; none removes the key. `events`
 * (the window) tells of other tabs' saves: the browser fires `storage` in every tab but the one
 * that wrote.
 */
export function storageLostEditStore(
  storage: Storage,
  key: string,
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>,
): LostEditStore {
  return {
    load() {
      try {
        const raw: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(raw) ? raw.filter(isNotice).slice(-KEPT_NOTICES) : [];
      } catch {
        return [];
      }
    },
    save(notices) {
      // Refused (storage full or disabled): the notices stay on this page until it goes.
      const kept = notices.slice(-KEPT_NOTICES);
      storeItem(storage, key, kept.length === 0 ? null : JSON.stringify(kept));
    },
    watch(onChange) {
      const listener = (event: StorageEvent) => {
        if (event.storageArea === storage && (event.key === key || event.key === null)) onChange();
      };
      events?.addEventListener('storage', listener);
      return () => events?.removeEventListener('storage', listener);
    },
  };
}
