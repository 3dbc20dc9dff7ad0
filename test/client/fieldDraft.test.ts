// The three-way field draft behind the card's edit forms: what shows, what saving writes, and
// when a colleague's change to the same field is a conflict.
import { describe, expect, it } from 'vitest';
import {
  draftChanges,
  draftConflicts,
  dropFields,
  editDraft,
  type FieldDraft,
  rebaseFields,
  shownValues,
} from '../../client/ui/fieldDraft';

interface Verdict {
  verdict: string;
  rationale: string;
}

const EMPTY: FieldDraft<Verdict> = { base: {}, mine: {} };
const start: Verdict = { verdict: '', rationale: '' };

describe('field draft', () => {
  it('shows the live value of every field the person has not touched', () => {
    const draft = editDraft(start, EMPTY, { verdict: 'False' });
    const live = { verdict: '', rationale: 'Colleague’s reasons' };
    expect(shownValues(live, draft)).toEqual({
      verdict: 'False',
      rationale: 'Colleague’s reasons',
    });
  });

  it('saves only what the person changed, so a colleague’s other field stays', () => {
    const draft = editDraft(start, EMPTY, { verdict: 'False' });
    expect(draftChanges(draft)).toEqual({ verdict: 'False' });
    expect(draftConflicts({ verdict: '', rationale: 'Colleague’s reasons' }, draft)).toEqual([]);
  });

  it('an edit typed back to where it started is not a change', () => {
    let draft = editDraft(start, EMPTY, { rationale: 'x' });
    draft = editDraft(start, draft, { rationale: '' });
    expect(draftChanges(draft)).toEqual({});
  });

  it('a field’s base is the live value when the person first edits it', () => {
    // The colleague's rationale arrived before this person started typing: no conflict.
    const live = { verdict: '', rationale: 'Theirs' };
    const draft = editDraft(live, EMPTY, { rationale: 'Theirs, and mine' });
    expect(draft.base).toEqual({ rationale: 'Theirs' });
    expect(draftConflicts(live, draft)).toEqual([]);
  });

  it('a colleague’s change to a field the person is changing is a conflict', () => {
    const draft = editDraft(start, EMPTY, { rationale: 'Mine', verdict: 'True' });
    const live = { verdict: '', rationale: 'Theirs' };
    expect(draftConflicts(live, draft)).toEqual(['rationale']);
    // The same change on both sides is no conflict.
    expect(draftConflicts({ verdict: 'True', rationale: 'Mine' }, draft)).toEqual([]);
  });

  it('keeping mine rebases the field on theirs; taking theirs drops my edit of it', () => {
    const draft = editDraft(start, EMPTY, { rationale: 'Mine', verdict: 'True' });
    const live = { verdict: '', rationale: 'Theirs' };
    const kept = rebaseFields(live, draft, ['rationale']);
    expect(draftConflicts(live, kept)).toEqual([]);
    expect(draftChanges(kept)).toEqual({ rationale: 'Mine', verdict: 'True' });

    const taken = dropFields(draft, ['rationale']);
    expect(draftChanges(taken)).toEqual({ verdict: 'True' });
    expect(shownValues(live, taken).rationale).toBe('Theirs');
    // A later colleague change to the kept field is a new conflict.
    expect(draftConflicts({ verdict: '', rationale: 'Theirs again' }, kept)).toEqual(['rationale']);
  });
});
