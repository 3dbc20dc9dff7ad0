/**
 * "Skip to columns" and "Skip to filters": the board page's first tab stops, out of sight
 * until focused, so a keyboard user gets from the top of the page to the cards or the search
 * without tabbing through every tool of the header. Each names its landmark (#main, #filters)
 * as its address; a click moves focus itself, so the address bar keeps no fragment.
 */
import type { MouseEvent } from 'react';

const targets = {
  // The first column's card in the tab order (useRovingCard); on a board with none, New claim,
  // where a lead or an editor starts (the columns themselves, focused, have no name nor ring:
  // QA60); the columns for a reviewer or a viewer there.
  columns: () =>
    document.querySelector<HTMLElement>('#main li[data-card-id][tabindex="0"]') ??
    // (Folded in a short window, New claim's button: AddClaimForm.)
    [
      document.getElementById('new-claim'),
      document.querySelector<HTMLElement>('.add-claim-toggle'),
    ].find((el) => el?.checkVisibility()) ??
    document.getElementById('main'),
  filters: () => document.querySelector<HTMLElement>('#filters input[type="search"]'),
};

export function SkipLinks() {
  const skip = (e: MouseEvent, to: keyof typeof targets) => {
    e.preventDefault();
    targets[to]()?.focus();
  };
  return (
    <div className="skip-links">
      <a className="skip-link" href="#main" onClick={(e) => skip(e, 'columns')}>
        Skip to columns
      </a>
      <a className="skip-link" href="#filters" onClick={(e) => skip(e, 'filters')}>
        Skip to filters
      </a>
    </div>
  );
}
