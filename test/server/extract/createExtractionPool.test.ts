/**
 * The extraction pool (server/extract/createExtractionPool): real worker threads under tsx.
 * The input's refusals cross the thread boundary as the same typed ExtractError; a thread that
 * throws or exits fails its job with ExtractJobError and the next job gets a fresh thread; a
 * burst waits for a free thread; closing fails the job in flight.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractError } from '../../../shared/extract/ExtractError';
import {
  createExtractionPool,
  type ExtractionPool,
} from '../../../server/extract/createExtractionPool';
import { type ArticleInput, extractArticle } from '../../../server/extract/extractArticle';
import { ExtractJobError } from '../../../server/extract/ExtractJobError';
import { toHttpError } from '../../../server/http/errorHandler';
import { waitFor } from '../../helpers/waitFor';

const ARTICLE =
  'The national deficit rose to $1.2 trillion in 2023, the Treasury said on Tuesday. ' +
  'Unemployment fell to 3.9 percent in December, according to the Bureau of Labor Statistics.';
const FAILING = new URL('./fixtures/failingExtractWorker.ts', import.meta.url);

let pool: ExtractionPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

/** What extractArticle throws on the main thread for this input. */
function refusal(input: ArticleInput): ExtractError {
  try {
    extractArticle(input);
  } catch (err) {
    if (err instanceof ExtractError) return err;
  }
  throw new Error('expected a refusal');
}

describe('createExtractionPool', () => {
  it('extracts what the board stores, as extractArticle does', async () => {
    pool = createExtractionPool({ timeoutMs: 60_000 });
    const article = await pool.extract({ body: ARTICLE, title: 'Deficit' });
    const direct = extractArticle({ body: ARTICLE, title: 'Deficit' });
    expect(article).toEqual({
      title: direct.title,
      text: direct.text,
      language: direct.language,
      claims: direct.claims,
    });
  });

  it('re-creates the input’s refusals as ExtractError, with their code and message', async () => {
    pool = createExtractionPool({ timeoutMs: 60_000 });
    const inputs: ArticleInput[] = [
      { body: ' \u200b ' },
      { body: '<html><body><nav>Menu</nav></body></html>', contentType: 'text/html' },
      { body: ARTICLE, maxBytes: 10 },
      { body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
    ];
    for (const input of inputs) {
      const expected = refusal(input);
      const error = await pool.extract(input).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(ExtractError);
      expect(error).toMatchObject({ code: expected.code, message: expected.message });
    }
    expect(new Set(inputs.map((input) => refusal(input).code))).toEqual(
      new Set(['empty', 'too_large', 'unsupported_media']),
    );
    // A refusal is an answer: the same thread takes the next article.
    await expect(pool.extract({ body: ARTICLE })).resolves.toMatchObject({ language: 'en' });
  });

  // Three thread starts, two of them at once: each loads the language model (seconds on a
  // busy machine).
  it(
    'a thread that throws or exits fails its job (500 extract_failed); the next job gets a fresh one',
    {
      timeout: 90_000,
    },
    async () => {
      pool = createExtractionPool({ timeoutMs: 60_000, entry: FAILING, threads: 2 });
      const errors = await Promise.all(
        ['throw', 'exit'].map((body) =>
          pool!.extract({ body }).then(
            () => null,
            (err: unknown) => err,
          ),
        ),
      );
      for (const error of errors) {
        expect(error).toBeInstanceOf(ExtractJobError);
        expect(error).toMatchObject({ code: 'failed' });
        expect(toHttpError(error)).toMatchObject({ status: 500, code: 'extract_failed' });
      }
      await expect(pool.extract({ body: ARTICLE })).resolves.toMatchObject({ language: 'en' });
    },
  );

  it('a burst waits for a free thread instead of starting one per job', async () => {
    pool = createExtractionPool({ timeoutMs: 60_000, threads: 1 });
    const jobs = [1, 2, 3].map((n) => pool!.extract({ body: `${ARTICLE} (${n})` }));
    expect(pool.stats()).toEqual({ running: 1, waiting: 2 });
    const articles = await Promise.all(jobs);
    expect(articles.map((a) => a.text.slice(-3))).toEqual(['(1)', '(2)', '(3)']);
    expect(pool.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('closing fails the job in flight instead of leaving it hanging', async () => {
    pool = createExtractionPool({ timeoutMs: 60_000 });
    const job = pool.extract({ body: ARTICLE }).then(
      () => null,
      (err: unknown) => err,
    );
    await waitFor(() => pool!.stats().running === 1);
    await pool.close();
    expect(await job).toBeInstanceOf(ExtractJobError);
    await expect(pool.extract({ body: ARTICLE })).rejects.toBeInstanceOf(ExtractJobError);
  });
});
