/** The text of a caught error for the person: an Error's message, anything else as a string. */
export const errorMessage = (err: unknown): string =>
  err instanceof Error ? err.message : String(err);
