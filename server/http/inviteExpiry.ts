/**
 * When an invite made or changed over REST stops opening its board: `expiresInDays` (a whole
 * number of days from now, 1–365) or `expiresAt` (ms since the epoch, in the future and at most
 * 365 days ahead; null for never), not both. Refused with 400 invalid_input naming the field.
 */
import { z } from 'zod';
import { HttpError } from '../errors';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_EXPIRY_DAYS = 365;

/** The body keys, for a route's schema to take beside its own. */
export const expiryFields = {
  expiresInDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(MAX_EXPIRY_DAYS, `must be at most ${MAX_EXPIRY_DAYS} days`)
    .optional(),
  expiresAt: z.number().int('must be a time in ms since the epoch').nullable().optional(),
};

/**
 * The expiry the body asks for: a time, null (never), or undefined when it names none. Checked
 * against `now` here (zod's schema cannot know the server's clock).
 */
export function expiryFrom(
  body: { expiresInDays?: number | undefined; expiresAt?: number | null | undefined },
  now: number,
): number | null | undefined {
  const { expiresInDays, expiresAt } = body;
  if (expiresInDays !== undefined && expiresAt !== undefined) {
    throw new HttpError(400, 'invalid_input', 'give expiresInDays or expiresAt, not both');
  }
  if (expiresInDays !== undefined) return now + expiresInDays * DAY_MS;
  if (expiresAt === undefined || expiresAt === null) return expiresAt;
  if (expiresAt <= now) {
    throw new HttpError(400, 'invalid_input', 'expiresAt: must be in the future');
  }
  if (expiresAt > now + MAX_EXPIRY_DAYS * DAY_MS) {
    throw new HttpError(
      400,
      'invalid_input',
      `expiresAt: must be at most ${MAX_EXPIRY_DAYS} days ahead`,
    );
  }
  return expiresAt;
}
