/**
 * Which changes the Activity feed lists: a lead asks "what did Bea do today?", "who changed
 * verdicts this week?". Three choices, each "all" by default: whose changes (the people the
 * loaded history names), what kind of change, and since when. They narrow the events the
 * feed holds; older pages still load on demand, and what they bring is filtered alike.
 */
import type { Actor } from '../../shared/board/actor';
import { plural } from '../ui/plural';
import type { HistoryEvent } from './historyEvent';

/** A kind of change, as the filter offers it, and the event types it holds. */
interface ChangeKind {
  readonly label: string;
  /** How the summary names it: "12 of the 200 changes loaded: verdicts by Bea". */
  readonly words: string;
  readonly types: readonly string[];
}

export const CHANGE_KINDS = {
  verdicts: { label: 'Verdicts', words: 'verdicts', types: ['verdict.set'] },
  moves: { label: 'Moves between columns', words: 'moves', types: ['card.moved'] },
  edits: {
    label: 'Claim, speaker, rationale edits',
    words: 'card edits',
    types: ['card.edited'],
  },
  evidence: {
    label: 'Evidence',
    words: 'evidence changes',
    types: ['evidence.added', 'evidence.edited', 'evidence.removed', 'evidence.restored'],
  },
  comments: {
    label: 'Comments',
    words: 'comments',
    types: [
      'comment.posted',
      'comment.edited',
      'comment.deleted',
      'comment.restored',
      'comment.redacted',
      'comment.resolved',
      'comment.reopened',
    ],
  },
  assignments: { label: 'Who checks a card', words: 'assignments', types: ['card.assigned'] },
  cards: {
    label: 'Cards added, deleted, restored',
    words: 'cards added, deleted or restored',
    types: ['card.created', 'card.deleted', 'card.restored'],
  },
  articles: {
    label: 'Articles',
    words: 'articles',
    types: ['article.added', 'article.removed', 'article.restored', 'article.linked'],
  },
  people: {
    label: 'Invites and roles',
    words: 'invite and role changes',
    types: ['invite.issued', 'invite.revoked', 'invite.expiry', 'role.changed'],
  },
  board: {
    label: 'Board title and rating scale',
    words: 'board title and rating scale changes',
    types: ['board.renamed', 'scale.changed', 'board.imported'],
  },
  notKept: {
    label: 'Changes not kept',
    words: 'changes not kept',
    types: ['write.overridden', 'write.lost'],
  },
} as const satisfies Readonly<Record<string, ChangeKind>>;
export type ChangeKindKey = keyof typeof CHANGE_KINDS;
export const isChangeKind = (v: string): v is ChangeKindKey => Object.hasOwn(CHANGE_KINDS, v);

const HOUR = 3_600_000;
/** Since when, as offered; `from` gives the moment each starts at, when chosen. */
export const SINCE = {
  hour: {
    label: 'In the last hour',
    words: 'from the last hour',
    from: (now: number) => now - HOUR,
  },
  today: {
    label: 'Today',
    words: 'from today',
    from: (now: number) => new Date(now).setHours(0, 0, 0, 0),
  },
  week: {
    label: 'In the last 7 days',
    words: 'from the last 7 days',
    from: (now: number) => now - 7 * 24 * HOUR,
  },
} as const;
export type SinceKey = keyof typeof SINCE;
export const isSince = (v: string): v is SinceKey => Object.hasOwn(SINCE, v);

export interface ActivityFilter {
  /** Whose changes: an actor's id (their invite), or null for everyone's. */
  readonly person: string | null;
  readonly kind: ChangeKindKey | null;
  /** Since when, with the moment it was worked out from when chosen; null for any time. */
  readonly since: { readonly key: SinceKey; readonly from: number } | null;
}

export const NO_FILTER: ActivityFilter = { person: null, kind: null, since: null };
export const isFiltering = (f: ActivityFilter): boolean =>
  f.person !== null || f.kind !== null || f.since !== null;

/** The events the filter keeps, in their order. */
export function filterActivity(
  events: readonly HistoryEvent[],
  filter: ActivityFilter,
): readonly HistoryEvent[] {
  if (!isFiltering(filter)) return events;
  const types: readonly string[] | null = filter.kind ? CHANGE_KINDS[filter.kind].types : null;
  const from = filter.since?.from ?? null;
  return events.filter(
    (e) =>
      (filter.person === null || e.actor.id === filter.person) &&
      (types === null || types.includes(e.type)) &&
      (from === null || e.at >= from),
  );
}

/** Everyone the events name as having made a change, by name, each once (by their invite). */
export function activityPeople(events: readonly HistoryEvent[]): Actor[] {
  const people = new Map<string, Actor>();
  for (const e of events) if (!people.has(e.actor.id)) people.set(e.actor.id, e.actor);
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * What the filtered list holds, in words: "3 of the 200 changes loaded: verdicts by Bea from
 * today." `complete`: the whole history is loaded ("of the board’s 243 changes").
 */
export function filterSummary(
  shown: number,
  loaded: number,
  complete: boolean,
  filter: ActivityFilter,
  personName: string | null,
): string {
  const what = [
    ...(filter.kind ? [CHANGE_KINDS[filter.kind].words] : []),
    ...(filter.person !== null ? [`by ${personName ?? 'someone no longer named'}`] : []),
    ...(filter.since ? [SINCE[filter.since.key].words] : []),
  ].join(' ');
  const changes = plural(loaded, 'change', 'changes').replace(/^\d+/, loaded.toLocaleString('en'));
  const of = complete ? `of the board’s ${changes}` : `of the ${changes} loaded`;
  const count = shown === 0 ? 'None' : shown.toLocaleString('en');
  const more = complete ? '' : ' Load older activity, after the list, brings older ones.';
  return `${count} ${of}: ${what}.${more}`;
}
