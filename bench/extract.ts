// Import time of a 50,000-word article through the whole extraction pipeline (clean-up,
// wink-nlp analysis, segmentation, names, attribution, scoring). The text is the seed's
// body repeated, each copy numbered so the clean-up's repeated-boilerplate rule does not
// treat it as furniture: the benchmark measures a long article, not a duplicate one.
// Run: node --import tsx bench/extract.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractClaims } from '../shared/extract/extractClaims';
import type { Section } from './section';
import type { Table } from './table';

export interface ExtractBench {
  words: number;
  /** Median over the timed runs. */
  ms: number;
  minMs: number;
  sentences: number;
  claims: number;
  sentencesPerSecond: number;
}

const SEED = fileURLToPath(new URL('../seeds/000_90c871332769486b.txt', import.meta.url));
const TARGET_WORDS = 50_000;

function longArticle(): string {
  const seed = readFileSync(SEED, 'utf8');
  const { cleanText } = extractClaims(seed);
  const paragraphs = cleanText.split('\n\n');
  const out = ['A Long Report on Prison Negotiations in El Salvador'];
  let words = 0;
  for (let copy = 1; words < TARGET_WORDS; copy++) {
    for (const p of paragraphs) {
      out.push(`(${copy}) ${p}`);
      words += p.split(/\s+/).length + 1;
    }
  }
  return out.join('\n\n');
}

const RUNS = 5;

/** Median of RUNS timed runs after a warm-up: the machine is shared, single runs are noisy. */
export async function benchExtract(): Promise<ExtractBench> {
  const text = longArticle();
  extractClaims(text.slice(0, 5_000)); // load the model and warm up the JIT
  const times: number[] = [];
  let result = extractClaims(text);
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    result = extractClaims(text);
    times.push(performance.now() - t0);
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const sentences = result.sentences.length;
  return {
    words: text.split(/\s+/).length,
    ms: Math.round(ms),
    minMs: Math.round(times[0]!),
    sentences,
    claims: result.claims.length,
    sentencesPerSecond: Math.round(sentences / (ms / 1000)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchExtract();
  console.log(
    `extract: ${r.words} words, ${r.sentences} sentences, ${r.claims} claims in ${r.ms} ms median ` +
      `(min ${r.minMs} ms, ${r.sentencesPerSecond} sentences/s)`,
  );
}

/** The extraction figure as a bench section (`npm run bench -- extract`). */
export function extractSection(): Section {
  return {
    name: 'extract',
    async run(): Promise<Table> {
      const r = await benchExtract();
      return {
        title: 'Claim extraction: a 50,000-word article',
        columns: ['words', 'sentences', 'claims', 'median time', 'fastest', 'sentences/s'],
        rows: [
          [
            r.words.toLocaleString('en-US'),
            r.sentences.toLocaleString('en-US'),
            r.claims.toLocaleString('en-US'),
            `${r.ms} ms`,
            `${r.minMs} ms`,
            r.sentencesPerSecond.toLocaleString('en-US'),
          ],
        ],
        notes: [`median of ${RUNS} runs after a warm-up, same code as the server's import`],
      };
    },
  };
}
