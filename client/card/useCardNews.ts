/**
 * Tells a screen-reader user what colleagues change on the card they have open: a comment or
 * reply posted, evidence added, the card taken, given or released, moved to another column, its
 * claim, speaker, rationale or publication details rewritten, its verdict set or cleared (a move
 * to a column where it is not a label clears it). Sighted readers see these appear in the
 * dialog; without this they arrive in silence. Changes that arrive close together are told as
 * one (createNewsBatch, summariseCardNews): a burst of 30 by one colleague was 20
 * announcements, each cutting off the one before, and the last state was not what was heard.
 * Politely, in a region of the dialog's own: while a modal dialog is open the page behind it is
 * inert, so a region there may not be read at all. Nothing on the card when the dialog opens is
 * news, nor are the person's own changes (cardNews).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Actor, CardView } from '../../shared/board';
import { useAnnouncer } from '../ui/useAnnouncer';
import { cardNews, type CardNewsItem } from './cardNews';
import { createNewsBatch } from './createNewsBatch';
import { summariseCardNews } from './summariseCardNews';

/**
 * Returns the live region, to render inside the dialog. `lastChangeOwn` tells a reading made
 * by this person's own change to the card (an Undo writes back a colleague's name as the card's updater):
 * of such a reading only comments and evidence, which carry their own authors, are news.
 */
export function useCardNews(
  card: CardView | null,
  me: Actor,
  lastChangeOwn: (cardId: string) => boolean,
): React.ReactNode {
  const { announce, region } = useAnnouncer('polite', 'card-news');
  // Summarised when the batch is told, against the card as it is then.
  const latest = useRef(card);
  latest.current = card;
  const batch = useMemo(
    () =>
      createNewsBatch<CardNewsItem>((items) => {
        const text = latest.current ? summariseCardNews(items, latest.current) : '';
        if (text) announce(text);
      }),
    [announce],
  );
  useEffect(() => () => batch.clear(), [batch]);
  const before = useRef<CardView | null>(card);
  useEffect(() => {
    const was = before.current;
    before.current = card;
    if (!was || !card || was.id !== card.id) batch.clear();
    else {
      const news = cardNews(was, card, me);
      const own = lastChangeOwn(card.id);
      batch.add(own ? news.filter((n) => n.kind === 'comment' || n.kind === 'evidence') : news);
    }
  }, [card, me, batch, lastChangeOwn]);
  return region;
}
