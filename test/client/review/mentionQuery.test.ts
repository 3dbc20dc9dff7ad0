import { describe, expect, it } from 'vitest';
import { commentSegments } from '../../../client/review/commentSegments';
import { insertMention, mentionQueryAt } from '../../../client/review/mentionQuery';

/** The query at the caret, written as "|" in the text. */
const at = (withCaret: string) => {
  const caret = withCaret.indexOf('|');
  return mentionQueryAt(withCaret.replace('|', ''), caret);
};

describe('mentionQueryAt (the @-query being typed)', () => {
  it('reads the letters between the @ and the caret', () => {
    expect(at('@ed|')).toEqual({ start: 0, end: 3, query: 'ed' });
    expect(at('thanks @Ed| for this')).toEqual({ start: 7, end: 10, query: 'Ed' });
    expect(at('(@rh|')).toEqual({ start: 1, end: 4, query: 'rh' });
    expect(at('line one\n@bo|')).toEqual({ start: 9, end: 12, query: 'bo' });
  });

  it('goes on over single spaces, so a full name can be typed', () => {
    expect(at('@ana l|')).toEqual({ start: 0, end: 6, query: 'ana l' });
    expect(at("@Seán O'Br|")?.query).toBe("Seán O'Br");
  });

  it('is null for a bare @, an @ followed by a space, and no @ at all', () => {
    expect(at('@|')).toBeNull();
    expect(at('@ noon|')).toBeNull();
    expect(at('hello|')).toBeNull();
  });

  it('is null inside addresses and URLs, across lines and double spaces', () => {
    expect(at('ana@exam|')).toBeNull();
    expect(at('https://social.example/@Bo|')).toBeNull();
    expect(at('@ana\nlim|')).toBeNull();
    expect(at('@ana  lim|')).toBeNull();
  });

  it('only looks at the text before the caret', () => {
    expect(at('@ed| @rhea')).toEqual({ start: 0, end: 3, query: 'ed' });
    expect(at('|@ed')).toBeNull();
  });

  it('does not look back further than a name could be long', () => {
    expect(at(`@${'a'.repeat(64)}|`)?.query).toHaveLength(64);
    expect(at(`@${'a'.repeat(65)}|`)).toBeNull();
  });
});

describe('insertMention (choosing a member)', () => {
  const choose = (withCaret: string, name: string) => {
    const text = withCaret.replace('|', '');
    const query = at(withCaret);
    if (!query) throw new Error(`no query in ${withCaret}`);
    const done = insertMention(text, query, name);
    return `${done.text.slice(0, done.caret)}|${done.text.slice(done.caret)}`;
  };

  it('replaces the query with @Full Name and a space, the caret after it', () => {
    expect(choose('ping @ed|', 'Edith Reyes')).toBe('ping @Edith Reyes |');
    expect(choose('@ed| please check', 'Edith Reyes')).toBe('@Edith Reyes |please check');
  });

  it('replaces the rest of the word the caret is in, and keeps one space', () => {
    expect(choose('cc @Ed|dxx, thanks', 'Eddie')).toBe('cc @Eddie |, thanks');
    expect(choose('@ana l|\nnext line', 'Ana Lima')).toBe('@Ana Lima |\nnext line');
  });

  it('writes what commentSegments reads as a mention of that member', () => {
    const query = mentionQueryAt('ask @ed', 7);
    if (!query) throw new Error('no query');
    const { text } = insertMention('ask @ed', query, 'Edith Reyes');
    expect(commentSegments(text, ['Edith', 'Edith Reyes'], ['Edith Reyes'])).toEqual([
      { kind: 'text', text: 'ask ' },
      { kind: 'mention', text: '@Edith Reyes', name: 'Edith Reyes', me: true },
      { kind: 'text', text: ' ' },
    ]);
  });
});
