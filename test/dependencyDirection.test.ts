import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The dependency direction of DESIGN §1, read from the sources' imports (static, `import type`,
// `export … from` and `import()`): shared/ uses neither client/ nor server/, nor React,
// Express or ws; inside client/ only the sync layer (client/sync) touches Yjs. eslint's
// no-restricted-imports says the first as one edits; this says both in every test run.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(folder, file));
}

/** Each import of `file` (relative to the root): the module as written and, for a relative one, the file's folder it reaches. */
function importsOf(file: string): { specifier: string; target: string | null }[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.map(({ fileName: specifier }) => ({
    specifier,
    target: specifier.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(file), specifier))
          .split(sep)
          .join('/')
      : null,
  }));
}

/** "file: import" for each import of the files under `folder` that `broken` picks. */
function offences(
  folder: string,
  broken: (file: string, specifier: string, target: string | null) => boolean,
): string[] {
  return sourcesUnder(folder).flatMap((file) =>
    importsOf(file)
      .filter(({ specifier, target }) => broken(file, specifier, target))
      .map(({ specifier }) => `${file.split(sep).join('/')}: ${specifier}`),
  );
}

const packageOf = (specifier: string) =>
  specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] ?? '');

const FRAMEWORKS = new Set(['react', 'react-dom', 'express', 'ws', 'better-sqlite3']);
const YJS = /^(yjs|y-[a-z]+)$/;

describe('dependency direction', () => {
  it('shared/ imports neither client/ nor server/', () => {
    expect(
      offences(
        'shared',
        (_file, _specifier, target) => target !== null && /^(client|server)(\/|$)/.test(target),
      ),
    ).toEqual([]);
  });

  it('shared/ imports no framework: React, Express, ws, SQLite', () => {
    expect(
      offences(
        'shared',
        (_file, specifier, target) => target === null && FRAMEWORKS.has(packageOf(specifier)),
      ),
    ).toEqual([]);
  });

  it('in client/, only client/sync imports Yjs (yjs, y-websocket, y-protocols, y-indexeddb)', () => {
    expect(
      offences(
        'client',
        (file, specifier, target) =>
          !file.startsWith(join('client', 'sync') + sep) &&
          target === null &&
          YJS.test(packageOf(specifier)),
      ),
    ).toEqual([]);
  });

  it('reads the imports it judges (a guard against a check that sees nothing)', () => {
    expect(sourcesUnder('shared').length).toBeGreaterThan(50);
    expect(offences('client', (_f, specifier) => specifier === 'yjs').length).toBeGreaterThan(5);
    expect(
      offences('shared', (_f, _s, target) => target?.startsWith('shared/') ?? false).length,
    ).toBeGreaterThan(50);
  });
});
