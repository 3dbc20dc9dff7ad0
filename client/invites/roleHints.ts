import type { Role } from '../../shared/roles';

/** What each role may do, in the words the invite form shows (DESIGN §4). */
export const ROLE_HINTS: Readonly<Record<Role, string>> = {
  lead: 'Leads can do everything, including inviting people and exporting the board.',
  editor: 'Editors add and move cards, and add evidence, verdicts and comments.',
  reviewer: 'Reviewers read everything and comment; they cannot change cards.',
  viewer: 'Viewers read the board and change nothing.',
};
