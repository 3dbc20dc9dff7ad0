/**
 * Editing the rating scale (B11): a renamed label relabels the cards that carry it in the same
 * transaction as the new scale; nothing a scale edit does clears a verdict; concurrent edits
 * converge (B4) with last-writer-wins per key (B6), and edits of different labels or fields
 * all survive (B12).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  BoardError,
  CommandOrigin,
  DEFAULT_RATING_SCALE,
  editRatingScale,
  initBoard,
  metaMap,
  moveCard,
  readBoard,
  readMeta,
  readRatingScale,
  scaleFault,
  scaleMap,
  setVerdict,
  type LabelRename,
  type RatingScale,
} from '../../../shared/board';

let tick = 1_700_000_000_000;
const now = () => ++tick;
const lea = { actor: { id: 'inv-lead', name: 'Lea' }, now };
const lou = { actor: { id: 'inv-lead-2', name: 'Lou' }, now };
const edie = { actor: { id: 'inv-editor', name: 'Edie' }, now };

/** The default scale with labels renamed in place (same column and value). */
function renamed(renames: readonly LabelRename[], scale: RatingScale = DEFAULT_RATING_SCALE) {
  const to = new Map(renames.map((r) => [r.from, r.to]));
  return {
    ...scale,
    labels: scale.labels.map((l) => ({ ...l, label: to.get(l.label) ?? l.label })),
  };
}

/** A board with one card per verdict given, each in the column its label belongs to. */
function boardWith(verdicts: readonly (string | null)[], clientID?: number) {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  initBoard(doc, { title: 'Scale' }, lea);
  const ids = verdicts.map((verdict, i) => {
    const id = addClaim(doc, { claim: `Claim ${i}` }, edie);
    const label = DEFAULT_RATING_SCALE.labels.find((l) => l.label === verdict);
    if (label) moveCard(doc, id, { column: label.column, index: 0, verdict }, edie);
    return id;
  });
  return { doc, ids };
}

const verdicts = (doc: Y.Doc, ids: readonly string[]) =>
  ids.map((id) => readBoard(doc).cards[id]?.verdict);

/** A replica of `doc` with its own client id. */
function replica(doc: Y.Doc, clientID: number) {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Delivers a's and b's changes to each other, a's first or b's first. */
function exchange(a: Y.Doc, b: Y.Doc, order: 'a-first' | 'b-first') {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  if (order === 'a-first') {
    Y.applyUpdate(b, fromA, 'remote');
    Y.applyUpdate(a, fromB, 'remote');
  } else {
    Y.applyUpdate(a, fromB, 'remote');
    Y.applyUpdate(b, fromA, 'remote');
  }
}

const labelsOf = (doc: Y.Doc) => readRatingScale(doc).labels.map((l) => l.label);

describe('editRatingScale (B11)', () => {
  it('relabels every card carrying a renamed label, in the same transaction (B7)', () => {
    const { doc, ids } = boardWith(['Misleading', 'Misleading', 'False', null]);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const renames = [{ from: 'Misleading', to: 'Spin' }];
    editRatingScale(doc, { scale: renamed(renames), renames }, lea);

    expect(origins).toHaveLength(1);
    expect(origins[0]).toBeInstanceOf(CommandOrigin);
    expect(origins[0]).toMatchObject({ command: 'editRatingScale', actor: { name: 'Lea' } });
    expect(verdicts(doc, ids)).toEqual(['Spin', 'Spin', 'False', null]);
    expect(labelsOf(doc)).toContain('Spin');
    const view = readBoard(doc);
    expect(view.cards[ids[0]!]?.updatedBy.name).toBe('Lea');
    // Cards the rename does not concern are not touched.
    expect(view.cards[ids[2]!]?.updatedBy.name).toBe('Edie');
  });

  it('is one undo step: undo brings back the old scale and the old labels (B7)', () => {
    const { doc, ids } = boardWith(['Misleading', 'True']);
    const undo = new Y.UndoManager([doc.getMap('meta'), doc.getMap('cards')], {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    const renames = [{ from: 'Misleading', to: 'Spin' }];
    editRatingScale(doc, { scale: renamed(renames), renames }, lea);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(verdicts(doc, ids)).toEqual(['Misleading', 'True']);
    expect(readRatingScale(doc)).toEqual(DEFAULT_RATING_SCALE);
    undo.destroy();
  });

  it('applies renames in one pass, so swaps and chains do what the dialog showed', () => {
    const { doc, ids } = boardWith(['True', 'Mostly true', 'False', 'Mostly false']);
    const renames = [
      { from: 'True', to: 'Mostly true' },
      { from: 'Mostly true', to: 'True' },
      { from: 'False', to: 'Mostly false' },
      { from: 'Mostly false', to: 'Wrong-ish' },
    ];
    editRatingScale(doc, { scale: renamed(renames), renames }, lea);
    expect(verdicts(doc, ids)).toEqual(['Mostly true', 'True', 'Mostly false', 'Wrong-ish']);
  });

  it('never clears a verdict: removed labels stay, a renamed label moved to another column stays until the card moves', () => {
    const { doc, ids } = boardWith(['Misleading', 'Unproven']);
    const scale = {
      ...DEFAULT_RATING_SCALE,
      labels: DEFAULT_RATING_SCALE.labels
        .filter((l) => l.label !== 'Unproven')
        .map((l) =>
          l.label === 'Misleading' ? { ...l, label: 'Spin', column: 'unverified' as const } : l,
        ),
    };
    editRatingScale(doc, { scale, renames: [{ from: 'Misleading', to: 'Spin' }] }, lea);
    // 'Spin' now belongs in Unverified while the card sits in Disputed; 'Unproven' is gone.
    expect(verdicts(doc, ids)).toEqual(['Spin', 'Unproven']);
    expect(readBoard(doc).cards[ids[0]!]?.column).toBe('disputed');
    // The card's next move applies moveCard's rule: a verdict that does not fit is cleared.
    moveCard(doc, ids[0]!, { column: 'corroborated', index: 0 }, edie);
    expect(verdicts(doc, ids)).toEqual([null, 'Unproven']);
  });

  it('refuses renames that do not add up, before changing anything (B9)', () => {
    const { doc, ids } = boardWith(['Misleading']);
    const before = Y.encodeStateVector(doc);
    const spin = renamed([{ from: 'Misleading', to: 'Spin' }]);
    const bad: LabelRename[][] = [
      [{ from: 'Misleading', to: 'Not on the scale' }],
      [{ from: 'Misleading', to: 'Misleading' }],
      [
        { from: 'Misleading', to: 'Spin' },
        { from: 'Misleading', to: 'False' },
      ],
      [{ from: ' ', to: 'Spin' }],
    ];
    for (const renames of bad) {
      expect(() => editRatingScale(doc, { scale: spin, renames }, lea)).toThrowError(
        expect.objectContaining({ name: 'BoardError', code: 'invalid_input' }) as BoardError,
      );
    }
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(verdicts(doc, ids)).toEqual(['Misleading']);
  });
});

describe('editRatingScale under concurrency (B4, B6, B11)', () => {
  for (const order of ['a-first', 'b-first'] as const) {
    for (const [clientA, clientB] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const setup = `updates ${order}, client ids ${clientA}/${clientB}`;

      it(`two leads renaming one label: scale and cards follow the same rename (${setup})`, () => {
        const { doc: a, ids } = boardWith(['Misleading', 'Misleading', 'False'], clientA);
        const b = replica(a, clientB);
        const toSpin = [{ from: 'Misleading', to: 'Spin' }];
        const toSlanted = [{ from: 'Misleading', to: 'Slanted' }];
        editRatingScale(a, { scale: renamed(toSpin), renames: toSpin }, lea);
        editRatingScale(b, { scale: renamed(toSlanted), renames: toSlanted }, lou);
        exchange(a, b, order);

        expect(readBoard(b)).toEqual(readBoard(a));
        // Yjs orders concurrent writes to one key by client id, the same way for every key:
        // the lead with the higher client id wins the scale and every card it relabelled.
        const winner = clientA > clientB ? 'Spin' : 'Slanted';
        expect(verdicts(a, ids)).toEqual([winner, winner, 'False']);
        expect(labelsOf(a)).toContain(winner);
      });

      it(`a rename and a verdict set on a card with the old label converge (${setup})`, () => {
        const { doc: a, ids } = boardWith(['Misleading', 'Misleading', null], clientA);
        const b = replica(a, clientB);
        const renames = [{ from: 'Misleading', to: 'Spin' }];
        editRatingScale(a, { scale: renamed(renames), renames }, lea);
        // Meanwhile the editor, who has not seen the rename, judges two cards.
        setVerdict(b, ids[0]!, 'False', undefined, edie);
        moveCard(b, ids[2]!, { column: 'disputed', index: 0, verdict: 'Misleading' }, edie);
        exchange(a, b, order);

        expect(readBoard(b)).toEqual(readBoard(a));
        // Card 0: both wrote its verdict; the higher client id wins, either is on the scale.
        // Card 1: only the rename touched it. Card 2: the rename never saw 'Misleading' on it,
        // so it keeps the old label, which the dialog then counts as no longer on the scale.
        expect(verdicts(a, ids)).toEqual([
          clientA > clientB ? 'Spin' : 'False',
          'Spin',
          'Misleading',
        ]);
        expect(labelsOf(a)).not.toContain('Misleading');
      });
    }
  }

  it('two leads renaming different labels: both renames and both relabels survive (B12)', () => {
    const { doc: a, ids } = boardWith(['Misleading', 'False'], 1);
    const b = replica(a, 2);
    const toSpin = [{ from: 'Misleading', to: 'Spin' }];
    const toWrong = [{ from: 'False', to: 'Wrong' }];
    editRatingScale(a, { scale: renamed(toSpin), renames: toSpin }, lea);
    editRatingScale(b, { scale: renamed(toWrong), renames: toWrong }, lou);
    exchange(a, b, 'a-first');

    expect(readBoard(b)).toEqual(readBoard(a));
    expect(labelsOf(a)).toEqual(renamed([...toSpin, ...toWrong]).labels.map((l) => l.label));
    expect(verdicts(a, ids)).toEqual(['Spin', 'Wrong']);
  });

  for (const order of ['a-first', 'b-first'] as const) {
    it(`one lead renames a label while another moves and revalues it: both survive (B12, ${order})`, () => {
      const { doc: a } = boardWith([], 1);
      const b = replica(a, 2);
      const toSpin = [{ from: 'Misleading', to: 'Spin' }];
      editRatingScale(a, { scale: renamed(toSpin), renames: toSpin }, lea);
      const moved = {
        ...DEFAULT_RATING_SCALE,
        labels: DEFAULT_RATING_SCALE.labels.map((l) =>
          l.label === 'Misleading' ? { ...l, column: 'unverified' as const, value: 3 } : l,
        ),
      };
      editRatingScale(b, { scale: moved }, lou);
      exchange(a, b, order);

      expect(readMeta(b).ratingScale).toEqual(readMeta(a).ratingScale);
      expect(readMeta(a).ratingScale.labels.find((l) => l.label === 'Spin')).toEqual({
        label: 'Spin',
        column: 'unverified',
        value: 3,
      });
    });

    it(`two leads adding labels at once: both are on the scale, in one order everywhere (${order})`, () => {
      const { doc: a } = boardWith([], 1);
      const b = replica(a, 2);
      const plus = (label: string) => ({
        ...DEFAULT_RATING_SCALE,
        labels: [...DEFAULT_RATING_SCALE.labels, { label, column: 'disputed' as const, value: 1 }],
      });
      editRatingScale(a, { scale: plus('Satire') }, lea);
      editRatingScale(b, { scale: plus('Fabricated') }, lou);
      exchange(a, b, order);

      expect(labelsOf(b)).toEqual(labelsOf(a));
      expect(labelsOf(a)).toEqual(expect.arrayContaining(['Satire', 'Fabricated']));
      expect(labelsOf(a)).toHaveLength(DEFAULT_RATING_SCALE.labels.length + 2);
    });

    it(`the same label added twice at once reads once, and the next edit keeps one entry (${order})`, () => {
      const { doc: a } = boardWith([], 1);
      const b = replica(a, 2);
      const satire = {
        ...DEFAULT_RATING_SCALE,
        labels: [
          ...DEFAULT_RATING_SCALE.labels,
          { label: 'Satire', column: 'disputed' as const, value: 1 },
        ],
      };
      editRatingScale(a, { scale: satire }, lea);
      editRatingScale(b, { scale: satire }, lou);
      exchange(a, b, order);
      expect(labelsOf(a)).toEqual(satire.labels.map((l) => l.label));
      expect(labelsOf(b)).toEqual(labelsOf(a));

      editRatingScale(a, { scale: satire }, lea);
      const entries = (metaMap(a).get('scale') as Y.Map<Y.Map<unknown>>).get('labels')!;
      expect(entries.size).toBe(satire.labels.length);
    });

    it(`a label removed while another lead renames it is gone; its relabelled cards keep the name (${order})`, () => {
      const { doc: a, ids } = boardWith(['Misleading'], 1);
      const b = replica(a, 2);
      const toSpin = [{ from: 'Misleading', to: 'Spin' }];
      editRatingScale(a, { scale: renamed(toSpin), renames: toSpin }, lea);
      const without = {
        ...DEFAULT_RATING_SCALE,
        labels: DEFAULT_RATING_SCALE.labels.filter((l) => l.label !== 'Misleading'),
      };
      editRatingScale(b, { scale: without }, lou);
      exchange(a, b, order);

      expect(readBoard(b)).toEqual(readBoard(a));
      expect(labelsOf(a)).toEqual(without.labels.map((l) => l.label));
      expect(verdicts(a, ids)).toEqual(['Spin']);
    });
  }
});

describe('editRatingScale from a stale dialog (base, B12)', () => {
  it("writes only what changed since the dialog opened: a colleague's rename and new label stay", () => {
    const { doc, ids } = boardWith(['Misleading', 'False']);
    const opened = readRatingScale(doc); // lead A opens the dialog
    // Meanwhile lead B renames Misleading and adds Satire, and saves.
    const toSpin = [{ from: 'Misleading', to: 'Spin' }];
    const bScale = {
      ...renamed(toSpin),
      labels: [
        ...renamed(toSpin).labels,
        { label: 'Satire', column: 'disputed' as const, value: 1 },
      ],
    };
    editRatingScale(doc, { scale: bScale, renames: toSpin }, lou);
    // A, still showing the old scale, revalues False and removes Unproven.
    const aDraft = {
      ...opened,
      labels: opened.labels
        .filter((l) => l.label !== 'Unproven')
        .map((l) => (l.label === 'False' ? { ...l, value: 2 } : l)),
    };
    editRatingScale(doc, { scale: aDraft, base: opened }, lea);

    const labels = readRatingScale(doc).labels;
    expect(labels.map((l) => l.label)).toEqual([
      'True',
      'Mostly true',
      'Missing context',
      'Spin',
      'Mostly false',
      'False',
      'Satire',
    ]);
    expect(labels.find((l) => l.label === 'False')?.value).toBe(2);
    expect(verdicts(doc, ids)).toEqual(['Spin', 'False']);
  });

  it('without a base, the edit starts from the current scale (what it does not list goes)', () => {
    const { doc } = boardWith([]);
    const opened = readRatingScale(doc);
    const plus = {
      ...opened,
      labels: [...opened.labels, { label: 'Satire', column: 'disputed' as const, value: 1 }],
    };
    editRatingScale(doc, { scale: plus }, lou);
    editRatingScale(doc, { scale: opened }, lea);
    expect(labelsOf(doc)).toEqual(opened.labels.map((l) => l.label));
  });
});

describe('the scale whole (scaleFault): what the reader reads as stored, and nothing else', () => {
  const stored = (change: (scale: Y.Map<unknown>, labels: Y.Map<Y.Map<unknown>>) => void) => {
    const { doc } = boardWith([]);
    const scale = scaleMap(doc)!;
    change(scale, scale.get('labels') as Y.Map<Y.Map<unknown>>);
    return doc;
  };
  const entry = (labels: Y.Map<Y.Map<unknown>>, name: string) =>
    [...labels.values()].find((l) => l.get('label') === name)!;

  it('finds each fault, and the reader reads the scale otherwise than stored for each of the first', () => {
    const cases: [string, (scale: Y.Map<unknown>, labels: Y.Map<Y.Map<unknown>>) => void][] = [
      ['best is not above worst', (scale) => scale.set('worst', 5)],
      ['best is not above worst', (scale) => scale.delete('best')],
      ['a label value is not between worst and best', (scale) => scale.set('best', 4)],
      ['a label value is not between worst and best', (_, l) => entry(l, 'False').set('value', 0)],
      ['a label is on it twice', (_, l) => entry(l, 'False').set('label', 'True')],
      ['a label has no column', (_, l) => entry(l, 'False').set('column', 'trash')],
      ['a label has no name of 1 to 60 characters', (_, l) => entry(l, 'False').set('label', ' ')],
      ['it has no label', (_, l) => l.clear()],
    ];
    for (const [fault, change] of cases) {
      const doc = stored(change);
      expect(scaleFault(scaleMap(doc)!)).toBe(fault);
      // Read otherwise than stored: the default scale, or one label fewer.
      const read = readRatingScale(doc);
      const map = scaleMap(doc)!;
      const entries = (map.get('labels') as Y.Map<unknown>).size;
      expect(read === DEFAULT_RATING_SCALE || read.labels.length < entries).toBe(true);
    }
  });

  it('takes what the reader reads as stored, shared values included, and refuses numbers that are no ClaimReview rating or an inverted pair', () => {
    expect(scaleFault(scaleMap(stored(() => {}))!)).toBeNull();
    const renumbered = stored((scale, labels) => {
      scale.set('best', 10);
      for (const l of labels.values()) l.set('value', (l.get('value') as number) * 2);
    });
    expect(scaleFault(scaleMap(renumbered)!)).toBeNull();
    expect(readRatingScale(renumbered).best).toBe(10);
    expect(scaleFault(scaleMap(stored((_, l) => entry(l, 'Misleading').set('value', 2.5)))!)).toBe(
      'a number of it is not a whole number, 1 or more',
    );
    expect(scaleFault(scaleMap(stored((_, l) => entry(l, 'Mostly true').set('value', 2)))!)).toBe(
      'a Corroborated label is valued below a Disputed one',
    );
  });

  it('editRatingScale leaves a whole scale where a stored one was not: its best above its worst again', () => {
    // Stored before the server judged the scale whole: read as the default, which the dialog
    // showed; renaming False wrote only the rename, and the board went on reading the default.
    const doc = stored((scale) => {
      scale.set('best', 1);
      scale.set('worst', 5);
    });
    const shown = readRatingScale(doc);
    expect(shown).toBe(DEFAULT_RATING_SCALE);
    const saved = renamed([{ from: 'False', to: 'Wrong' }], shown);
    editRatingScale(
      doc,
      { scale: saved, renames: [{ from: 'False', to: 'Wrong' }], base: shown },
      lea,
    );
    expect(scaleFault(scaleMap(doc)!)).toBeNull();
    expect(readRatingScale(doc)).toEqual(saved);
  });

  it('editRatingScale writes the saved scale whole where its merge with a colleague’s range would not hold', () => {
    const { doc } = boardWith([], 1);
    const other = replica(doc, 2);
    const opened = readRatingScale(doc);
    const value = (scale: RatingScale, name: string, v: number): RatingScale => ({
      ...scale,
      labels: scale.labels.map((l) => (l.label === name ? { ...l, value: v } : l)),
    });
    // Lou narrows the range to 4, True with it; Lea, whose dialog opened before, rates Mostly
    // true 5: merged label by label, Mostly true would lie above best, left out by every reader.
    editRatingScale(other, { scale: { ...value(opened, 'True', 4), best: 4 } }, lou);
    exchange(doc, other, 'b-first');
    const hers = value(opened, 'Mostly true', 5);
    editRatingScale(doc, { scale: hers, base: opened }, lea);
    expect(scaleFault(scaleMap(doc)!)).toBeNull();
    expect(readRatingScale(doc)).toEqual(hers);
  });

  it('editRatingScale refuses a Corroborated label valued below a Disputed one, before writing', () => {
    const { doc } = boardWith([]);
    const before = Y.encodeStateVector(doc);
    const scale = readRatingScale(doc);
    const inverted = {
      ...scale,
      labels: scale.labels.map((l) => (l.label === 'Mostly true' ? { ...l, value: 2 } : l)),
    };
    expect(() => editRatingScale(doc, { scale: inverted }, lea)).toThrow(
      'labels: Mostly true (Corroborated) is valued below Missing context (Disputed)',
    );
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
