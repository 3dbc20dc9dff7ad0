import type { Permission } from '../../shared/roles';

/** Whose the person's own things are: "your" after "You can:", "their" after "Only … can:". */
export type Whose = 'your' | 'their';

/**
 * Everything each permission lets a person do, in words that follow "You can:" and "Only a
 * lead can:" in Your access (accessSentences). Every permission has words: shared/roles.ts stays
 * the one source of who may do what, and these only say it, all of it: what its commands, its
 * REST routes and the server's write policy (server/sync/writePolicy.ts) let it do, as the
 * board's controls offer it. A reviewer told only "comment" did not know they could edit their
 * comments or resolve a colleague's thread.
 */
export const PERMISSION_WORDS: Readonly<Record<Permission, (whose: Whose) => string>> = {
  editBoard: () =>
    'add, edit, move, assign, delete and restore cards, with their evidence and verdicts; remove articles',
  comment: (whose) =>
    `post comments and replies, edit and delete ${whose} own, and resolve or reopen any thread`,
  invite: () => 'invite people, change their roles and revoke their access',
  // The organisation is set in the Export dialog; the write policy keeps it the lead's.
  export: () => 'export the board and set the organisation named in its ClaimReview',
  editRatingScale: () => 'change the rating scale',
  redactComments: () => 'redact the text of any comment for good',
  importArticle: () => 'import articles',
  deleteBoard: () => 'delete the whole board',
};
