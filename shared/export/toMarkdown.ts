/**
 * Markdown export: a report an editor can read and paste. Title, articles, then each column's
 * cards (a heading with the claim on one line, and the claim again in a quote when it has
 * several) with verdict, its verdict history, rationale, evidence (links only for http/https)
 * and comment threads, resolved and open, each marked; then the cards deleted from the board,
 * by whom and when. All user text goes through markdownText's escaping.
 */
import { verdictFitsCard } from '../board/ratingScale';
import { COLUMNS } from '../board/schema';
import type { ArticleView, BoardView, CardView, CommentView } from '../board/view';
import { COLUMN_LABELS } from './columnLabels';
import { commentThreads } from './commentThreads';
import { isoTime } from './isoTime';
import { isMultiline, mdInline, mdLink, mdText } from './markdownText';
import { type RemovedArticle, removedArticles } from './removedArticles';
import type { HistoryInput } from './toJsonExport';
import { verdictOnScale } from './verdictOnScale';
import { isolateRightToLeft } from '../isolateRightToLeft';

/**
 * A person's name in a line of ours: a right-to-left one isolated (isolateRightToLeft), or the
 * time after it reads into it when the file is shown ("last changed by 06-12-2026 ,بو…").
 * Isolated once escaped: the escaping makes the person's own direction controls inert
 * (inertBidi), and must leave ours working.
 */
const person = (name: string): string => isolateRightToLeft(mdInline(name));

export interface MarkdownOptions {
  readonly exportedAt?: number;
  readonly asOf?: number | null;
  /**
   * The board's history, which names the articles removed since that cards still quote, and
   * gives each card's verdict history and the cards deleted since.
   */
  readonly history?: readonly HistoryInput[];
}

/** Where a card's article went: its title and link stay (removedArticles), and this says so. */
const REMOVED = '(article removed from the board)';

const STANCE_LABELS = { supports: 'Supports', refutes: 'Refutes', context: 'Context' } as const;
const SPEAKER_TYPES = { person: 'a person', organization: 'an organization' } as const;

const articleLink = (article: ArticleView | RemovedArticle) =>
  mdLink(article.title.trim() || article.url || '(untitled)', article.url);

/** ` (published 2021-09-01)` when the article's day is known (ISO, as every date here). */
const published = (article: ArticleView) =>
  article.published ? ` (published ${article.published})` : '';

function articleLine(article: ArticleView, index: number): string {
  return `${index + 1}. ${articleLink(article)}${published(article)}`;
}

/** ` — ` and the card's article, or what is known of it once it was removed. */
function sourceArticle(
  articleId: string,
  articles: ReadonlyMap<string, ArticleView>,
  removed: ReadonlyMap<string, RemovedArticle>,
): string {
  const article = articles.get(articleId);
  if (article) return ` — ${articleLink(article)}${published(article)}`;
  const gone = removed.get(articleId);
  return gone ? ` — ${articleLink(gone)} ${REMOVED}` : ` — ${REMOVED}`;
}

function commentLine(comment: CommentView, indent: string): string {
  const text = comment.deletedAt !== null ? '_(deleted)_' : mdText(comment.text, `${indent}  `);
  const edited = comment.editedAt !== null && comment.deletedAt === null ? ' (edited)' : '';
  return `${indent}- **${person(comment.author.name)}**, ${isoTime(comment.createdAt)}${edited}: ${text}`;
}

function commentsSection(card: CardView): string[] {
  const threads = commentThreads(card.comments);
  if (threads.length === 0) return [];
  const out = ['**Comments**', ''];
  for (const { root, replies } of threads) {
    const state = root.resolved
      ? `**Resolved thread**${root.resolvedBy ? ` (by ${person(root.resolvedBy.name)})` : ''}`
      : '**Open thread**';
    out.push(`- ${state}`);
    out.push(commentLine(root, '  '));
    for (const reply of replies) out.push(commentLine(reply, '    '));
  }
  out.push('');
  return out;
}

function evidenceSection(card: CardView): string[] {
  if (card.evidence.length === 0) return [];
  const out = ['**Evidence**', ''];
  for (const e of card.evidence) {
    const parts = [`${STANCE_LABELS[e.stance]}: ${mdLink(e.url, e.url)}`];
    // Isolated as names are: a right-to-left quote and note side by side would swap places,
    // with the dash between them, and the time after them would read backwards.
    if (e.quote) parts.push(`“${isolateRightToLeft(mdText(e.quote, '  '))}”`);
    if (e.note) parts.push(isolateRightToLeft(mdText(e.note, '  ')));
    out.push(`- ${parts.join(' — ')} (added by ${person(e.addedBy.name)}, ${isoTime(e.addedAt)})`);
  }
  out.push('');
  return out;
}

/** A verdict a lead removed from the scale since it was set says so: it has no rating now. */
const OFF_SCALE = " _(not on the board's rating scale)_";
/**
 * A verdict on the scale but not among the labels of the card's column (a colleague's verdict
 * and a move crossed) says so: the report must not show "False" under Corroborated unremarked.
 */
const notForColumn = (card: CardView) =>
  ` _(not a label for ${COLUMN_LABELS[card.column]}, the card's column)_`;

function cardSection(
  card: CardView,
  index: number,
  articles: ReadonlyMap<string, ArticleView>,
  removed: ReadonlyMap<string, RemovedArticle>,
  onScale: boolean | null,
  fits: boolean | null,
  verdicts: readonly HistoryInput[],
): string[] {
  const facts = [
    `- Verdict: ${card.verdict ? `**${mdInline(card.verdict)}**` : '_none_'}` +
      (onScale === false ? OFF_SCALE : fits === false ? notForColumn(card) : ''),
    `- Speaker: ${card.speaker ? mdInline(card.speaker) : '_unknown_'}` +
      (card.speakerType ? ` (${SPEAKER_TYPES[card.speakerType]})` : ''),
  ];
  if (card.reviewUrl)
    facts.push(`- Published fact-check: ${mdLink(card.reviewUrl, card.reviewUrl)}`);
  if (card.assignee) facts.push(`- Checked by: ${person(card.assignee.name)}`);
  if (card.source) {
    const from = sourceArticle(card.source.articleId, articles, removed);
    facts.push(
      `- Source: “${mdText(card.source.sentence, '  ')}”${from} (characters ${card.source.start}–${card.source.end})`,
    );
  }
  facts.push(
    `- Created by ${person(card.createdBy.name)}, ${isoTime(card.createdAt)}; ` +
      `last changed by ${person(card.updatedBy.name)}, ${isoTime(card.updatedAt)}`,
  );
  const out = [`### ${index + 1}. ${mdInline(card.claim)}`, ''];
  // The heading is one line; a claim written on several keeps them in a quote under it.
  if (isMultiline(card.claim.trim())) out.push(`> ${mdText(card.claim.trim(), '> ')}`, '');
  out.push(...facts, '');
  if (card.rationale.trim()) {
    out.push('**Rationale**', '', `> ${mdText(card.rationale, '> ')}`, '');
  }
  return [
    ...out,
    ...verdictHistorySection(verdicts),
    ...evidenceSection(card),
    ...commentsSection(card),
  ];
}

export function toMarkdown(view: BoardView, options: MarkdownOptions = {}): string {
  const out = [`# ${mdInline(view.meta.title || 'Untitled board')}`, ''];
  const stamps: string[] = [];
  if (options.asOf != null) stamps.push(`As of ${isoTime(options.asOf)}.`);
  if (options.exportedAt !== undefined) stamps.push(`Exported ${isoTime(options.exportedAt)}.`);
  const counts = COLUMNS.map((c) => `${view.columns[c].length} ${COLUMN_LABELS[c].toLowerCase()}`);
  const total = Object.keys(view.cards).length;
  stamps.push(`${total} ${total === 1 ? 'card' : 'cards'}: ${counts.join(', ')}.`);
  out.push(stamps.join(' '), '');

  out.push('## Articles', '');
  if (view.articles.length === 0) out.push('_No articles._');
  else out.push(...view.articles.map(articleLine));
  out.push('');

  const articles = new Map(view.articles.map((a) => [a.id, a]));
  const removed = removedArticles(view, options.history ?? []);
  const onScale = verdictOnScale(view);
  const verdicts = verdictTrails(options.history ?? []);
  for (const column of COLUMNS) {
    const ids = view.columns[column];
    out.push(`## ${COLUMN_LABELS[column]} (${ids.length})`, '');
    if (ids.length === 0) out.push('_No cards._', '');
    ids.forEach((id, index) => {
      const card = view.cards[id];
      if (card) {
        const fits = verdictFitsCard(view.meta.ratingScale, card);
        const trail = verdicts.get(id) ?? [];
        out.push(...cardSection(card, index, articles, removed, onScale(card), fits, trail));
      }
    });
  }
  out.push(...deletedCardsSection(view, options.history ?? []));
  return out.join('\n').replace(/\n+$/, '\n');
}

/**
 * Each card's verdict changes in the history (verdict.set), oldest first: what a standards
 * editor asks of a report ("who said False, and who changed it?"), which the card's own lines
 * answer only for its last change.
 */
function verdictTrails(history: readonly HistoryInput[]): Map<string, HistoryInput[]> {
  const trails = new Map<string, HistoryInput[]>();
  for (const e of history) {
    if (e.type !== 'verdict.set' || e.cardId === null) continue;
    const trail = trails.get(e.cardId);
    if (trail) trail.push(e);
    else trails.set(e.cardId, [e]);
  }
  return trails;
}

const label = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** "- 2026-12-07T15:32:18.000Z: **Mostly false** (was False), set by Bea", one per change. */
function verdictHistorySection(trail: readonly HistoryInput[]): string[] {
  if (trail.length === 0) return [];
  const lines = trail.map((e) => {
    const [verdict, from] = [label(e.data.verdict), label(e.data.from)];
    const was = from ? ` (was ${mdInline(from)})` : '';
    const deed = verdict ? `**${mdInline(verdict)}**${was}, set` : `cleared${was},`;
    return `- ${isoTime(e.at)}: ${deed} by ${person(e.actor.name)}`;
  });
  return ['**Verdict history**', '', ...lines, ''];
}

/**
 * The cards the history shows deleted and not back on the board, by their last deletion (a
 * restore since, or the deleter's Undo, brings a card back): the board keeps nothing of them,
 * so without this the report would not say a claim was ever on it.
 */
function deletedCardsSection(view: BoardView, history: readonly HistoryInput[]): string[] {
  const deletions = new Map<string, HistoryInput>();
  for (const e of history) {
    if (e.cardId === null) continue;
    if (e.type === 'card.deleted') deletions.set(e.cardId, e);
    else if (e.type === 'card.restored') deletions.delete(e.cardId);
  }
  const gone = [...deletions].filter(([id]) => view.cards[id] === undefined);
  if (gone.length === 0) return [];
  const lines = gone.map(([, e]) => {
    const claim = label(e.data.claim);
    return `- ${claim ? `“${mdInline(claim)}”` : '_(claim not recorded)_'} — deleted by ${person(e.actor.name)}, ${isoTime(e.at)}`;
  });
  return [`## Deleted cards (${gone.length})`, '', ...lines, ''];
}
