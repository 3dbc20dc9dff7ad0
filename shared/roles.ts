/** Roles of a board's members (DESIGN §4) and what each may do. */
export const ROLES = ['lead', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Cards, articles, evidence, verdicts, meta. */
  editBoard: ['lead', 'editor'],
  comment: ['lead', 'editor', 'reviewer'],
  invite: ['lead'],
  export: ['lead'],
  editRatingScale: ['lead'],
  /** Take a comment's text off the board and out of its stored past for good. */
  redactComments: ['lead'],
  importArticle: ['lead', 'editor'],
  /** Delete the whole board, for good. */
  deleteBoard: ['lead'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
