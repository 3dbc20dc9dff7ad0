/**
 * The board on paper, for the morning meeting: its title and when it was printed, then each
 * column's cards with their claim, speaker, verdict, rationale, evidence (its balance and each
 * source's address) and who checks them. Rendered only while the page is printed (usePrinting),
 * into the body, where print.css shows it alone: the columns on screen render only the cards
 * in view, and a board of thousands of cards would otherwise carry a second copy of them all.
 */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import {
  type BoardView,
  type CardView,
  type ColumnId,
  COLUMNS,
  verdictFitsCard,
} from '../../shared/board';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { useCardLanguage } from '../article/articleLanguages';
import { describeBalance, evidenceBalance } from '../review/evidenceBalance';
import { formatExactTime } from '../review/formatTime';
import { STANCE_LABELS } from '../review/stanceLabels';
import { plural } from '../ui/plural';
import { usePrinting } from './usePrinting';
import './print.css';

export function PrintBoard(props: {
  title: string;
  board: BoardView;
  /** The cards each column shows, in order (the filter's, when one is on). */
  shown: Readonly<Record<ColumnId, readonly string[]>>;
  filtered: boolean;
}) {
  const printing = usePrinting();
  return printing ? createPortal(<PrintedBoard {...props} />, document.body) : null;
}

function PrintedBoard({
  title,
  board,
  shown,
  filtered,
}: {
  title: string;
  board: BoardView;
  shown: Readonly<Record<ColumnId, readonly string[]>>;
  filtered: boolean;
}) {
  // When printing began: the moment the sheet shows the board as of.
  const [printedAt] = useState(() => Date.now());
  const count = COLUMNS.reduce((n, c) => n + shown[c].length, 0);
  return (
    <div className="print-board">
      <header className="print-head">
        <h1>{title || 'Untitled board'}</h1>
        <p>
          Printed {formatExactTime(printedAt)}
          {filtered ? `: the ${plural(count, 'card', 'cards')} the filters showed` : ''}
        </p>
      </header>
      {COLUMNS.map((column) => {
        const cards = shown[column].flatMap((id) => board.cards[id] ?? []);
        return (
          <section key={column} className={`print-column print-${column}`}>
            <h2>
              {COLUMN_LABELS[column]} ({cards.length})
            </h2>
            {cards.length === 0 ? (
              <p className="muted">No cards.</p>
            ) : (
              <ol>
                {cards.map((card) => (
                  <PrintedCard
                    key={card.id}
                    card={card}
                    misfit={verdictFitsCard(board.meta.ratingScale, card) === false}
                  />
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}

function PrintedCard({ card, misfit }: { card: CardView; misfit: boolean }) {
  // A Spanish article's claim is read (and hyphenated) as Spanish, as on the card.
  const lang = useCardLanguage(card);
  return (
    <li className="print-card">
      <p className="print-claim" lang={lang} dir="auto">
        {card.claim}
      </p>
      {card.speaker && (
        <p className="speaker" dir="auto">
          {card.speaker}
        </p>
      )}
      <dl>
        <dt>Verdict</dt>
        <dd>
          {card.verdict ?? 'No verdict'}
          {misfit && ` (not a label for ${COLUMN_LABELS[card.column]})`}
        </dd>
        {card.rationale && (
          <>
            <dt>Rationale</dt>
            <dd dir="auto">{card.rationale}</dd>
          </>
        )}
        <dt>Evidence</dt>
        <dd>
          {describeBalance(evidenceBalance(card.evidence))}
          {card.evidence.length > 0 && (
            <ul>
              {card.evidence.map((item) => (
                <li key={item.id}>
                  {STANCE_LABELS[item.stance] ?? item.stance}:{' '}
                  <a href={item.url}>{hostOf(item.url)}</a>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Checked by</dt>
        <dd>{card.assignee?.name ?? 'Nobody yet'}</dd>
      </dl>
    </li>
  );
}

/** A source's site, as its link's words; print.css writes the whole address after them. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
