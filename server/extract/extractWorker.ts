/**
 * One thread of the extraction pool (createExtractionPool): runs extractArticle, the same
 * pipeline as `npm run extract`, on one article at a time, and posts back what the board
 * needs, or the input's refusal (ExtractError) as data; the pool re-creates the typed error.
 * It also gives the passages of hand-made cards their signals (enrichHandMadeCards).
 * Any other failure is thrown and ends the thread, which the pool sees as a failed job.
 */
import { parentPort } from 'node:worker_threads';
import { detectLanguage } from '../../shared/extract/detectLanguage';
import { ExtractError } from '../../shared/extract/ExtractError';
import type { ExtractJob, FromExtractWorker } from './createExtractionPool';
import { extractArticle } from './extractArticle';
import { passageSignals } from './passageSignals';

const port = parentPort;
if (!port) throw new Error('extractWorker runs as a worker thread only');
const post = (message: FromExtractWorker) => port.postMessage(message);

// Load the language model and warm the JIT before the first job, so that no job's time limit
// pays for the thread's start.
extractArticle({ body: 'The council approved 42 new housing projects in 2023, the mayor said.' });

port.on('message', (job: ExtractJob) => {
  if ('passagesOf' in job) {
    const language = detectLanguage(job.passagesOf);
    const signals = job.passages.map((passage) => passageSignals(passage, language));
    return post({ type: 'signals', signals });
  }
  const { input } = job;
  let reply: FromExtractWorker;
  try {
    // Only what the board stores crosses back: the sentences and blocks of a 1 MB article
    // would cost the main thread tens of ms to copy.
    const { title, text, language, claims } = extractArticle(input);
    reply = { type: 'done', article: { title, text, language, claims } };
  } catch (err) {
    if (!(err instanceof ExtractError)) throw err;
    reply = { type: 'refused', code: err.code, message: err.message };
  }
  post(reply);
});
post({ type: 'ready' });
