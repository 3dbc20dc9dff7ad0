/**
 * Creates a small file of the data directory unless it exists, all at once: the content goes
 * into a file of its own first, which is then linked into place (link fails if the name is
 * taken). Two servers started at the same moment on an empty directory (the data directory's
 * lock is taken after the secret is read, so that a wrong secret is refused before anything is
 * written) each get the file the first one linked, whole: neither reads half of it, nor
 * overwrites it with its own after the other started signing with it.
 */
import { linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The name of this process's own copy of `file`, unique to this call. */
const ownCopy = (file: string): string =>
  `${file}.${process.pid}-${randomBytes(4).toString('hex')}.new`;
const COPY_SUFFIX = /^\.\d+-[0-9a-f]{8}\.new$/;

/** What `file` holds once this returns: `content` if this call created it, else what was there. */
export function createFileOnce(file: string, content: string): string {
  const own = ownCopy(file);
  writeFileSync(own, content, { mode: 0o600 });
  try {
    linkSync(own, file);
    return content;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return readFileSync(file, 'utf8');
    // A file system without hard links: an exclusive create, which another server could read
    // empty for the instant before the write, but never overwrites one.
    try {
      writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
      return content;
    } catch (retry) {
      if ((retry as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
      throw retry;
    }
  } finally {
    rmSync(own, { force: true });
  }
}

/**
 * Removes the copies of `file` that createFileOnce calls left: a server stopped (a crash, a
 * kill -9, a power cut) after writing its copy and before removing it. Such a copy is never
 * read, as each call writes a copy under a name of its own, but it holds a secret (never used
 * for one written before the link; the secret itself, as a second name, after it), which should
 * not lie about in the data directory, nor in its backups. For a caller holding the data
 * directory's lock: a server starting at the same moment, whose copy this removes before its
 * link, creates the file exclusively instead (above) and gets the same content.
 */
export function removeLeftCopies(file: string): void {
  const name = basename(file);
  for (const entry of readdirSync(dirname(file))) {
    if (entry.startsWith(name) && COPY_SUFFIX.test(entry.slice(name.length))) {
      rmSync(join(dirname(file), entry), { force: true });
    }
  }
}
