/**
 * One event of a board's history as GET /api/boards/:id/history serves it, and how it reads
 * in words. The server derives and attributes events (server/audit); the client only shows
 * them, and treats their data as untrusted text.
 */
import type { Actor } from '../../shared/board/actor';
import { isColumn } from '../../shared/board/schema';
import { isRole, type Role } from '../../shared/roles';
import { stringOrNull } from '../../shared/stringOrNull';
import { ROLE_LABELS } from '../app/roleLabels';
import type { Stance } from '../../shared/board/view';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { formatCalendarDay, formatDay } from '../review/formatTime';
import { STANCE_LABELS, STANCE_WORDS } from '../review/stanceLabels';
import { verdictWords } from '../review/verdictWords';
import { quoted as quoteText } from '../ui/quoted';
import { plural } from '../ui/plural';
import { wordList } from '../ui/wordList';
import { changeExcerpts } from './changeExcerpts';
import { personName } from '../ui/personName';

export interface HistoryEvent {
  readonly seq: number;
  readonly cardId: string | null;
  readonly type: string;
  readonly actor: Actor;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

const column = (v: unknown): string => (isColumn(v) ? COLUMN_LABELS[v] : 'an unknown column');
const role = (v: unknown): string => (isRole(v) ? ROLE_LABELS[v] : 'an unknown role');
/** A role as "invited Rita as a reviewer" names it. */
const ROLE_AS: Readonly<Record<Role, string>> = {
  lead: 'a lead',
  editor: 'an editor',
  reviewer: 'a reviewer',
  viewer: 'a viewer',
};

/**
 * Long texts are cut in a sentence about them (the card shows them whole), and an override
 * they leave open is closed, or the entry's words after them would read reversed (quoted).
 */
const QUOTED_CHARS = 140;
const quoted = (text: string) => quoteText(text, QUOTED_CHARS);
/** A text before and after an edit, quoted, each around where they differ (changeExcerpts). */
function quotedChange(was: string, now: string): [string, string] {
  const [from, to] = changeExcerpts(was, now, QUOTED_CHARS);
  return [quoteText(from), quoteText(to)];
}

/** An edited field as its form names it, and how its value reads. */
interface FieldWords {
  readonly words: string;
  show(v: string): string;
  /** How a value and the one it replaced read together, when not each as `show` has it. */
  change?(was: string, now: string): [string, string];
}
/** A free-text field, quoted, its edits around where they differ. */
const textField = (words: string): FieldWords => ({ words, show: quoted, change: quotedChange });

/** A card's fields (card.edited); one this client does not know reads by its key. */
const CARD_FIELDS: Readonly<Record<string, FieldWords>> = {
  claim: textField('the claim text'),
  speaker: textField('the speaker'),
  speakerType: textField('the speaker’s type'),
  rationale: textField('the rationale'),
  reviewUrl: textField('the published fact-check URL'),
};
const cardField = (f: string): FieldWords => CARD_FIELDS[f] ?? textField(f);

/** An evidence item's fields (evidence.edited). */
const EVIDENCE_FIELDS: Readonly<Record<string, FieldWords>> = {
  url: { words: 'the source URL', show: (v) => v },
  quote: textField('the quoted passage'),
  stance: {
    words: 'the stance',
    show: (v) => (Object.hasOwn(STANCE_LABELS, v) ? STANCE_LABELS[v as Stance] : quoted(v)),
  },
  note: textField('the note'),
};

/** "refuting evidence", or null for a stance this client does not know. */
function stanceWords(d: Readonly<Record<string, unknown>>): string | null {
  const stance = stringOrNull(d.stance) ?? '';
  return Object.hasOwn(STANCE_WORDS, stance) ? STANCE_WORDS[stance as Stance] : null;
}

/** "refuting evidence: https://…", as an evidence event names its item. */
function evidenceItem(d: Readonly<Record<string, unknown>>): string {
  const url = stringOrNull(d.url);
  return `${stanceWords(d) ?? 'evidence'}${url ? `: ${url}` : ''}`;
}

/** "restored the source https://… as refuting evidence": a removed item back on its card. */
function evidenceRestored(d: Readonly<Record<string, unknown>>): string {
  const url = stringOrNull(d.url);
  const words = stanceWords(d);
  if (!url) return `restored ${words ?? 'evidence'}`;
  return `restored the source ${url}${words ? ` as ${words}` : ''}`;
}

const fieldsOf = (d: Readonly<Record<string, unknown>>): string[] =>
  (Array.isArray(d.fields) ? d.fields : []).filter((f): f is string => typeof f === 'string');

/**
 * An edit's fields with the values before and after, as the event recorded them ("changed the
 * stance from Refutes to Context and cleared the note (was “Table 3”)"); '' when `d` recorded
 * no values (events from before they were recorded name the fields only) or no field.
 */
function fieldEdits(
  d: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  words: (f: string) => FieldWords,
): string {
  if (typeof d.values !== 'object' || d.values === null) return '';
  const now = (f: string) => stringOrNull((d.values as Record<string, unknown>)[f]);
  const was = (f: string) => stringOrNull((d.was as Record<string, unknown> | null)?.[f]);
  const changed: string[] = [];
  const cleared: string[] = [];
  for (const f of fields) {
    const { words: field, show, change } = words(f);
    const [value, old] = [now(f), was(f)];
    if (!value) cleared.push(old ? `${field} (was ${show(old)})` : field);
    else if (!old) changed.push(`${field} to ${show(value)}`);
    else {
      const [from, to] = change?.(old, value) ?? [show(old), show(value)];
      changed.push(`${field} from ${from} to ${to}`);
    }
  }
  const parts = [
    ...(changed.length ? [`changed ${wordList(changed)}`] : []),
    ...(cleared.length ? [`cleared ${wordList(cleared)}`] : []),
  ];
  return parts.join(' and ');
}

/** An evidence edit with its values ("changed the stance from Refutes to Context"). */
function evidenceEdit(d: Readonly<Record<string, unknown>>): string {
  const fields = fieldsOf(d).filter((f) => Object.hasOwn(EVIDENCE_FIELDS, f));
  return fieldEdits(d, fields, (f) => EVIDENCE_FIELDS[f]!) || 'edited evidence';
}

/** A card edit with its values ("changed the claim text from “…” to “…”"). */
function cardEdit(d: Readonly<Record<string, unknown>>): string {
  const fields = fieldsOf(d);
  if (fields.length === 0) return 'edited the card';
  return (
    fieldEdits(d, fields, cardField) || `edited ${wordList(fields.map((f) => cardField(f).words))}`
  );
}

/** A comment edit with the words before and after, when the event recorded them. */
function commentEdit(d: Readonly<Record<string, unknown>>): string {
  const now = stringOrNull(d.text);
  if (!now) return 'edited a comment';
  const was = stringOrNull(d.was);
  // An empty old text is a deleted comment brought back.
  if (!was) return `edited their comment to ${quoted(now)}`;
  const [from, to] = quotedChange(was, now);
  return `edited their comment: ${from} → ${to}`;
}

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * " (comment text redacted by Lena on 5 Dec 2026)" after a comment's event whose words a lead
 * redacted (the server empties them and marks the event `redacted: {by, at}`); else nothing.
 */
function redactedNote(d: Readonly<Record<string, unknown>>): string {
  if (!isObject(d.redacted)) return '';
  const by = isObject(d.redacted.by) ? stringOrNull(d.redacted.by.name) : null;
  const at = num(d.redacted.at);
  return ` (comment text redacted${by ? ` by ${by}` : ''}${at ? ` on ${formatDay(at)}` : ''})`;
}
const items = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** "added “Parody” and “Spin”": label names, none when `names` holds none. */
function labels(verb: string, names: unknown): string[] {
  const quoted = items(names).flatMap((l) => (typeof l === 'string' ? [quoteText(l)] : []));
  return quoted.length > 0 ? [`${verb} ${wordList(quoted)}`] : [];
}

/** "renamed “True” to “Accurate”": labels renamed in place. */
function renames(v: unknown): string[] {
  const pairs = items(v).flatMap((r) =>
    isObject(r) && typeof r.from === 'string' && typeof r.to === 'string'
      ? [`${quoteText(r.from)} to ${quoteText(r.to)}`]
      : [],
  );
  return pairs.length > 0 ? [`renamed ${wordList(pairs)}`] : [];
}

/** "“Misleading” now rated 4 (was 2) and counts as Corroborated (was Disputed)". */
function labelChange(c: unknown): string[] {
  if (!isObject(c) || typeof c.label !== 'string' || !isObject(c.was)) return [];
  const [value, was] = [num(c.value), num(c.was.value)];
  const parts = [
    ...(value !== null && was !== null ? [`now rated ${value} (was ${was})`] : []),
    ...(isColumn(c.was.column)
      ? [`counts as ${column(c.column)} (was ${column(c.was.column)})`]
      : []),
  ];
  return parts.length > 0 ? [`${quoteText(c.label)} ${parts.join(' and ')}`] : [];
}

/** "ratings now run from 1 to 7 (was 1 to 5)": the scale's worst and best. */
function rangeChange(r: unknown): string[] {
  if (!isObject(r) || !isObject(r.was)) return [];
  const [best, worst, wasBest, wasWorst] = [r.best, r.worst, r.was.best, r.was.worst].map(num);
  if (best == null || worst == null || wasBest == null || wasWorst == null) return [];
  return [`ratings now run from ${worst} to ${best} (was ${wasWorst} to ${wasBest})`];
}

/**
 * A lead's change of an invite's expiry (invite.expiry: from and to, ms or null for never):
 * set, extended to a later day, or ended (the invite lasts until revoked).
 */
function expiryChange(d: Readonly<Record<string, unknown>>): string {
  const name = stringOrNull(d.name);
  const whose = name ? `${personName(name)}’s` : 'a member’s';
  const at = (v: unknown) => (typeof v === 'number' ? v : null);
  const from = at(d.from);
  const to = at(d.to);
  if (to === null) return `ended the expiry of ${whose} invite: it lasts until revoked`;
  if (from !== null && to > from) return `extended ${whose} invite to ${formatDay(to)}`;
  return `set ${whose} invite to expire on ${formatDay(to)}`;
}

/**
 * A rating-scale change: labels renamed, added and removed, a label's ClaimReview value or
 * column, the range. Events from before renames, values and columns were recorded name the
 * labels added and removed only (a rename as both).
 */
function scaleChange(d: Readonly<Record<string, unknown>>): string {
  const parts = [
    ...renames(d.renamed),
    ...labels('added', d.added),
    ...labels('removed', d.removed),
    ...items(d.changed).flatMap(labelChange),
    ...rangeChange(d.range),
  ];
  return parts.length > 0
    ? `changed the rating scale: ${parts.join('; ')}`
    : 'changed the rating scale';
}

/** "took the card", "gave the card to Bo", "released the card": a card's assignee set. */
function assigned(who: unknown, actorId: string): string {
  const to = who as Partial<Actor> | null;
  if (!to || typeof to.name !== 'string') return 'released the card';
  return to.id === actorId ? 'took the card' : `gave the card to ${personName(to.name)}`;
}

/**
 * A write that replaced a value its writer never saw (a crossing change, kept: observeHistory
 * marks it `crossed`, with the fields, or true); '' when it saw what it replaced.
 */
function crossedNote(
  d: Readonly<Record<string, unknown>>,
  words: (f: string) => string = String,
): string {
  if (d.crossed === true) return ' (over a change they had not seen)';
  const fields = items(d.crossed).filter((f): f is string => typeof f === 'string');
  if (fields.length === 0) return '';
  return ` (over a change to ${wordList(fields.map(words))} they had not seen)`;
}

/**
 * What a write the board did not keep would have done, from the field and value its event
 * recorded (write.overridden, write.lost): "set the verdict to False", "changed the stance of
 * the evidence https://… to Context", "added refuting evidence: https://…".
 */
function meantWrite(e: HistoryEvent): string {
  const d = e.data;
  const field = stringOrNull(d.field) ?? '';
  const value = stringOrNull(d.value);
  if (field === 'verdict') return verdictWords(value);
  if (field === 'column') return `moved the card to ${column(d.value)}`;
  if (field === 'assignee') return assigned(d.value, e.actor.id);
  if (field === 'evidence' && isObject(d.value)) return `added ${evidenceItem(d.value)}`;
  const { words, show } = fieldWords(d);
  // The item by its url when the event has it (write.lost), as the evidence events name theirs.
  const url = stringOrNull(d.evidenceUrl);
  const of = isEvidenceField(d) ? `${words} of the evidence${url ? ` ${url}` : ''}` : words;
  return value ? `changed ${of} to ${show(value)}` : `cleared ${of}`;
}

/** Whether the recorded field is an evidence item's: the event names the item. */
const isEvidenceField = (d: Readonly<Record<string, unknown>>): boolean =>
  typeof d.evidenceId === 'string' && Object.hasOwn(EVIDENCE_FIELDS, stringOrNull(d.field) ?? '');

/** The recorded field's words: an evidence item's, else a card's. */
function fieldWords(d: Readonly<Record<string, unknown>>): FieldWords {
  const field = stringOrNull(d.field) ?? '';
  return isEvidenceField(d) ? EVIDENCE_FIELDS[field]! : cardField(field);
}

/**
 * A write that crossed another one and lost (write.overridden): what it would have done, whose
 * change it crossed when the server knows (keptBy), and what the board kept ("set the verdict to
 * False, but it crossed Bo’s change and was not kept (the board kept Mostly true)"). One the
 * board held until a crossing write replaced it (`replaced`: a change made offline, kept by
 * Yjs's order over a later one) says so, and what the field became ("set the verdict to False,
 * but a change Bo had made without seeing it replaced it (the verdict became Mostly true)").
 */
function overriddenWrite(e: HistoryEvent): string {
  const d = e.data;
  const replaced = d.replaced === true;
  const field = stringOrNull(d.field) ?? '';
  const kept = stringOrNull(d.kept);
  let stays: string;
  if (field === 'verdict') {
    if (replaced) stays = kept ? `the verdict became ${kept}` : 'the verdict was cleared';
    else stays = kept ? `the board kept ${kept}` : 'the board kept no verdict';
  } else if (field === 'column') {
    stays = `the card ${replaced ? 'went to' : 'stayed in'} ${column(d.kept)}`;
  } else if (field === 'assignee') {
    const keeper = d.kept as Partial<Actor> | null;
    if (typeof keeper?.name === 'string')
      stays = `${personName(keeper.name)} ${replaced ? 'took' : 'kept'} it`;
    else stays = replaced ? 'it was left unassigned' : 'it stayed unassigned';
  } else if (replaced) {
    stays = kept ? `it became ${fieldWords(d).show(kept)}` : 'it was emptied';
  } else {
    stays = kept ? `the board kept ${fieldWords(d).show(kept)}` : 'the board kept it empty';
  }
  const keeper = d.keptBy as Partial<Actor> | null | undefined;
  const named = typeof keeper?.name === 'string';
  if (replaced) {
    const by = !named
      ? 'another change made'
      : keeper.id === e.actor.id
        ? 'a change of their own made'
        : `a change ${personName(keeper.name)} had made`;
    return `${meantWrite(e)}, but ${by} without seeing it replaced it (${stays})`;
  }
  const other = !named
    ? 'another change'
    : keeper.id === e.actor.id
      ? 'a change of their own'
      : `${personName(keeper.name)}’s change`;
  return `${meantWrite(e)}, but it crossed ${other} and was not kept (${stays})`;
}

/**
 * A write into a card, or an evidence item, deleted before it reached the board (write.lost):
 * what it would have done, and who had deleted what ("changed the rationale to “…”, but the
 * card had been deleted by Bo, so it was not kept").
 */
function lostWrite(e: HistoryEvent): string {
  const d = e.data;
  const [what, verb] =
    d.deleted === 'evidence' ? ['the evidence', 'removed'] : ['the card', 'deleted'];
  const by = d.deletedBy as Partial<Actor> | null | undefined;
  const gone =
    typeof by?.name !== 'string'
      ? `${what} had been ${verb}`
      : by.id === e.actor.id
        ? `they had ${verb} ${what} themselves`
        : `${what} had been ${verb} by ${personName(by.name)}`;
  return `${meantWrite(e)}, but ${gone}, so it was not kept`;
}

/** What the actor did, as the rest of a sentence that starts with their name. */
export function describeEvent(e: HistoryEvent): string {
  const d = e.data;
  switch (e.type) {
    case 'card.created':
      return `added the card to ${column(d.column)}`;
    case 'card.restored':
      return `restored the card to ${column(d.column)}`;
    case 'card.moved':
      return `moved the card from ${column(d.from)} to ${column(d.to)}${crossedNote(d)}`;
    case 'card.edited':
      return `${cardEdit(d)}${crossedNote(d, (f) => cardField(f).words)}`;
    case 'verdict.set': {
      const verdict = stringOrNull(d.verdict);
      // A crossed verdict replaced one its setter never saw: "was" alone would say they did.
      const unseen = d.crossed === true ? ', a change they had not seen' : '';
      const from = stringOrNull(d.from);
      const was = from ? ` (was ${from}${unseen})` : '';
      return `${verdictWords(verdict)}${was}`;
    }
    case 'card.assigned':
      return `${assigned(d.assignee, e.actor.id)}${crossedNote(d)}`;
    case 'write.overridden':
      return overriddenWrite(e);
    case 'write.lost':
      return lostWrite(e);
    case 'card.deleted':
      return 'deleted the card';
    case 'evidence.added':
      return `added ${evidenceItem(d)}`;
    case 'evidence.removed': {
      const quote = stringOrNull(d.quote);
      return `removed ${evidenceItem(d)}${quote ? `, quoting ${quoted(quote)}` : ''}`;
    }
    case 'evidence.restored':
      return evidenceRestored(d);
    case 'evidence.edited':
      return `${evidenceEdit(d)}${crossedNote(d, (f) => EVIDENCE_FIELDS[f]?.words ?? f)}`;
    case 'comment.posted': {
      const text = stringOrNull(d.text);
      const what = d.parentId ? 'replied to a comment' : 'commented';
      return `${text ? `${what}: ${quoted(text)}` : what}${redactedNote(d)}`;
    }
    case 'comment.edited':
      return `${commentEdit(d)}${redactedNote(d)}`;
    case 'comment.deleted': {
      const text = stringOrNull(d.text);
      const what = text ? `deleted their comment ${quoted(text)}` : 'deleted a comment';
      return `${what}${redactedNote(d)}`;
    }
    case 'comment.restored': {
      const text = stringOrNull(d.text);
      const what = text
        ? `brought back their deleted comment ${quoted(text)}`
        : 'brought back a comment';
      return `${what}${redactedNote(d)}`;
    }
    case 'comment.redacted':
      return 'redacted the text of a comment for good';
    case 'comment.resolved':
      return 'resolved a thread';
    case 'comment.reopened':
      return 'reopened a thread';
    case 'article.added': {
      const title = stringOrNull(d.title);
      return title ? `imported the article ${quoteText(title)}` : 'imported an article';
    }
    case 'article.restored': {
      const title = stringOrNull(d.title);
      return title ? `restored the article ${quoteText(title)}` : 'restored an article';
    }
    case 'article.removed': {
      const title = stringOrNull(d.title);
      const removed = typeof d.removed === 'number' ? d.removed : 0;
      const kept = typeof d.kept === 'number' ? d.kept : 0;
      const parts = [
        title ? `removed the article ${quoteText(title)}` : 'removed an article',
        ...(removed > 0
          ? [`deleted ${plural(removed, 'card', 'cards')} nobody had worked on`]
          : []),
      ];
      const moved = typeof d.moved === 'number' ? d.moved : 0;
      const to = Array.isArray(d.movedTo) ? (d.movedTo as { title?: unknown }[]) : [];
      const toTitle = to.length === 1 ? stringOrNull(to[0]?.title) : null;
      const where = toTitle
        ? `${quoteText(toTitle)}, which has`
        : 'other articles on the board, which have';
      const move =
        moved > 0
          ? `; ${plural(moved, 'card', 'cards')} moved to ${where} ${moved === 1 ? 'its sentence' : 'their sentences'}`
          : '';
      const stay = kept > 0 ? `; ${plural(kept, 'card', 'cards')} someone worked on stayed` : '';
      return `${wordList(parts)}${move}${stay}`;
    }
    case 'article.linked': {
      const title = stringOrNull(d.title);
      return title
        ? `linked the article ${quoteText(title)} to its source`
        : 'linked an article to its source';
    }
    case 'article.dated': {
      const title = stringOrNull(d.title);
      const article = title ? `the article ${quoteText(title)}` : 'an article';
      const day = stringOrNull(d.published);
      const was = stringOrNull(d.was);
      if (!day)
        return `cleared the publication date of ${article}${was ? ` (was ${formatCalendarDay(was)})` : ''}`;
      return `dated ${article} published ${formatCalendarDay(day)}${was ? ` (was ${formatCalendarDay(was)})` : ''}`;
    }
    case 'board.renamed': {
      const title = stringOrNull(d.title);
      return title ? `renamed the board to ${quoteText(title)}` : 'renamed the board';
    }
    case 'scale.changed':
      return scaleChange(d);
    case 'role.changed': {
      // Whose: the invite's name as it was recorded; a lead may change their own role.
      const name = stringOrNull(d.name);
      const whose =
        d.inviteId === e.actor.id ? 'their own' : name ? `${personName(name)}’s` : 'a member’s';
      return `changed ${whose} role from ${role(d.from)} to ${role(d.to)}`;
    }
    case 'invite.issued': {
      const name = stringOrNull(d.name);
      // An expiry given with the invite is recorded with it (expiresAt), not as invite.expiry.
      const until = typeof d.expiresAt === 'number' ? ` until ${formatDay(d.expiresAt)}` : '';
      return `invited ${name ? personName(name) : 'someone'}${isRole(d.role) ? ` as ${ROLE_AS[d.role]}` : ''}${until}`;
    }
    case 'invite.revoked': {
      const name = stringOrNull(d.name);
      return `revoked ${name ? `${personName(name)}’s` : 'a member’s'} access`;
    }
    case 'invite.expiry':
      return expiryChange(d);
    case 'board.imported':
      // The history before this entry came with the export; its deleted cards did not.
      return 'made this board from a JSON export; the entries below come from the board exported';
    default:
      return `changed the board (${e.type})`;
  }
}

/**
 * The claim an event is about: the card's current claim, or the one the event recorded, or
 * for a card gone from the board, the one its other events recorded (`recorded`).
 */
export function claimOf(
  e: HistoryEvent,
  currentClaim: string | undefined,
  recorded?: ReadonlyMap<string, string>,
): string | null {
  return (
    currentClaim ??
    stringOrNull(e.data.claim) ??
    (e.cardId ? (recorded?.get(e.cardId) ?? null) : null)
  );
}

/**
 * The latest claim the events record of each card (its deletion's, its adding's), `events`
 * newest first: what names a deleted card in an event that records none, such as a comment
 * posted to it after it went, or a move made before.
 */
export function recordedClaims(events: readonly HistoryEvent[]): ReadonlyMap<string, string> {
  const claims = new Map<string, string>();
  for (const e of events) {
    const claim = stringOrNull(e.data.claim);
    if (e.cardId && claim !== null && !claims.has(e.cardId)) claims.set(e.cardId, claim);
  }
  return claims;
}
