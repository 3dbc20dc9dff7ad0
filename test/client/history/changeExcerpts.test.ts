import { describe, expect, it } from 'vitest';
import { changeExcerpts } from '../../../client/history/changeExcerpts';
import { clip } from '../../../client/ui/clip';
import { seededRandom, type Random } from '../../helpers/seededRandom';

const MAX = 140;
// 246 characters; "500 visits" starts at character 148, past a cut from the start.
const CLAIM =
  'While protesting their dismissal in downtown San Salvador, several prison workers claimed ' +
  'to have been privy to irregularities in the jail system, including 500 visits from relatives ' +
  'and lawyers that were never logged by the guards.';

/** A lone half of a surrogate pair: an emoji cut in two. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('changeExcerpts', () => {
  it('shows two long texts that differ past the cut around where they differ', () => {
    const now = CLAIM.replace('500 visits', '50 visits');
    expect(changeExcerpts(CLAIM, now, MAX)).toEqual([
      '…been privy to irregularities in the jail system, including 500 visits from relatives and lawyers that were never logged by the guards.',
      '…been privy to irregularities in the jail system, including 50 visits from relatives and lawyers that were never logged by the guards.',
    ]);
  });

  it('cuts both sides at the end as well when the change is far from it', () => {
    const long = `${CLAIM} The ministry denied it on Monday and said the figures came from a report withdrawn in 2021.`;
    const [from, to] = changeExcerpts(long, long.replace('500 visits', '50 visits'), MAX);
    expect(from).toMatch(/^…in the jail system, including 500 visits from .*[^ ]…$/);
    expect(to).toMatch(/^…in the jail system, including 50 visits from .*[^ ]…$/);
    expect(Math.max(from.length, to.length)).toBeLessThanOrEqual(MAX);
  });

  it('shows an insertion and a deletion past the cut, each side within the limit', () => {
    const longer = CLAIM.replace('500 visits', '500 unannounced visits');
    for (const [was, now] of [
      [CLAIM, longer],
      [longer, CLAIM],
    ] as const) {
      const [from, to] = changeExcerpts(was, now, MAX);
      expect(from.includes('500 unannounced visits')).toBe(was === longer);
      expect(to.includes('500 unannounced visits')).toBe(now === longer);
      // Both from one place in the words the texts share, at a word.
      expect(from.slice(0, 20)).toBe('…to irregularities i');
      expect(to.slice(0, 20)).toBe(from.slice(0, 20));
      expect(Math.max(from.length, to.length)).toBeLessThanOrEqual(MAX);
    }
  });

  it('shows a change at the very end, with no ellipsis after the end', () => {
    const now = CLAIM.replace(/guards\.$/, 'warden.');
    const [from, to] = changeExcerpts(CLAIM, now, MAX);
    expect(from).toMatch(/^….* by the guards\.$/);
    expect(to).toMatch(/^….* by the warden\.$/);
    expect(from.length).toBeLessThanOrEqual(MAX);
  });

  it('cuts from the start as before when the texts differ within the cut', () => {
    const cases = [
      // At the very start, and well within the cut.
      CLAIM.replace('While protesting', 'Protesting'),
      CLAIM.replace('downtown', 'central'),
      // The whole text replaced.
      `${'Officials said the figures were invented and that no such visits took place. '.repeat(3)}`,
    ];
    for (const now of cases) {
      expect(changeExcerpts(CLAIM, now, MAX)).toEqual([clip(CLAIM, MAX), clip(now, MAX)]);
    }
  });

  it('leaves texts that fit whole, and identical texts cut from the start', () => {
    expect(changeExcerpts('Crime rose 20%', 'Crime fell 20%', MAX)).toEqual([
      'Crime rose 20%',
      'Crime fell 20%',
    ]);
    expect(changeExcerpts(CLAIM, CLAIM, MAX)).toEqual([clip(CLAIM, MAX), clip(CLAIM, MAX)]);
  });

  // Each text: `pad` letters, emoji, the change, `after` emoji, `tail` letters: the cuts before
  // the change (before it, or as far back as a short rest lets them) fall at every offset.
  const texts = (unit: string, pad: number, after: number, tail: number) =>
    (['A', 'B'] as const).map(
      (change) =>
        `${'x'.repeat(pad)}${unit.repeat(100)}${change}${unit.repeat(after)}${'z'.repeat(tail)}`,
    ) as [string, string];
  const offsets = (unit: string) => {
    const upTo = Array.from({ length: unit.length }, (_, i) => i);
    return [3, 60].flatMap((after) =>
      upTo.flatMap((pad) => upTo.map((tail) => [pad, after, tail] as const)),
    );
  };

  it('never splits an emoji, whatever the offset of the cuts', () => {
    for (const emoji of ['😀', '👩‍👧']) {
      for (const [pad, after, tail] of offsets(emoji)) {
        const [from, to] = changeExcerpts(...texts(emoji, pad, after, tail), MAX);
        expect([from, to].map((s) => s.replace(/[^AB]/g, ''))).toEqual(['A', 'B']);
        for (const side of [from, to]) {
          expect(side).not.toMatch(LONE_SURROGATE);
          // Whole family emoji only: none cut between its people.
          const body = side.replace(/[…xzAB]/g, '');
          expect(body.split(emoji).join('')).toBe('');
        }
      }
    }
  });

  it('never cuts a letter from its combining accent', () => {
    const e = 'e\u0301'; // "é" as a letter and a combining mark
    for (const [pad, after, tail] of offsets(e)) {
      const [from, to] = changeExcerpts(...texts(e, pad, after, tail), MAX);
      expect([from, to].map((s) => s.replace(/[^AB]/g, ''))).toEqual(['A', 'B']);
      for (const side of [from, to]) expect(side).not.toMatch(/e(?!\u0301)|(?<!e)\u0301/);
    }
  });

  // Pieces a person types: words, emoji (a skin tone, a family, a flag), letters with combining
  // accents, a conjunct, Arabic and Hebrew letters, and marks that join the character before.
  const PIECES = [
    ...'the quick brown fox 500 visits '.split(''),
    ...'مرحبا بالعالم '.split(''),
    ...'שלום '.split(''),
    ...['😀', '👩🏽‍⚕️', '🇸🇻', '👍🏿', '❤️', '👩‍👩‍👧', 'e\u0301', 'a\u0308', 'क्षि', '\u0301', '🏽'],
  ];
  const typed = (random: Random, count: number) =>
    Array.from({ length: count }, () => random.pick(PIECES));
  /** A text of 80 to 400 pieces and the same text after one edit at its start, middle or end. */
  const edited = (seed: number): [string, string] => {
    const random = seededRandom(seed);
    const was = typed(random, 80 + random.int(320));
    const at = [0, random.int(was.length + 1), was.length][random.int(3)]!;
    const removed = random.pick([0, 1 + random.int(8)]);
    const added = removed === 0 ? 1 + random.int(8) : random.pick([0, 1 + random.int(8)]);
    const now = [...was];
    now.splice(at, removed, ...typed(random, added));
    return [was.join(''), now.join('')];
  };

  it('shows every edit of a long text, at its start, middle or end, whole in both quotes', () => {
    const failed: string[] = [];
    let edits = 0;
    for (let seed = 1; seed <= 4000; seed += 1) {
      const [was, now] = edited(seed);
      if (was === now) continue;
      edits += 1;
      let same = 0;
      while (was[same] === now[same]) same += 1;
      let kept = 0;
      const room = Math.min(was.length, now.length) - same;
      while (kept < room && was.at(-1 - kept) === now.at(-1 - kept)) kept += 1;
      const excerpts = changeExcerpts(was, now, MAX);
      const problems = [
        excerpts[0] === excerpts[1] && 'both read the same',
        ...[was, now].flatMap((text, side) => {
          const excerpt = excerpts[side]!;
          const body = excerpt.replace(/^…/, '').replace(/…$/, '');
          return [
            excerpt.length > MAX && `${excerpt.length} units`,
            LONE_SURROGATE.test(excerpt) && 'a lone surrogate',
            /^…(?:\p{M}|\p{Emoji_Modifier}|\u200d)|\u200d…$/u.test(excerpt) && 'a character cut',
            !text.includes(body) && 'not a part of the text',
            !body.includes(text.slice(same, text.length - kept)) && 'the change not in it',
          ].map((problem) => problem && `${['was', 'now'][side]}: ${problem}`);
        }),
      ].filter(Boolean);
      if (problems.length > 0) failed.push(`seed ${seed}: ${problems.join(', ')}`);
    }
    expect(edits).toBeGreaterThan(3500);
    expect({ failed: failed.length, of: edits, first: failed.slice(0, 5) }).toEqual({
      failed: 0,
      of: edits,
      first: [],
    });
  });
});
