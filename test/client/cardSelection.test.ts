/** The selection the bar acts on (cardSelection), and what the bar says (selectionWords). */
import { describe, expect, it } from 'vitest';
import { CardSelection } from '../../client/board/cardSelection';
import { storageKeptSelection } from '../../client/board/keptSelection';
import { selectionKey } from '../../client/sync/forgetBoardData';
import { blockedStorage } from '../helpers/blockedStorage';
import { memoryStorage } from '../helpers/memoryStorage';
import { BULK_LIMIT } from '../../shared/board';
import {
  assignedCardsWords,
  deletedCardsWords,
  misfitsGoneWords,
  misfitWords,
  movedCardsWords,
  selectedWords,
} from '../../client/board/selectionWords';

const COLUMN = ['a', 'b', 'c', 'd', 'e'];

describe('CardSelection', () => {
  it('toggles, extends a range from the last card toggled, and tells its listeners', () => {
    const selection = new CardSelection();
    let heard = 0;
    selection.subscribe(() => heard++);
    selection.toggle('b');
    selection.extendTo('d', COLUMN);
    expect([...selection.all()]).toEqual(['b', 'c', 'd']);
    // Upwards from the same anchor, keeping what was selected.
    selection.extendTo('a', COLUMN);
    expect([...selection.all()].sort()).toEqual(['a', 'b', 'c', 'd']);
    selection.toggle('c');
    expect(selection.has('c')).toBe(false);
    expect(heard).toBe(4);
  });

  it('selects the card alone when the anchor is in another column or gone', () => {
    const selection = new CardSelection();
    selection.toggle('x');
    selection.extendTo('c', COLUMN);
    expect([...selection.all()]).toEqual(['x', 'c']);
    selection.extendTo('e', COLUMN);
    expect([...selection.all()]).toEqual(['x', 'c', 'd', 'e']);
    expect(selection.keepOnly((id) => id !== 'x' && id !== 'e')).toBe(2);
    expect([...selection.all()]).toEqual(['c', 'd']);
    selection.clear();
    expect(selection.all().size).toBe(0);
  });
});

describe('CardSelection of a whole column', () => {
  it('selects every card of the column too, up to the limit', () => {
    const selection = new CardSelection(4);
    selection.toggle('x');
    selection.selectAll(COLUMN);
    expect([...selection.all()]).toEqual(['x', 'a', 'b', 'c']);
    expect(selection.leftOut()).toBe(2);
    const roomy = new CardSelection();
    roomy.selectAll(COLUMN);
    expect([...roomy.all()]).toEqual(COLUMN);
  });
});

describe('CardSelection at its limit', () => {
  it('selects no more than one action takes (BULK_LIMIT), and says how many it left out', () => {
    expect(new CardSelection().limit).toBe(BULK_LIMIT);
    const selection = new CardSelection(3);
    selection.toggle('a');
    selection.extendTo('e', COLUMN);
    // The range stops at the limit, nearest its anchor.
    expect([...selection.all()]).toEqual(['a', 'b', 'c']);
    expect(selection.leftOut()).toBe(2);
    selection.toggle('x');
    expect(selection.all().size).toBe(3);
    expect(selection.leftOut()).toBe(1);
    // Any change that fits forgets what was left out.
    selection.toggle('b');
    expect(selection.leftOut()).toBe(0);
    selection.toggle('x');
    expect([...selection.all()]).toEqual(['a', 'c', 'x']);
    expect(selectedWords({ count: 1_000, hidden: 0, columns: 1, leftOut: 250, limit: 1_000 })).toBe(
      '1,000 selected. 250 more cards not selected: one action takes at most 1,000.',
    );
  });
});

describe('the selection kept in this tab', () => {
  const KEY = selectionKey('kept-selection-board');

  it('puts back the kept cards still on the board, keeps each change, and drops it after an action', () => {
    const { items, storage } = memoryStorage();
    const kept = storageKeptSelection(() => storage, KEY);
    const before = new CardSelection();
    before.keepIn(kept, () => true);
    before.toggle('a');
    before.extendTo('c', COLUMN);
    expect(JSON.parse(items.get(KEY)!)).toEqual(['a', 'b', 'c']);

    // A reload: a new page's selection, with b deleted meanwhile.
    const after = new CardSelection();
    after.keepIn(kept, (id) => id !== 'b');
    expect([...after.all()]).toEqual(['a', 'c']);
    expect(JSON.parse(items.get(KEY)!)).toEqual(['a', 'c']);
    // Moved or given: the selection stays in the page, and a reload brings nothing back.
    after.acted();
    expect(after.all().size).toBe(2);
    expect(items.has(KEY)).toBe(false);
    after.toggle('d');
    expect(JSON.parse(items.get(KEY)!)).toEqual(['a', 'c', 'd']);
    after.clear();
    expect(items.has(KEY)).toBe(false);
    // Not ids: nothing put back.
    items.set(KEY, '{"a":1}');
    expect(storageKeptSelection(() => storage, KEY).load()).toEqual([]);
  });

  it('selects as ever where sessionStorage is blocked or full', () => {
    const blocked = new CardSelection();
    blocked.keepIn(storageKeptSelection(blockedStorage, KEY), () => true);
    blocked.toggle('a');
    expect([...blocked.all()]).toEqual(['a']);
    blocked.clear();
    expect(blocked.all().size).toBe(0);
    // Reading window.sessionStorage itself throws there.
    const unreadable = storageKeptSelection(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    }, KEY);
    expect(unreadable.load()).toEqual([]);
    expect(() => unreadable.save(['a'])).not.toThrow();

    // Full: a write refused leaves no older selection to come back with a reload.
    const { items, storage } = memoryStorage();
    const full = new CardSelection();
    full.keepIn(
      storageKeptSelection(() => storage, KEY),
      () => true,
    );
    full.toggle('old');
    expect(items.get(KEY)).toBe('["old"]');
    storage.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    full.toggle('a');
    expect([...full.all()]).toEqual(['old', 'a']);
    expect(items.has(KEY)).toBe(false);
  });
});

describe('selection words', () => {
  it('counts the selection, the columns it spans, and the cards of it the filter hides', () => {
    expect(selectedWords({ count: 0, hidden: 0, columns: 0 })).toBe('');
    expect(selectedWords({ count: 3, hidden: 0, columns: 1 })).toBe('3 selected');
    expect(selectedWords({ count: 5, hidden: 2, columns: 1 })).toBe(
      '5 selected, 2 hidden by the filter',
    );
    expect(selectedWords({ count: 5, hidden: 0, columns: 2 })).toBe('5 selected in 2 columns');
    expect(selectedWords({ count: 5, hidden: 1, columns: 3 })).toBe(
      '5 selected in 3 columns, 1 hidden by the filter',
    );
  });

  it('asks about verdicts that do not fit, again when the cards changed meanwhile', () => {
    expect(misfitWords(1, 3, 'disputed')).toBe(
      '1 of the 3 cards moving has a verdict that is not a label of Disputed. Choose a verdict in Disputed for it, or move and clear it:',
    );
    expect(misfitWords(2, 3, 'disputed', true)).toMatch(
      /^The cards changed while you were choosing\. 2 of the 3 cards moving have verdicts/,
    );
    expect(misfitsGoneWords(1, 'corroborated')).toBe(
      'The cards changed while you were choosing: no card moving has a verdict that is not a label of Corroborated now. Nothing moved: press Move again to move it.',
    );
  });

  it('says what an action did, and what it skipped', () => {
    expect(
      movedCardsWords(
        {
          changed: ['a', 'b'],
          missing: ['c'],
          already: [],
          verdictsCleared: ['a'],
          verdictsSet: [],
        },
        'Disputed',
      ),
    ).toBe(
      '2 cards moved to Disputed. 1 verdict cleared: not a label for Disputed. 1 card was deleted by a colleague.',
    );
    expect(
      movedCardsWords(
        { changed: [], missing: [], already: ['a'], verdictsCleared: [], verdictsSet: [] },
        'Disputed',
      ),
    ).toBe('Nothing moved: the selected cards are in Disputed already.');
    expect(
      movedCardsWords(
        {
          changed: ['a', 'b', 'c'],
          missing: [],
          already: [],
          verdictsCleared: [],
          verdictsSet: ['a', 'b'],
        },
        'Disputed',
        'Misleading',
      ),
    ).toBe('3 cards moved to Disputed. 2 verdicts set to Misleading.');
    // A selection of several columns: the cards in the target already stay, and are said.
    expect(
      movedCardsWords(
        {
          changed: ['a', 'b', 'c'],
          missing: [],
          already: ['d', 'e'],
          verdictsCleared: [],
          verdictsSet: [],
        },
        'Corroborated',
      ),
    ).toBe('3 cards moved to Corroborated. 2 were in Corroborated already.');
    expect(assignedCardsWords({ changed: ['a'], missing: [] }, 'Bo')).toBe('1 card given to Bo.');
    // Given to the reader ("you"), who has them already: "you are", as one says it.
    expect(assignedCardsWords({ changed: [], missing: [] }, 'you')).toBe(
      'Nothing changed: you are checking the selected cards already.',
    );
    expect(assignedCardsWords({ changed: [], missing: [] }, 'Bo')).toBe(
      'Nothing changed: Bo is checking the selected cards already.',
    );
    expect(assignedCardsWords({ changed: ['a', 'b'], missing: [] }, null)).toBe(
      '2 cards released: nobody is checking them.',
    );
    expect(deletedCardsWords({ changed: ['a', 'b'], missing: ['c', 'd'] })).toBe(
      '2 cards deleted. 2 cards were deleted by a colleague already.',
    );
  });
});
