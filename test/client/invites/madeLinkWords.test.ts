/** What Invite people says of links made and not copied: one, two, three, some copied. */
import { describe, expect, it } from 'vitest';
import { linksStillOpen, notCopiedQuestion } from '../../../client/invites/madeLinkWords';

const eddie = { name: 'Eddie', role: 'editor' } as const;
const erin = { name: 'Erin', role: 'viewer' } as const;
const rita = { name: 'Rita', role: 'reviewer' } as const;

describe('notCopiedQuestion', () => {
  it('names each link as its Copy button does, in the singular or the plural', () => {
    expect(notCopiedQuestion([rita]).question).toBe(
      'The link for Rita (Reviewer) has not been copied. It cannot be shown again: close anyway?',
    );
    expect(notCopiedQuestion([rita]).detail).toMatch(/^The invite stays live/);
    expect(notCopiedQuestion([rita, eddie]).question).toBe(
      'The links for Rita (Reviewer) and Eddie (Editor) have not been copied. They cannot be shown again: close anyway?',
    );
    expect(notCopiedQuestion([rita, erin, eddie]).question).toBe(
      'The links for Rita (Reviewer), Erin (Viewer) and Eddie (Editor) have not been copied. They cannot be shown again: close anyway?',
    );
    expect(notCopiedQuestion([rita, eddie]).detail).toMatch(/^The invites stay live/);
  });
});

describe('linksStillOpen', () => {
  it('asks to copy all of them when none is copied', () => {
    expect(linksStillOpen([rita], [rita])).toBe(
      'The link made for Rita still opens the board, and is not shown again: copy it now (a lead can revoke it).',
    );
    expect(linksStillOpen([rita, erin, eddie], [rita, erin, eddie])).toBe(
      'The links made for Rita, Erin and Eddie still open the board, and are not shown again: copy them now (a lead can revoke them).',
    );
  });

  it('asks to copy only those not copied', () => {
    expect(linksStillOpen([rita, erin, eddie], [erin])).toBe(
      'The links made for Rita, Erin and Eddie still open the board (a lead can revoke them). The one for Erin is not copied yet, and not shown again: copy it now.',
    );
    expect(linksStillOpen([rita, erin, eddie], [rita, eddie])).toBe(
      'The links made for Rita, Erin and Eddie still open the board (a lead can revoke them). Those for Rita and Eddie are not copied yet, and not shown again: copy them now.',
    );
  });

  it('asks nothing once all are copied', () => {
    expect(linksStillOpen([rita], [])).toBe(
      'The link made for Rita still opens the board (a lead can revoke it).',
    );
    expect(linksStillOpen([rita, eddie], [])).toBe(
      'The links made for Rita and Eddie still open the board (a lead can revoke them).',
    );
  });
});
