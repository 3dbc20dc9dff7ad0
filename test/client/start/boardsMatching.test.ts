import { describe, expect, it } from 'vitest';
import { boardsMatching } from '../../../client/start/boardsMatching';

const boards = [
  { title: 'Presupuesto de Educación 2027', badge: 'Lead' },
  { title: 'Harbour deal', badge: 'Reviewer' },
  { title: 'HARBOUR strike', badge: 'Invite no longer valid' },
  { title: '', badge: 'Editor' },
];
const titles = (query: string) => boardsMatching(boards, query).map((b) => b.title);

describe('boardsMatching', () => {
  it('finds a title or a badge whatever its case and accents', () => {
    expect(titles('educacion')).toEqual(['Presupuesto de Educación 2027']);
    expect(titles('harbour')).toEqual(['Harbour deal', 'HARBOUR strike']);
    expect(titles('REVIEW')).toEqual(['Harbour deal']);
    expect(titles('no longer')).toEqual(['HARBOUR strike']);
    expect(titles('untitled')).toEqual(['']);
  });

  it('wants every word typed, anywhere, and keeps the order of the list', () => {
    expect(titles('harbour lead')).toEqual([]);
    expect(titles('2027 lead')).toEqual(['Presupuesto de Educación 2027']);
    expect(titles('deal  harbour ')).toEqual(['Harbour deal']);
  });

  it('gives every board for an empty search, and none for a word in none', () => {
    expect(titles('   ')).toHaveLength(4);
    expect(titles('budget')).toEqual([]);
  });

  it('reads past invisible format characters in a title or a query (a soft hyphen, a zero-width space, a direction mark)', () => {
    const pasted = [
      { title: 'Edu\u00adcación 2027', badge: 'Lead' },
      { title: '\u2067Harbour\u2069 deal', badge: 'Editor' },
      { title: 'Port\u200bauthority', badge: 'Editor' },
    ];
    const found = (query: string) => boardsMatching(pasted, query).map((b) => b.title);
    expect(found('educacion')).toEqual(['Edu\u00adcación 2027']);
    expect(found('harbour deal')).toEqual(['\u2067Harbour\u2069 deal']);
    expect(found('portauthority')).toEqual(['Port\u200bauthority']);
    expect(found('\u200eharbour')).toEqual(['\u2067Harbour\u2069 deal']);
  });

  it('folds case fully: "strasse" finds "Straße" and "STRASSE", "ß" finds "ss", a final sigma is a sigma', () => {
    const german = [
      { title: 'Straße der Einheit', badge: 'Lead' },
      { title: 'GROSSE STRASSE', badge: 'Editor' },
      { title: 'Hauptstraẞe', badge: 'Editor' },
      { title: 'Οδός Αθηνάς', badge: 'Editor' },
    ];
    const found = (query: string) => boardsMatching(german, query).map((b) => b.title);
    expect(found('strasse')).toEqual(['Straße der Einheit', 'GROSSE STRASSE', 'Hauptstraẞe']);
    expect(found('straße')).toEqual(['Straße der Einheit', 'GROSSE STRASSE', 'Hauptstraẞe']);
    expect(found('große')).toEqual(['GROSSE STRASSE']);
    expect(found('οδοσ')).toEqual(['Οδός Αθηνάς']);
    expect(found('ΑΘΗΝΑΣ')).toEqual(['Οδός Αθηνάς']);
  });
});
