/** The sentences that name the lead who revoked an invite or changed a role, or say "a lead". */
import { describe, expect, it } from 'vitest';
import {
  expiryNearSentence,
  revokedClause,
  roleChangedSentence,
  sentenceStart,
} from '../../../client/access/accessSentences';
import { formatClock } from '../../../client/review/formatTime';

const AT = new Date(2026, 11, 6, 14, 2).getTime();

describe('the acting lead in the access sentences', () => {
  it('names the lead who revoked the invite, or says a lead for one the server kept no name of', () => {
    const at = formatClock(AT);
    expect(revokedClause({ at: AT, by: 'Ana Ruiz' })).toBe(
      `Ana Ruiz (lead) revoked your invite at ${at}`,
    );
    const unknown = revokedClause({ at: AT, by: null });
    expect(unknown).toBe(`a lead revoked your invite at ${at}`);
    expect(sentenceStart(unknown)).toBe(`A lead revoked your invite at ${at}`);
  });

  it('names the lead who changed the role, or only says the role without one', () => {
    expect(roleChangedSentence('reviewer', { by: 'Ana Ruiz', at: AT }, 'me')).toBe(
      `Ana Ruiz changed your role to Reviewer at ${formatClock(AT)}`,
    );
    expect(
      roleChangedSentence('reviewer', { by: 'Ana Ruiz', at: AT, byInviteId: 'ana' }, 'me'),
    ).toBe(`Ana Ruiz changed your role to Reviewer at ${formatClock(AT)}`);
    expect(roleChangedSentence('viewer', undefined, 'me')).toBe('Your role is now Viewer');
  });

  it('tells a lead who changed their own role that they did, not their own name', () => {
    expect(roleChangedSentence('editor', { by: 'Ana Ruiz', at: AT, byInviteId: 'me' }, 'me')).toBe(
      `You changed your role to Editor at ${formatClock(AT)}`,
    );
  });

  it('isolates a right-to-left name, so "(lead)" and the time stay after it', () => {
    const at = formatClock(AT);
    expect(revokedClause({ at: AT, by: 'رنا حداد' })).toBe(
      `\u2068رنا حداد\u2069 (lead) revoked your invite at ${at}`,
    );
    expect(roleChangedSentence('editor', { by: 'דנה', at: AT }, 'me')).toBe(
      `\u2068דנה\u2069 changed your role to Editor at ${at}`,
    );
    // A direction control in a name is closed where it stands, as in every sentence of ours.
    expect(revokedClause({ at: AT, by: 'Ana \u202Ezeruiz' })).toBe(
      `Ana \u202E\u202Czeruiz (lead) revoked your invite at ${at}`,
    );
  });

  it('says how near an expiry is and whom to ask: hours, minutes under one, a lead unnamed', () => {
    const hour = 60 * 60 * 1000;
    expect(expiryNearSentence({ at: AT + 3 * hour, by: 'Lea Ruiz' }, AT + 1)).toBe(
      'Your invite expires in 3 hours; ask Lea Ruiz (lead) to extend it',
    );
    expect(expiryNearSentence({ at: AT + hour, by: 'رنا' }, AT)).toBe(
      'Your invite expires in 1 hour; ask \u2068رنا\u2069 (lead) to extend it',
    );
    expect(expiryNearSentence({ at: AT + 40 * 60_000, by: null }, AT)).toBe(
      'Your invite expires in 40 minutes; ask a lead to extend it',
    );
    expect(expiryNearSentence({ at: AT + 1, by: null }, AT)).toBe(
      'Your invite expires in 1 minute; ask a lead to extend it',
    );
  });
});
