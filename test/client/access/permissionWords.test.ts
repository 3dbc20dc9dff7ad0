import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES } from '../../../shared/roles';
import { accessSummary, aRole } from '../../../client/access/accessSummary';
import { PERMISSION_WORDS } from '../../../client/access/permissionWords';

describe('the words for what a role may do (Your access)', () => {
  it('has words, each its own, for every permission in shared/roles.ts', () => {
    const permissions = Object.keys(PERMISSIONS);
    for (const permission of permissions) {
      expect(PERMISSION_WORDS[permission as keyof typeof PERMISSIONS], permission).toMatch(/\S/);
    }
    expect(
      new Set(permissions.map((p) => PERMISSION_WORDS[p as keyof typeof PERMISSIONS])).size,
    ).toBe(permissions.length);
    // And none for a permission that is gone.
    expect(Object.keys(PERMISSION_WORDS).sort()).toEqual([...permissions].sort());
  });

  it('says every permission once for every role: what it can, or who else can', () => {
    for (const role of ROLES) {
      const { can, others } = accessSummary(role);
      const said = [...can, ...others.flatMap((o) => o.words)];
      expect(said.sort(), role).toEqual(Object.values(PERMISSION_WORDS).sort());
    }
  });

  it('tells an editor what only a lead can do', () => {
    expect(accessSummary('editor')).toEqual({
      can: ['change cards, articles, evidence and verdicts', 'comment', 'import articles'],
      others: [
        {
          who: 'a lead',
          words: ['invite people and change roles', 'export the board', 'change the rating scale'],
        },
      ],
    });
  });

  it('tells a viewer that it cannot change cards, and who can', () => {
    const { can, others } = accessSummary('viewer');
    expect(can).toEqual([]);
    expect(others).toContainEqual({
      who: 'a lead or an editor',
      words: ['change cards, articles, evidence and verdicts', 'import articles'],
    });
    expect(others).toContainEqual({ who: 'a lead, an editor or a reviewer', words: ['comment'] });
  });

  it('leaves a lead nothing that only others can do', () => {
    expect(accessSummary('lead').others).toEqual([]);
  });

  it('puts the right article before each role', () => {
    expect(ROLES.map(aRole)).toEqual(['a lead', 'an editor', 'a reviewer', 'a viewer']);
  });
});
