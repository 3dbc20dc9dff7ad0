/**
 * readCard reads a card's source span and extraction signals without zod when they have the
 * shape the commands write, and through the schemas otherwise: both ways must give the same
 * answer as the schemas for every value, the well-formed, the nearly well-formed and the
 * hostile (a wrong type, a limit passed by one, an extra key, a strange prototype).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  CARD_KEYS,
  cardsMap,
  CHIP_LIMITS,
  extractionSchema,
  readBoard,
  SPAN_LIMITS,
  sourceSpanSchema,
} from '../../../shared/board';
import { readCard } from '../../../shared/board/readCard';

const actor = { actor: { id: 'a', name: 'Ana' } };

/**
 * A card whose `key` holds `value`, read by readCard. A Map stands in for the card's Y.Map (whose
 * `get` is all readCard asks of it): Y.Map.set refuses some of these values, such as objects
 * without a prototype, which a forged update could still bring.
 */
function readWith(key: string, value: unknown) {
  return readCard(new Map([[key, value]]) as unknown as Y.Map<unknown>, 'card', []);
}

const schemaReads = (schema: typeof sourceSpanSchema | typeof extractionSchema, v: unknown) => {
  const parsed = schema.safeParse(v);
  return parsed.success ? parsed.data : null;
};

/** Numbers at and around what the schemas accept as an index or a score. */
const number = fc.oneof(
  fc.integer({ min: -2, max: 5_000 }),
  fc.double(),
  fc.constantFrom(-0, NaN, Infinity, -Infinity, 1.5, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, 2 ** 60),
  fc.constantFrom('3', null, undefined, true),
);

/** Strings of every length up to `max` + 1 that matter: empty, short, the limit, one past it. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.constantFrom('', 'x'.repeat(max), 'x'.repeat(max + 1), '😀'.repeat(Math.ceil(max / 2))),
    fc.constantFrom(7, null, undefined, ['x'], { text: 'x' }),
  );

/** An object of `fields`, some left out, sometimes with an extra key or another prototype. */
function shaped(fields: Record<string, fc.Arbitrary<unknown>>) {
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.constantFrom('plain', 'extra', 'null-prototype', 'inherited', 'array'),
    )
    .map(([value, how]) => {
      if (how === 'extra') return { ...value, more: 'x' };
      if (how === 'null-prototype') return Object.assign(Object.create(null) as object, value);
      // The fields come from the prototype, as a "__proto__" key decoded from an update would.
      if (how === 'inherited') return Object.create(value) as object;
      if (how === 'array') return Object.assign([], value);
      return value;
    });
}

/** A well-formed value with one of its fields replaced by a value from `fields`. */
function oneFieldOff(
  valid: Record<string, unknown>,
  fields: Record<string, fc.Arbitrary<unknown>>,
) {
  return fc
    .constantFrom(...Object.keys(fields))
    .chain((key) => (fields[key] as fc.Arbitrary<unknown>).map((v) => ({ ...valid, [key]: v })));
}

const spanFields = {
  articleId: text(SPAN_LIMITS.articleId),
  start: number,
  end: number,
  sentence: text(SPAN_LIMITS.sentence),
};
const span = fc.oneof(
  shaped(spanFields),
  oneFieldOff({ articleId: 'a1', start: 3, end: 3, sentence: 'Exports rose 8%.' }, spanFields),
  fc.anything(),
);

const chip = shaped({ text: text(CHIP_LIMITS.text), type: text(CHIP_LIMITS.type) });
const goodChip = { text: '8%', type: 'percent' };
const extractionFields = {
  score: number,
  rank: number,
  chips: fc.oneof(
    fc.array(chip, { maxLength: 3 }),
    fc.constantFrom(
      Array.from({ length: CHIP_LIMITS.chips }, () => goodChip),
      Array.from({ length: CHIP_LIMITS.chips + 1 }, () => goodChip),
      [goodChip, undefined],
      'chips',
      { 0: goodChip, length: 1 },
    ),
  ),
};
const extraction = fc.oneof(
  shaped(extractionFields),
  oneFieldOff({ score: 7.5, rank: 0, chips: [goodChip] }, extractionFields),
  fc.anything(),
);

describe("readCard: a card's source span and extraction signals", () => {
  it('reads every source span as sourceSpanSchema does', () => {
    fc.assert(
      fc.property(span, (value) => {
        expect(readWith(CARD_KEYS.source, value).source).toStrictEqual(
          schemaReads(sourceSpanSchema, value),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads every extraction as extractionSchema does', () => {
    fc.assert(
      fc.property(extraction, (value) => {
        expect(readWith(CARD_KEYS.extraction, value).extraction).toStrictEqual(
          schemaReads(extractionSchema, value),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads values that came through an update as the schemas do, and freezes them (B8)', () => {
    const doc = new Y.Doc();
    const good = addClaim(
      doc,
      {
        claim: 'Exports rose 8%',
        source: { articleId: 'a1', start: 0, end: 15, sentence: 'Exports rose 8%.' },
        extraction: { score: 7.5, rank: 1, chips: [goodChip] },
      },
      actor,
    );
    const bad = addClaim(doc, { claim: 'Crime fell' }, actor);
    const hostile = cardsMap(doc).get(bad) as Y.Map<unknown>;
    hostile.set(CARD_KEYS.source, { articleId: 'a1', start: 9, end: 3, sentence: 'x' });
    hostile.set(CARD_KEYS.extraction, { score: 1, rank: 0, chips: [{ text: 1, type: 'x' }] });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const cards = readBoard(copy).cards;
    expect(cards[good]?.source).toStrictEqual({
      articleId: 'a1',
      start: 0,
      end: 15,
      sentence: 'Exports rose 8%.',
    });
    expect(cards[good]?.extraction).toStrictEqual({ score: 7.5, rank: 1, chips: [goodChip] });
    expect(Object.isFrozen(cards[good]?.source)).toBe(true);
    expect(Object.isFrozen(cards[good]?.extraction)).toBe(true);
    expect([cards[bad]?.source, cards[bad]?.extraction]).toEqual([null, null]);
  });
});
