/**
 * Invite tokens: `base64url(JSON claims) . base64url(HMAC-SHA256(secret, payload))`.
 * Signed, not encrypted: the client may read its own claims (its name and role). Revocation
 * is checked against storage on every use, so a token is only as good as its invite.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/roles';

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

/**
 * The signing secret: FACTBOARD_SECRET when given, else a random one generated on first
 * start and kept in the data directory (mode 0600), so tokens survive restarts.
 */
export function loadOrCreateSecret(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}
