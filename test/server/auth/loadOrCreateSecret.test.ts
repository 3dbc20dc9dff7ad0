/**
 * The signing secret of a data directory: generated once and kept (secret.key), or given as
 * FACTBOARD_SECRET and remembered by a check value (secret.check). A start with another
 * secret than the one that signed the directory's invites is refused, naming the file to
 * delete to change it on purpose; otherwise every invite link, leads' included, would stop
 * working with nothing said but "this link is damaged" in the browser.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadOrCreateSecret } from '../../../server/auth/tokens';
import { ConfigError } from '../../../server/config';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir('factboard-secret-');
});
afterEach(() => dir.remove());

const FIRST = 'the first secret, 16+ characters';
const SECOND = 'the second secret, 16+ characters';

function refusal(fromEnv?: string): string {
  try {
    loadOrCreateSecret(dir.path, fromEnv);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems.join('\n');
  }
  throw new Error('the secret was accepted');
}

it('generates a secret once and keeps it; FACTBOARD_SECRET may not replace it', () => {
  const generated = loadOrCreateSecret(dir.path);
  expect(loadOrCreateSecret(dir.path)).toEqual(generated);
  const keyFile = join(dir.path, 'secret.key');
  expect(refusal(FIRST)).toMatch(
    new RegExp(`^FACTBOARD_SECRET: differs from .*\\(${keyFile}\\)\\. Unset FACTBOARD_SECRET`),
  );
  // Deleting secret.key is the deliberate change.
  rmSync(keyFile);
  expect(loadOrCreateSecret(dir.path, FIRST)).toEqual(Buffer.from(FIRST));
});

it('remembers a FACTBOARD_SECRET without keeping it, and refuses another or none', () => {
  expect(loadOrCreateSecret(dir.path, FIRST)).toEqual(Buffer.from(FIRST));
  const checkFile = join(dir.path, 'secret.check');
  expect(existsSync(join(dir.path, 'secret.key'))).toBe(false);
  expect(readFileSync(checkFile, 'utf8')).not.toContain(FIRST);
  expect(loadOrCreateSecret(dir.path, FIRST)).toEqual(Buffer.from(FIRST));

  expect(refusal(SECOND)).toBe(
    `FACTBOARD_SECRET: differs from the secret that signed this data directory's invites (${checkFile} holds its check value). Set the one used before; or, to change the secret on purpose, delete ${checkFile}: every invite link of every board, its leads' too, then stops working for good`,
  );
  expect(refusal()).toBe(
    `FACTBOARD_SECRET: is unset, but this data directory's invites were signed with a FACTBOARD_SECRET (${checkFile}). Set it again; or, to change the secret on purpose, delete ${checkFile}: every invite link of every board, its leads' too, then stops working for good`,
  );

  rmSync(checkFile);
  expect(loadOrCreateSecret(dir.path, SECOND)).toEqual(Buffer.from(SECOND));
  expect(refusal(FIRST)).toMatch(/^FACTBOARD_SECRET: differs/);
});
