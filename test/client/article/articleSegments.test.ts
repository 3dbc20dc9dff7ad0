/** The article view's layout (client/article/articleSegments): exact ranges, cards, furniture. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CardView } from '../../../shared/board/view';
import { extractClaims } from '../../../shared/extract/extractClaims';
import { articleSegments } from '../../../client/article/articleSegments';

const SEED = readFileSync(
  new URL('../../fixtures/seed/000_90c871332769486b.txt', import.meta.url),
  'utf8',
);

function cardOf(id: string, start: number, end: number, text: string, rank?: number): CardView {
  return {
    id,
    source: { articleId: 'a1', start, end, sentence: text.slice(start, end) },
    extraction: rank === undefined ? null : { rank, score: 1, chips: [] },
  } as unknown as CardView;
}

describe('articleSegments', () => {
  it('covers every block exactly, highlights every card sentence, and keeps furniture plain', () => {
    const result = extractClaims(SEED);
    const cards = result.claims.map((c, i) => cardOf(`c${i}`, c.start, c.end, SEED, c.rank));
    const blocks = articleSegments(SEED, 'a1', cards);
    const highlighted = new Map<string, string>();
    for (const block of blocks) {
      // Segments tile the block: no gap, no overlap.
      expect(block.segments[0]?.start).toBe(block.start);
      expect(block.segments.at(-1)?.end).toBe(block.end);
      block.segments.forEach((s, i) => {
        expect(s.end).toBeGreaterThan(s.start);
        if (i > 0) expect(s.start).toBe(block.segments[i - 1]!.end);
        if (s.kind === 'card')
          for (const id of s.cardIds) highlighted.set(id, SEED.slice(s.start, s.end));
        if (s.kind === 'sentence') {
          expect(block.kind).not.toBe('furniture');
          expect(SEED.slice(s.start, s.end)).toBe(SEED.slice(s.start, s.end).trim());
        }
      });
    }
    for (const card of cards) expect(highlighted.get(card.id)).toBe(card.source!.sentence);
    const furniture = blocks.filter((b) => b.kind === 'furniture');
    expect(furniture.length).toBeGreaterThan(10);
    expect(furniture.flatMap((b) => b.segments).every((s) => s.kind === 'plain')).toBe(true);
  });

  it('splits the other sentences without breaking at abbreviations, and ignores other articles', () => {
    const text =
      'Gen. Ortiz met the U.S. envoy on Dec. 3 in the capital of the country.\n\n' +
      'The deficit rose 3.5 percent. "Is it true?" he asked. Officials declined to comment.';
    const start = text.indexOf('Officials');
    const blocks = articleSegments(text, 'a1', [
      cardOf('mine', start, text.length, text),
      {
        ...cardOf('other', 0, 10, text),
        source: { articleId: 'a2', start: 0, end: 10, sentence: '' },
      },
    ]);
    const sentences = blocks.flatMap((b) =>
      b.segments.filter((s) => s.kind !== 'plain').map((s) => [s.kind, text.slice(s.start, s.end)]),
    );
    expect(sentences).toEqual([
      ['sentence', 'Gen. Ortiz met the U.S. envoy on Dec. 3 in the capital of the country.'],
      ['sentence', 'The deficit rose 3.5 percent.'],
      ['sentence', '"Is it true?" he asked.'],
      ['card', 'Officials declined to comment.'],
    ]);
  });

  it('splits a Spanish article by the Spanish rules, as its import did', () => {
    const text =
      'La Sra. Pérez, directora del penal, dijo que el centro tiene capacidad para 40.000 reos. ' +
      'Según el Lic. Gómez, la cifra real es mayor. ¿Quién vigila las cárceles de El Salvador?';
    const blocks = articleSegments(text, 'a1', []);
    const sentences = blocks.flatMap((b) =>
      b.segments.filter((s) => s.kind !== 'plain').map((s) => text.slice(s.start, s.end)),
    );
    expect(sentences).toEqual([
      'La Sra. Pérez, directora del penal, dijo que el centro tiene capacidad para 40.000 reos.',
      'Según el Lic. Gómez, la cifra real es mayor.',
      '¿Quién vigila las cárceles de El Salvador?',
    ]);
  });

  it('splits overlapping cards into pieces that name every card covering them, best rank first', () => {
    const text = 'Crime fell 40% in 2023, the minister said in a speech to parliament.';
    const blocks = articleSegments(text, 'a1', [
      cardOf('whole', 0, text.length, text, 2),
      cardOf('part', 0, 22, text, 1),
    ]);
    const pieces = blocks[0]!.segments.map((s) => [
      text.slice(s.start, s.end),
      s.kind === 'card' ? s.cardIds : [],
    ]);
    expect(pieces).toEqual([
      ['Crime fell 40% in 2023', ['part', 'whole']],
      [', the minister said in a speech to parliament.', ['whole']],
    ]);
  });

  it('lights up a card only on its own sentence: offsets that do not hold it are found again or dropped', () => {
    const text = 'Crime fell 40% in 2023. Prisons hold 110,000 people. Nothing else is known.';
    const moved = 'Prisons hold 110,000 people.';
    const at = (c: CardView, source: Partial<NonNullable<CardView['source']>>) =>
      ({ ...c, source: { ...c.source!, ...source } }) as CardView;
    const cards = [
      // Offsets past the end of the article, from a hand-edited export.
      at(cardOf('past', 0, 0, text), { start: 24, end: 99_999, sentence: moved }),
      // A sentence that is not in the article at all.
      at(cardOf('absent', 0, 0, text), { start: 0, end: 23, sentence: 'Crime rose.' }),
    ];
    const lit = articleSegments(text, 'a1', cards).flatMap((b) =>
      b.segments.flatMap((s) =>
        s.kind === 'card' ? [[text.slice(s.start, s.end), s.cardIds]] : [],
      ),
    );
    expect(lit).toEqual([[moved, ['past']]]);
  });
});
