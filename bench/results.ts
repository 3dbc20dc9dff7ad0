/**
 * bench/results/latest.md holds the last table of every section, each between markers, so a run
 * of some sections (`npm run bench -- sync`) replaces only their tables and keeps the others.
 * The file is committed: it is the last real run's record.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';

const HEADER =
  '# Factboard benchmark results\n\nWritten by `npm run bench`; each section is replaced when it runs again.\n';

const begin = (name: string) => `<!-- section:${name} -->`;
const end = (name: string) => `<!-- /section:${name} -->`;

export async function saveSection(path: string, name: string, markdown: string): Promise<void> {
  const block = `${begin(name)}\n${markdown.trimEnd()}\n${end(name)}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  const from = current.indexOf(begin(name));
  const to = current.indexOf(end(name));
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end(name).length)
      : `${current.trimEnd()}\n\n${block}\n`;
  mkdirSync(dirname(path), { recursive: true });
  // Formatted as `npm run check` expects every file in the repo to be.
  const options = { ...(await resolveConfig(path)), filepath: path };
  writeFileSync(path, await format(next, options));
}
