/**
 * The claims an article import left out because a person had deleted their card from the board
 * (`deletedBefore`), each with "Restore": the card comes back as it was before its deletion
 * (evidence, verdict, comments) through restoreCard, and reaches the board by sync. "Restore
 * all" restores the rest one after another, since restores share the board threads' queue.
 *
 * Inside the Import dialog: what happens is said through the board's announcer, which speaks
 * from the dialog while it is open; a restored card's button gives way to where it went, and
 * focus goes to its item (or to the heading after "Restore all") rather than to the page.
 */
import { useId, useRef, useState } from 'react';
import { ApiError } from '../app/api';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { useBoardActions } from '../board/boardActions';
import { restoreCard, restoreRefusal } from '../history/restoreCard';
import { clip } from '../ui/clip';
import { plural } from '../ui/plural';
import type { DeletedCard } from './postArticle';

type Settled =
  | { readonly kind: 'restored'; readonly where: string }
  | { readonly kind: 'failed'; readonly reason: string };
type Outcome = { readonly kind: 'busy' } | Settled;

/** 404: the history the import read it from has since let the deletion go (log retention). */
const GONE = 'The card could not be restored: the board’s history no longer holds it.';

export function DeletedBeforeList({
  boardId,
  token,
  cards,
}: {
  boardId: string;
  token: string;
  cards: readonly DeletedCard[];
}) {
  const actions = useBoardActions();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, Outcome>>(new Map());
  /** While "Restore all" runs: how many it restores, so that its button stays as it was. */
  const [restoringAll, setRestoringAll] = useState<number | null>(null);
  const settle = (cardId: string, outcome: Outcome) =>
    setOutcomes((previous) => new Map(previous).set(cardId, outcome));

  /** Restores one card; says nothing itself, returns what to say. */
  const restore = async (card: DeletedCard): Promise<Settled> => {
    settle(card.cardId, { kind: 'busy' });
    let outcome: Settled;
    try {
      const back = await restoreCard(boardId, token, card.cardId);
      outcome = { kind: 'restored', where: `Restored to ${COLUMN_LABELS[back.column]}` };
    } catch (err) {
      const refusal = restoreRefusal(err);
      if (refusal === null) outcome = { kind: 'restored', where: 'A colleague restored it' };
      else if (err instanceof ApiError && err.code === 'card_not_found') {
        outcome = { kind: 'failed', reason: GONE };
      } else outcome = { kind: 'failed', reason: refusal };
    }
    settle(card.cardId, outcome);
    return outcome;
  };

  const restoreOne = async (card: DeletedCard) => {
    const outcome = await restore(card);
    const claim = clip(card.claim, 60);
    if (outcome.kind === 'failed') {
      actions.announce(outcome.reason);
      return;
    }
    actions.announce(`${outcome.where}: ${claim}`);
    // Its button is gone: its item keeps the focus in the dialog.
    items.current.get(card.cardId)?.focus();
  };

  const pending = cards.filter((c) => {
    const kind = outcomes.get(c.cardId)?.kind;
    return kind === undefined || kind === 'failed';
  });

  const restoreAll = async () => {
    const tried = pending;
    setRestoringAll(tried.length);
    let restored = 0;
    let reason: string | null = null;
    for (const card of tried) {
      const outcome = await restore(card);
      if (outcome.kind === 'restored') restored++;
      else reason ??= outcome.reason;
    }
    setRestoringAll(null);
    actions.announce(
      reason === null
        ? `${plural(restored, 'card', 'cards')} restored to the board.`
        : `${restored} of ${tried.length} restored. ${reason}`,
    );
    headingRef.current?.focus();
  };

  const busy = restoringAll !== null || [...outcomes.values()].some((o) => o.kind === 'busy');
  return (
    <section className="import-deleted" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        Deleted from the board before ({cards.length})
      </h3>
      <p className="muted small">
        Left out of this import because someone deleted their card. Restore a card to bring it back
        as it was, with its evidence, verdict and comments.
      </p>
      <ul className="import-deleted-list">
        {cards.map((card) => {
          const outcome = outcomes.get(card.cardId);
          const reasonId = `${id}-${card.cardId}-reason`;
          return (
            <li
              key={card.cardId}
              tabIndex={-1}
              ref={(li) => {
                if (li) items.current.set(card.cardId, li);
                else items.current.delete(card.cardId);
              }}
            >
              <span className="import-deleted-claim">{card.claim}</span>
              {outcome?.kind === 'restored' ? (
                <span className="muted small">{outcome.where}.</span>
              ) : (
                // aria-disabled, not disabled, while busy: a focused button that becomes
                // disabled drops focus to the page.
                <button
                  type="button"
                  className="button small"
                  aria-label={`${outcome?.kind === 'busy' ? 'Restoring card' : 'Restore card'}: ${clip(card.claim, 80)}`}
                  aria-describedby={outcome?.kind === 'failed' ? reasonId : undefined}
                  aria-disabled={busy}
                  onClick={() => {
                    if (!busy) void restoreOne(card);
                  }}
                >
                  {outcome?.kind === 'busy' ? 'Restoring…' : 'Restore'}
                </button>
              )}
              {outcome?.kind === 'failed' && (
                <span id={reasonId} className="error small">
                  {outcome.reason}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {(restoringAll !== null || pending.length > 1) && (
        <button
          type="button"
          className="button small"
          aria-disabled={busy}
          onClick={() => {
            if (!busy) void restoreAll();
          }}
        >
          {restoringAll === null
            ? `Restore all ${plural(pending.length, 'card', 'cards')}`
            : `Restoring ${plural(restoringAll, 'card', 'cards')}…`}
        </button>
      )}
    </section>
  );
}
