/**
 * The extraction pool (server/extract/createExtractionPool): real worker threads under tsx.
 * The input's refusals cross the thread boundary as the same typed ExtractError; a thread that
 * throws or exits fails its job with JobError and the next job gets a fresh thread; a
 * burst waits for a free thread, up to its bound; closing fails the job in flight; a job whose
 * signal aborts leaves the queue or has its thread stopped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractError } from '../../../shared/extract/ExtractError';
import {
  createExtractionPool,
  type ExtractionPool,
} from '../../../server/extract/createExtractionPool';
import { type ArticleInput, extractArticle } from '../../../server/extract/extractArticle';
import { toHttpError } from '../../../server/http/errorHandler';
import { JobError } from '../../../server/workers/JobError';
import { waitFor } from '../../helpers/waitFor';

const ARTICLE =
  'The national deficit rose to $1.2 trillion in 2023, the Treasury said on Tuesday. ' +
  'Unemployment fell to 3.9 percent in December, according to the Bureau of Labor Statistics.';
const FAILING = new URL('./fixtures/failingExtractWorker.ts', import.meta.url);
/** Time enough for any article here, and room in the queue for every job. */
const LONG = { timeoutMs: 60_000, maxWaiting: 100 };

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
    pool = createExtractionPool(LONG);
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
    pool = createExtractionPool(LONG);
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
      pool = createExtractionPool({ ...LONG, entry: FAILING, threads: 2 });
      const errors = await Promise.all(
        ['throw', 'exit'].map((body) =>
          pool!.extract({ body }).then(
            () => null,
            (err: unknown) => err,
          ),
        ),
      );
      for (const error of errors) {
        expect(error).toBeInstanceOf(JobError);
        expect(error).toMatchObject({ code: 'failed' });
        expect(toHttpError(error)).toMatchObject({ status: 500, code: 'extract_failed' });
      }
      await expect(pool.extract({ body: ARTICLE })).resolves.toMatchObject({ language: 'en' });
    },
  );

  it('a burst waits for a free thread instead of starting one per job', async () => {
    pool = createExtractionPool({ ...LONG, threads: 1 });
    const jobs = [1, 2, 3].map((n) => pool!.extract({ body: `${ARTICLE} (${n})` }));
    expect(pool.stats()).toEqual({ running: 1, waiting: 2 });
    const articles = await Promise.all(jobs);
    expect(articles.map((a) => a.text.slice(-3))).toEqual(['(1)', '(2)', '(3)']);
    expect(pool.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('closing fails the job in flight instead of leaving it hanging', async () => {
    pool = createExtractionPool(LONG);
    const job = pool.extract({ body: ARTICLE }).then(
      () => null,
      (err: unknown) => err,
    );
    await waitFor(() => pool!.stats().running === 1);
    await pool.close();
    expect(await job).toBeInstanceOf(JobError);
    await expect(pool.extract({ body: ARTICLE })).rejects.toBeInstanceOf(JobError);
  });

  it('refuses a job at once when the queue is full (503 extract_busy, Retry-After)', async () => {
    pool = createExtractionPool({ ...LONG, threads: 1, maxWaiting: 1 });
    const running = pool.extract({ body: `${ARTICLE} (1)` });
    const waiting = pool.extract({ body: `${ARTICLE} (2)` });
    const refused = await pool.extract({ body: `${ARTICLE} (3)` }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(JobError);
    expect(refused).toMatchObject({ code: 'busy', retryAfterSeconds: 5 });
    expect(toHttpError(refused)).toMatchObject({
      status: 503,
      code: 'extract_busy',
      retryAfterSeconds: 5,
    });
    // Refused while the others still wait or run: it never took a place.
    expect(pool.stats()).toEqual({ running: 1, waiting: 1 });
    const articles = await Promise.all([running, waiting]);
    expect(articles.map((a) => a.text.slice(-3))).toEqual(['(1)', '(2)']);
  });

  it('a waiting job whose signal aborts leaves the queue and gives its place up', async () => {
    pool = createExtractionPool({ ...LONG, threads: 1, maxWaiting: 1 });
    const running = pool.extract({ body: `${ARTICLE} (1)` });
    const gone = new AbortController();
    const left = pool.extract({ body: `${ARTICLE} (2)` }, gone.signal).then(
      () => null,
      (err: unknown) => err,
    );
    expect(pool.stats()).toEqual({ running: 1, waiting: 1 });
    gone.abort();
    expect(await left).toMatchObject({ name: 'AbortError' });
    expect(pool.stats()).toEqual({ running: 1, waiting: 0 });
    // Its place is free: the next job waits instead of being refused.
    const next = pool.extract({ body: `${ARTICLE} (3)` });
    const articles = await Promise.all([running, next]);
    expect(articles.map((a) => a.text.slice(-3))).toEqual(['(1)', '(3)']);
    expect(pool.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it(
    'a running job whose signal aborts has its thread stopped; the next job gets a fresh one',
    { timeout: 60_000 },
    async () => {
      pool = createExtractionPool({ ...LONG, entry: FAILING, threads: 1 });
      // A warm thread takes the endless job at once.
      await pool.extract({ body: ARTICLE });
      const beats = new Int32Array(new SharedArrayBuffer(4));
      const gone = new AbortController();
      const endless = pool
        .extract({ body: new Uint8Array(beats.buffer) }, gone.signal)
        .catch((err: unknown) => err);
      await waitFor(() => Atomics.load(beats, 0) > 0, { what: 'the job running' });
      gone.abort();
      expect(await endless).toMatchObject({ name: 'AbortError' });
      expect(pool.stats()).toEqual({ running: 0, waiting: 0 });
      // The thread has stopped counting: it was terminated, not left to burn a core.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stopped = Atomics.load(beats, 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Atomics.load(beats, 0)).toBe(stopped);
      await expect(pool.extract({ body: ARTICLE })).resolves.toMatchObject({ language: 'en' });
    },
  );
});
