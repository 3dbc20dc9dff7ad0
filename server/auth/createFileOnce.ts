/**
 * Creates a small file of the data directory unless it exists, all at once: the content goes
 * into a file of its own first, which is then linked into place (link fails if the name is
 * taken). Two servers started at the same moment on an empty directory (the data directory's
 * lock is taken after the secret is read, so that a wrong secret is refused before anything is
 * written) each get the file the first one linked, whole: neither reads half of it, nor
 * overwrites it with its own after the other started signing with it.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** What `file` holds once this returns: `content` if this call created it, else what was there. */
export function createFileOnce(file: string, content: string): string {
  const own = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.new`;
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
