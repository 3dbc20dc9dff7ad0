/**
 * One announcement for colleagues' changes to the open card that arrived close together
 * (createNewsBatch), so that a burst is heard once, ending on the card as it is now, instead of
 * one sentence per change, each cutting off the one before.
 *
 * A lone change reads as before: "Carl moved this card to Disputed." Several by one person are
 * one sentence: "Carl made 6 changes to this card: moved it to Disputed, is now checking it,
 * added 2 items of evidence (context from example.org, supporting evidence from bbc.co.uk)."
 * A move that clears the verdict (it is not a label of the new column) is told as both, as
 * History has it: "moved it to Corroborated, cleared the verdict". Of the card's place, verdict
 * and checker only the latest change of each is told, and only
 * while it is still the card's state: a move since (this person's own, told by the board) has
 * made it old news. Comments and evidence are each told; rewritten texts are named once each
 * ("changed the rationale and the speaker"), not quoted: the box shows the new words.
 */
import type { Actor, CardView } from '../../shared/board';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { sourceName } from '../review/sourceName';
import { STANCE_WORDS } from '../review/stanceLabels';
import { fullStop } from '../ui/fullStop';
import { plural } from '../ui/plural';
import { type CardNewsItem, EDITED_FIELDS, type EditedField } from './cardNews';
import { quoted } from '../ui/quoted';
import { verdictWords } from '../review/verdictWords';
import { wordList } from '../ui/wordList';

type Item<K extends CardNewsItem['kind']> = Extract<CardNewsItem, { kind: K }>;

/** Kinds told in this order in a person's sentence; each list holds that person's items. */
interface Deeds {
  moved?: Item<'moved'>;
  edited: Set<EditedField>;
  verdict?: Item<'verdict'>;
  assignee?: Item<'assignee'>;
  evidence: Item<'evidence'>[];
  comments: Item<'comment'>[];
  count: number;
}

const stillSo = (item: CardNewsItem, now: CardView) =>
  item.kind === 'moved'
    ? now.column === item.column
    : item.kind === 'verdict'
      ? now.verdict === item.verdict
      : item.kind === 'assignee'
        ? now.assignee?.id === item.assignee?.id
        : true;

const FIELD_WORDS: Record<EditedField, string> = {
  claim: 'the claim',
  speaker: 'the speaker',
  rationale: 'the rationale',
  publication: 'the publication details',
};

const evidenceFrom = (e: Item<'evidence'>) => `${STANCE_WORDS[e.stance]} from ${sourceName(e)}`;
const said = (c: Item<'comment'>) => quoted(c.text, 80);

/** What was done to the card, as the rest of a sentence after the person's name. */
function fragments(d: Deeds, by: Actor, it: string): string[] {
  const parts: string[] = [];
  if (d.moved) parts.push(`moved ${it} to ${COLUMN_LABELS[d.moved.column]}`);
  if (d.edited.size > 0) {
    const fields = EDITED_FIELDS.filter((f) => d.edited.has(f)).map((f) => FIELD_WORDS[f]);
    parts.push(`changed ${wordList(fields)}${it === 'this card' ? ' of this card' : ''}`);
  }
  if (d.verdict) parts.push(verdictWords(d.verdict.verdict));
  if (d.assignee) {
    const taker = d.assignee.assignee;
    parts.push(
      taker === null
        ? `released ${it}`
        : taker.id === by.id
          ? `is now checking ${it}`
          : `gave ${it} to ${taker.name}`,
    );
  }
  const [first] = d.evidence;
  if (d.evidence.length === 1 && first) parts.push(`added ${evidenceFrom(first)}`);
  else if (d.evidence.length > 1) {
    const shown = d.evidence.slice(-3).map(evidenceFrom);
    const more = d.evidence.length - shown.length;
    const list = more > 0 ? [...shown, `${more} more`].join(', ') : shown.join(', ');
    parts.push(`added ${plural(d.evidence.length, 'item', 'items')} of evidence (${list})`);
  }
  const last = d.comments.at(-1);
  if (d.comments.length === 1 && last) {
    parts.push(`${last.reply ? 'replied' : 'commented'}: ${said(last)}`);
  } else if (last) parts.push(`posted ${d.comments.length} comments, the latest: ${said(last)}`);
  return parts;
}

export function summariseCardNews(items: readonly CardNewsItem[], now: CardView): string {
  // The latest of each state kind, if the card is still that way.
  const latest = new Map<string, CardNewsItem>();
  for (const item of items) {
    if (item.kind === 'moved' || item.kind === 'verdict' || item.kind === 'assignee') {
      latest.set(item.kind, item);
    }
  }
  const people = new Map<string, { by: Actor; deeds: Deeds }>();
  for (const item of items) {
    let person = people.get(item.by.id);
    if (!person) {
      person = { by: item.by, deeds: { edited: new Set(), evidence: [], comments: [], count: 0 } };
      people.set(item.by.id, person);
    }
    const d = person.deeds;
    d.count++;
    if (item.kind === 'evidence') d.evidence.push(item);
    else if (item.kind === 'edited') for (const f of item.fields) d.edited.add(f);
    else if (item.kind === 'comment') d.comments.push(item);
    else if (latest.get(item.kind) === item && stillSo(item, now)) {
      if (item.kind === 'moved') d.moved = item;
      else if (item.kind === 'verdict') d.verdict = item;
      else d.assignee = item;
    }
  }
  const sentences: string[] = [];
  for (const { by, deeds } of people.values()) {
    const one = deeds.count === 1;
    const parts = fragments(deeds, by, one ? 'this card' : 'it');
    if (one && parts.length === 0) continue; // its one change is old news
    sentences.push(
      fullStop(
        one
          ? `${by.name} ${parts[0]}`
          : `${by.name} made ${deeds.count} changes to this card${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`,
      ),
    );
  }
  return sentences.join(' ');
}
