import { describe, expect, it } from 'vitest';
import { commentSegments, mentionsMe } from '../../../client/review/commentSegments';

const NAMES = ['Ana', 'Ana Lima', 'Bo', 'Cy Twombly'];

describe('commentSegments', () => {
  it('keeps plain text as one text segment, markup included', () => {
    const text = '<img src=x onerror=alert(1)> & <b>bold</b>';
    expect(commentSegments(text, NAMES, [])).toEqual([{ kind: 'text', text }]);
  });

  it('matches the longest member name, case-insensitively, and marks mentions of me', () => {
    expect(commentSegments('ask @ana lima and @Bo, please', NAMES, ['Bo'])).toEqual([
      { kind: 'text', text: 'ask ' },
      { kind: 'mention', text: '@ana lima', name: 'Ana Lima', me: false },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@Bo', name: 'Bo', me: true },
      { kind: 'text', text: ', please' },
    ]);
  });

  it('does not take a longer word for a shorter name', () => {
    // "@Bob" is not "@Bo": the name must end at a word boundary.
    expect(commentSegments('@Bob here', NAMES, ['Bo'])).toEqual([
      { kind: 'mention', text: '@Bob', name: 'Bob', me: false },
      { kind: 'text', text: ' here' },
    ]);
  });

  it('reads an unknown @word as a mention of that word, without trailing punctuation', () => {
    expect(commentSegments('cc @dana.', NAMES, ['Dana'])).toEqual([
      { kind: 'text', text: 'cc ' },
      { kind: 'mention', text: '@dana', name: 'dana', me: true },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves e-mail addresses and a lone @ alone', () => {
    const text = 'mail ana@example.org @ noon';
    expect(commentSegments(text, NAMES, ['Ana'])).toEqual([{ kind: 'text', text }]);
  });

  it('links http and https URLs, without the sentence punctuation after them', () => {
    expect(commentSegments('see https://ex.org/a_(b). And http://x.io/?q=1, ok', [], [])).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://ex.org/a_(b)', href: 'https://ex.org/a_(b)' },
      { kind: 'text', text: '. And ' },
      { kind: 'link', text: 'http://x.io/?q=1', href: 'http://x.io/?q=1' },
      { kind: 'text', text: ', ok' },
    ]);
  });

  it('never links other schemes', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://x.org/f']) {
      expect(commentSegments(text, [], [])).toEqual([{ kind: 'text', text }]);
    }
  });

  it('drops a bracket that closes the sentence, not the URL', () => {
    expect(commentSegments('(source: https://ex.org/page)', [], [])).toEqual([
      { kind: 'text', text: '(source: ' },
      { kind: 'link', text: 'https://ex.org/page', href: 'https://ex.org/page' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('reads a link followed by thousands of closing brackets at once', () => {
    // Each bracket dropped once counted them all again: 10,000 of them took 4.7 s, in every
    // member's board (threads awaiting me), and these 200,000 minutes.
    const brackets = ')'.repeat(200_000);
    expect(commentSegments(`@Ann see (http://ex.org/a(b)${brackets}`, ['Ann'], [])).toEqual([
      { kind: 'mention', text: '@Ann', name: 'Ann', me: false },
      { kind: 'text', text: ' see (' },
      { kind: 'link', text: 'http://ex.org/a(b)', href: 'http://ex.org/a(b)' },
      { kind: 'text', text: brackets },
    ]);
  });

  it('does not read a mention inside a link', () => {
    expect(commentSegments('https://social.example/@Bo', NAMES, ['Bo'])).toEqual([
      { kind: 'link', text: 'https://social.example/@Bo', href: 'https://social.example/@Bo' },
    ]);
  });
});

describe('mentionsMe', () => {
  it('is true only when one of my names is mentioned', () => {
    expect(mentionsMe('thanks @Cy Twombly', NAMES, ['Cy Twombly'])).toBe(true);
    expect(mentionsMe('thanks @Cy', NAMES, ['Cy Twombly'])).toBe(false);
    expect(mentionsMe('thanks Cy Twombly', NAMES, ['Cy Twombly'])).toBe(false);
  });
});
