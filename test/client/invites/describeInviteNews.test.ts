/** The invites dialog's status line for another lead's changes: who revoked an invite. */
import { describe, expect, it } from 'vitest';
import { describeInviteNews } from '../../../client/invites/describeInviteNews';
import { expiryWords } from '../../../client/invites/expiryWords';
import type { Invite } from '../../../client/invites/invitesApi';

const cy: Invite = {
  inviteId: 'cy',
  name: 'Cy',
  role: 'editor',
  createdAt: 1,
  joinedAt: 2,
  revokedAt: null,
  revokedBy: null,
  expiresAt: null,
  expirySetBy: null,
};
const revoked = (invite: Invite, by: string | null): Invite => ({
  ...invite,
  revokedAt: 3,
  revokedBy: by === null ? null : { inviteId: 'lead', name: by },
});

describe('describeInviteNews', () => {
  it('names the lead who revoked an invite, or says a lead when the server kept no name', () => {
    expect(describeInviteNews([cy], [revoked(cy, 'Lea')])).toBe("Cy's invite was revoked by Lea.");
    expect(describeInviteNews([cy], [revoked(cy, null)])).toBe(
      "Cy's invite was revoked by a lead.",
    );
  });

  it('says a new expiry mid-sentence with the date as the row shows it, and an ended one', () => {
    const at = Date.now() + 7 * 24 * 60 * 60 * 1000;
    const row = expiryWords(at);
    expect(row).toMatch(/^Expires /);
    expect(describeInviteNews([cy], [{ ...cy, expiresAt: at }])).toBe(
      `Cy's invite expires ${row.slice('Expires '.length)}.`,
    );
    expect(describeInviteNews([{ ...cy, expiresAt: at }], [cy])).toBe(
      "Cy's invite no longer expires.",
    );
  });

  it("says the reading lead's own invite in the second person", () => {
    const at = Date.now() + 7 * 24 * 60 * 60 * 1000;
    const row = expiryWords(at);
    expect(describeInviteNews([cy], [{ ...cy, expiresAt: at }], 'cy')).toBe(
      `Your invite expires ${row.slice('Expires '.length)}.`,
    );
    expect(describeInviteNews([{ ...cy, expiresAt: at }], [cy], 'cy')).toBe(
      'Your invite no longer expires.',
    );
    expect(describeInviteNews([cy], [{ ...cy, expiresAt: at }], 'other')).toMatch(/^Cy's invite/);
  });

  it("says a new role of the reading lead's own invite to them, and of others' in the third person", () => {
    expect(describeInviteNews([cy], [{ ...cy, role: 'reviewer' }], 'cy')).toBe(
      'You are now Reviewer.',
    );
    expect(describeInviteNews([cy], [{ ...cy, role: 'reviewer' }], 'other')).toBe(
      'Cy is now Reviewer.',
    );
  });

  it('isolates right-to-left names, so the words after them keep their place', () => {
    const rana = { ...cy, name: 'رنا' };
    expect(describeInviteNews([rana], [revoked(rana, 'דנה')])).toBe(
      "\u2068رنا\u2069's invite was revoked by \u2068דנה\u2069.",
    );
    expect(describeInviteNews([rana], [{ ...rana, role: 'reviewer' }])).toBe(
      '\u2068رنا\u2069 is now Reviewer.',
    );
  });
});
