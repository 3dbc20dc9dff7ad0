import { describe, expect, it } from 'vitest';
import { can, type Permission, PERMISSIONS, type Role, ROLES } from '../../../shared/roles';
import { accessSentences, aRole } from '../../../client/access/accessSentences';
import { PERMISSION_WORDS } from '../../../client/access/permissionWords';

const permissions = Object.keys(PERMISSIONS) as Permission[];
const words = (permission: Permission, whose: 'your' | 'their') =>
  PERMISSION_WORDS[permission](whose);

/** The roles an "Only … can:" sentence names: "a lead, an editor or a reviewer". */
const rolesNamed = (sentence: string): Role[] => {
  const who = /^Only (.+?) can: /.exec(sentence)?.[1] ?? '';
  return ROLES.filter((role) => who.split(/, | or /).includes(aRole(role)));
};

describe('the words for what a role may do (Your access)', () => {
  it('has words, each its own, for every permission in shared/roles.ts', () => {
    for (const permission of permissions) {
      expect(words(permission, 'your'), permission).toMatch(/\S/);
    }
    // None is part of another, so a sentence holding one's words says that permission.
    for (const whose of ['your', 'their'] as const) {
      for (const a of permissions) {
        for (const b of permissions) {
          if (a !== b) expect(words(b, whose), `${a} in ${b}`).not.toContain(words(a, whose));
        }
      }
    }
    // And none for a permission that is gone.
    expect(Object.keys(PERMISSION_WORDS).sort()).toEqual([...permissions].sort());
  });

  it('says each permission once for every role: in what it can, or who else can', () => {
    for (const role of ROLES) {
      const [yours, ...others] = accessSentences(role);
      for (const permission of permissions) {
        const what = `${role}, ${permission}`;
        if (can(role, permission)) {
          expect(yours, what).toContain(words(permission, 'your'));
          expect(
            others.filter((s) => s.includes(words(permission, 'their'))),
            what,
          ).toEqual([]);
          continue;
        }
        expect(yours, what).not.toContain(words(permission, 'your'));
        const saying = others.filter((s) => s.includes(words(permission, 'their')));
        expect(saying, what).toHaveLength(1);
        // Said as what exactly the roles that have it can do.
        expect(rolesNamed(saying[0] as string), what).toEqual(
          ROLES.filter((r) => can(r, permission)),
        );
      }
      // And nothing more: each sentence is its permissions' words, in PERMISSIONS' order.
      const body = (s: string) => s.replace(/^(You can|Only .+? can): /, '').replace(/\.$/, '');
      const sayingOf = (has: (p: Permission) => boolean, whose: 'your' | 'their') =>
        permissions
          .filter(has)
          .map((p) => words(p, whose))
          .join('; ');
      expect(yours, role).toBe(
        permissions.some((p) => can(role, p))
          ? `You can: ${sayingOf((p) => can(role, p), 'your')}.`
          : 'You can read this board and change nothing on it.',
      );
      for (const sentence of others) {
        const named = String(rolesNamed(sentence));
        expect(body(sentence), sentence).toBe(
          sayingOf((p) => String(ROLES.filter((r) => can(r, p))) === named, 'their'),
        );
      }
    }
  });

  it('tells a lead everything it can do, and nothing that only others can', () => {
    expect(accessSentences('lead')).toEqual([
      'You can: add, edit, move, assign, delete and restore cards, with their evidence and verdicts; remove articles; post comments and replies, edit and delete your own, and resolve or reopen any thread; invite people, change their roles and revoke their access; export the board and set the organisation named in its ClaimReview; change the rating scale; redact the text of any comment for good; import articles; delete the whole board.',
    ]);
  });

  it('tells an editor what it can do and what only a lead can', () => {
    expect(accessSentences('editor')).toEqual([
      'You can: add, edit, move, assign, delete and restore cards, with their evidence and verdicts; remove articles; post comments and replies, edit and delete your own, and resolve or reopen any thread; import articles.',
      'Only a lead can: invite people, change their roles and revoke their access; export the board and set the organisation named in its ClaimReview; change the rating scale; redact the text of any comment for good; delete the whole board.',
    ]);
  });

  it('tells a reviewer all that commenting lets it do: its own comments, and any thread', () => {
    expect(accessSentences('reviewer')).toEqual([
      'You can: post comments and replies, edit and delete your own, and resolve or reopen any thread.',
      'Only a lead or an editor can: add, edit, move, assign, delete and restore cards, with their evidence and verdicts; remove articles; import articles.',
      'Only a lead can: invite people, change their roles and revoke their access; export the board and set the organisation named in its ClaimReview; change the rating scale; redact the text of any comment for good; delete the whole board.',
    ]);
  });

  it('tells a viewer that it changes nothing, and who can do what', () => {
    expect(accessSentences('viewer')).toEqual([
      'You can read this board and change nothing on it.',
      'Only a lead or an editor can: add, edit, move, assign, delete and restore cards, with their evidence and verdicts; remove articles; import articles.',
      'Only a lead, an editor or a reviewer can: post comments and replies, edit and delete their own, and resolve or reopen any thread.',
      'Only a lead can: invite people, change their roles and revoke their access; export the board and set the organisation named in its ClaimReview; change the rating scale; redact the text of any comment for good; delete the whole board.',
    ]);
  });

  it('puts the right article before each role', () => {
    expect(ROLES.map(aRole)).toEqual(['a lead', 'an editor', 'a reviewer', 'a viewer']);
  });
});
