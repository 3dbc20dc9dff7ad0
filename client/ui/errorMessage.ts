import { ApiError } from '../app/api';

/**
 * The server is stopping (a deploy, a restart): 503 `shutting_down` for a request that arrived
 * meanwhile, `<job>_shutting_down` (extract_, import_, export_, restore_) for one whose work it
 * stopped. Nothing was changed either way, and the same request passes once the server is
 * back, which is what the person needs to know; the server's own words name its worker jobs.
 */
const SHUTTING_DOWN = /^(?:[a-z]+_)?shutting_down$/;

const RESTARTING = 'The server is restarting; try again in a moment.';

/**
 * The text of a caught error for the person: an Error's message (a refusal's in the server's
 * words, unless it is one of the codes above), anything else as a string.
 */
export const errorMessage = (err: unknown): string => {
  if (err instanceof ApiError && SHUTTING_DOWN.test(err.code)) return RESTARTING;
  return err instanceof Error ? err.message : String(err);
};
