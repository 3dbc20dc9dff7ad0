/**
 * Tells a screen-reader user what colleagues change on the card they have open: a comment or
 * reply posted, the card taken, given or released, moved to another column, its verdict set.
 * Sighted readers see these appear in the dialog; without this they arrive in silence. The
 * person's own changes are not news (they announce themselves), nor is anything on the card
 * when the dialog opens. A card given to the person is told by the board's notice instead.
 */
import { useEffect, useRef } from 'react';
import type { Actor, CardView } from '../../shared/board';
import { COLUMN_LABELS } from '../board/columnLabels';
import { clip } from '../ui/clip';

export function useCardNews(
  card: CardView | null,
  me: Actor,
  announce: (text: string) => void,
): void {
  const before = useRef<CardView | null>(card);
  useEffect(() => {
    const was = before.current;
    before.current = card;
    if (!was || !card || was.id !== card.id) return;
    const news = cardNews(was, card, me);
    if (news.length > 0) announce(news.join(' '));
  }, [card, me, announce]);
}

/** What colleagues changed between two readings of one card, as sentences. */
export function cardNews(was: CardView, now: CardView, me: Actor): string[] {
  const news: string[] = [];
  const seen = new Set(was.comments.map((c) => c.id));
  for (const c of now.comments) {
    if (seen.has(c.id) || c.author.id === me.id || c.deletedAt !== null) continue;
    news.push(`${c.author.name} ${c.parentId ? 'replied' : 'commented'}: “${clip(c.text, 80)}”.`);
  }
  const by = now.updatedBy;
  if (by.id === me.id) return news;
  if (now.column !== was.column)
    news.push(`${by.name} moved this card to ${COLUMN_LABELS[now.column]}.`);
  else if (now.verdict !== was.verdict && now.verdict) {
    news.push(`${by.name} set the verdict to ${now.verdict}.`);
  }
  const taker = now.assignee;
  if (taker?.id !== was.assignee?.id && taker?.id !== me.id) {
    news.push(
      taker === null
        ? `${by.name} released this card.`
        : taker.id === by.id
          ? `${by.name} is now checking this card.`
          : `${by.name} gave this card to ${taker.name}.`,
    );
  }
  return news;
}
