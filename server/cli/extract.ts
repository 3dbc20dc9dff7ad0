// `npm run extract -- <file> [--title "…"]`: prints the cleaned article and its claim
// candidates as JSON, through the same pipeline as POST /api/boards/:id/articles.
// Exit codes: 0 ok, 1 bad input (the ExtractError code is printed), 2 usage or read error.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ExtractError } from '../../shared/extract/ExtractError';
import { extractArticle } from '../extract/extractArticle';

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run extract -- <file> [--title "Title"]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const titleAt = args.indexOf('--title');
const title = titleAt >= 0 ? args[titleAt + 1] : undefined;
if (titleAt >= 0 && title === undefined) usage('--title needs a value.');
const files = args.filter((_, i) => titleAt < 0 || (i !== titleAt && i !== titleAt + 1));
if (files.length !== 1) usage('Give exactly one file.');
const file = files[0]!;

let body: Uint8Array;
try {
  body = readFileSync(file);
} catch (err) {
  usage(`Cannot read ${file}: ${(err as Error).message}`);
}

try {
  const result = extractArticle({ body, filename: basename(file), title });
  const output = {
    title: result.title,
    format: result.format,
    language: result.language,
    // The stored text, unchanged: every offset below indexes it.
    text: result.text,
    cleanText: result.cleanText,
    removed: result.removed,
    sentences: result.sentences,
    claims: result.claims,
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
} catch (err) {
  if (!(err instanceof ExtractError)) throw err;
  process.stderr.write(`${JSON.stringify({ error: { code: err.code, message: err.message } })}\n`);
  process.exit(1);
}
