import type { Actor } from '../../shared/board/actor';

/** A lead as the REST API names one who acted on an invite: their invite's id and name. */
export const leadJson = (a: Actor | null): { inviteId: string; name: string } | null =>
  a && { inviteId: a.id, name: a.name };
