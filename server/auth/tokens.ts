/**
 * Invite tokens: `base64url(JSON claims) . base64url(HMAC-SHA256(secret, payload))`.
 * Signed, not encrypted: the client may read its own claims (its name and role). Revocation
 * is checked against storage on every use, so a token is only as good as its invite.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/roles';
import { ConfigError } from '../config';
import { createFileOnce, removeLeftCopies } from './createFileOnce';

export interface TokenClaims {
  readonly boardId: string;
  readonly inviteId: string;
  readonly role: Role;
  readonly name: string;
  /** Issued at, ms since the epoch. */
  readonly iat: number;
  /** Expiry, ms since the epoch, or null for none (revocation still applies). */
  readonly exp: number | null;
}

const claimsSchema = z.object({
  boardId: z.string().min(1),
  inviteId: z.string().min(1),
  role: z.enum(ROLES),
  name: z.string(),
  iat: z.number(),
  exp: z.number().nullable(),
});

export interface TokenSigner {
  sign(claims: TokenClaims): string;
  /** The claims of a well-formed, correctly signed, unexpired token; otherwise null. */
  verify(token: string, now?: number): TokenClaims | null;
}

export function createTokenSigner(secret: Buffer | string): TokenSigner {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(claims) {
      const payload = Buffer.from(JSON.stringify(claimsSchema.parse(claims))).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(token, now = Date.now()) {
      if (typeof token !== 'string' || token.length > 4096) return null;
      const dot = token.indexOf('.');
      if (dot <= 0) return null;
      const payload = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      const claims = claimsSchema.safeParse(parsed);
      if (!claims.success) return null;
      if (claims.data.exp !== null && claims.data.exp <= now) return null;
      return claims.data;
    },
  };
}

const KEY_FILE = 'secret.key';
const CHECK_FILE = 'secret.check';

/**
 * Removes the copies of the secret's files a server stopped while creating them left
 * (removeLeftCopies): once this server holds the data directory's lock.
 */
export function removeLeftSecretCopies(dataDir: string): void {
  for (const file of [KEY_FILE, CHECK_FILE]) removeLeftCopies(join(dataDir, file));
}

/**
 * The signing secret: FACTBOARD_SECRET when given, else a random one generated on first
 * start and kept in the data directory (secret.key, mode 0600), so tokens survive restarts.
 *
 * Every invite link of the data directory's boards is signed with it, and a lead cannot make
 * a new one without an old one: another secret locks everyone out of every board, and the
 * browser can only say the link is damaged. So the directory remembers which secret it
 * signs with (secret.key, or for FACTBOARD_SECRET a check value in secret.check that does not
 * reveal it), and a start with another is refused, saying which file to delete to change it
 * on purpose (ConfigError, `Invalid configuration:` at start).
 */
export function loadOrCreateSecret(dataDir: string, fromEnv?: string): Buffer {
  const keyFile = join(dataDir, KEY_FILE);
  const checkFile = join(dataDir, CHECK_FILE);
  const stored = existsSync(keyFile)
    ? Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex')
    : null;
  const storedCheck = existsSync(checkFile) ? readFileSync(checkFile, 'utf8').trim() : null;
  const rotate = (file: string) =>
    `or, to change the secret on purpose, delete ${file}: every invite link of every board, its leads' too, then stops working for good`;
  if (!fromEnv) {
    if (stored) return stored;
    if (storedCheck !== null) {
      throw new ConfigError([
        `FACTBOARD_SECRET: is unset, but this data directory's invites were signed with a FACTBOARD_SECRET (${checkFile}). Set it again; ${rotate(checkFile)}`,
      ]);
    }
    // Another server starting at the same moment may have written one first: that one holds.
    return Buffer.from(createFileOnce(keyFile, randomBytes(32).toString('hex')).trim(), 'hex');
  }
  const secret = Buffer.from(fromEnv, 'utf8');
  if (stored && !stored.equals(secret)) {
    throw new ConfigError([
      `FACTBOARD_SECRET: differs from the secret that signed this data directory's invites (${keyFile}). Unset FACTBOARD_SECRET to keep them working; ${rotate(keyFile)}`,
    ]);
  }
  if (storedCheck !== null && storedCheck !== secretCheck(secret)) {
    throw new ConfigError([
      `FACTBOARD_SECRET: differs from the secret that signed this data directory's invites (${checkFile} holds its check value). Set the one used before; ${rotate(checkFile)}`,
    ]);
  }
  if (!stored && storedCheck === null) {
    const check = secretCheck(secret);
    if (createFileOnce(checkFile, check).trim() !== check) {
      throw new ConfigError([
        `FACTBOARD_SECRET: differs from the one another server started with on this data directory a moment ago (${checkFile} holds its check value). Set the same secret on both; ${rotate(checkFile)}`,
      ]);
    }
  }
  return secret;
}

/** A value that tells one secret from another without revealing it (an HMAC of a constant). */
function secretCheck(secret: Buffer): string {
  return createHmac('sha256', secret).update('factboard secret check').digest('hex');
}
