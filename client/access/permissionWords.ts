import type { Permission } from '../../shared/roles';

/**
 * What each permission lets a person do, in words that follow "You can:" and "Only a lead
 * can:" in Your access (accessSummary). Every permission has words: shared/roles.ts stays the
 * one source of who may do what, and these only say it.
 */
export const PERMISSION_WORDS: Readonly<Record<Permission, string>> = {
  editBoard: 'change cards, articles, evidence and verdicts',
  comment: 'comment',
  invite: 'invite people and change roles',
  export: 'export the board',
  editRatingScale: 'change the rating scale',
  importArticle: 'import articles',
};
