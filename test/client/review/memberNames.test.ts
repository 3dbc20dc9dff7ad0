import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  createBoardReader,
  deleteCard,
  editCard,
} from '../../../shared/board';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { MemberNameIndex } from '../../../client/review/memberNames';

const as = (name: string) => ({ actor: { id: `i-${name}`, name } });

describe('MemberNameIndex (who @mentions can name)', () => {
  // Finding the changed cards itself, or told them by the reader (changedCards).
  it.each([
    ['finding the changed cards', false],
    ["told them by the reader's changedCards", true],
  ])('follows the board from view to view, %s: new people, people gone, nothing new', (_, told) => {
    const doc = new Y.Doc();
    const reader = createBoardReader(doc);
    const index = new MemberNameIndex();
    const read = () => index.read(reader.read(), told ? reader.changedCards : undefined);
    const c1 = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, { actor: SYSTEM_ACTOR });
    editCard(doc, c1, { speaker: 'The mayor' }, as('Eddie'));
    assignCard(doc, c1, { id: 'i-ana', name: 'Ana Lima' }, as('Eddie'));
    addEvidence(doc, c1, { url: 'https://example.org/a', stance: 'supports' }, as('Eddie'));
    const c2 = addClaim(doc, { claim: 'Crime fell 10%' }, as('Bo'));
    addComment(doc, c2, { text: 'Source?' }, as('Rhea'));
    addComment(doc, c2, { text: 'Checked.' }, as('  '));
    const first = read();
    // The system is nobody to mention, nor is a blank name.
    expect(first).toEqual(['Ana Lima', 'Bo', 'Eddie', 'Rhea']);

    // A change that brings no new name keeps the very same list.
    editCard(doc, c2, { speaker: 'Police' }, as('Bo'));
    expect(read()).toBe(first);

    addComment(doc, c1, { text: 'Agreed' }, as('Cy'));
    expect(read()).toEqual(['Ana Lima', 'Bo', 'Cy', 'Eddie', 'Rhea']);

    // Bo and Rhea were only on the deleted card.
    deleteCard(doc, c2, as('Eddie'));
    expect(read()).toEqual(['Ana Lima', 'Cy', 'Eddie']);
  });
});
