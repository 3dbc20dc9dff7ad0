/** Who did something: the invite that a person joined with, and the name they gave. */
export interface Actor {
  readonly id: string;
  readonly name: string;
}

/** The server's own changes (seeding a board, importing an article over REST). */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', name: 'Factboard' });
