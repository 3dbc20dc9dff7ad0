// Import time of a 50,000-word article through the whole extraction pipeline (clean-up,
// wink-nlp analysis, segmentation, names, attribution, scoring), in each language claims are
// extracted in: English (the seed's body) and Spanish (the Spanish fixture articles). Each text
// is repeated, each copy numbered so the clean-up's repeated-boilerplate rule does not treat
// it as furniture: the benchmark measures a long article, not a duplicate one. The languages
// are timed in alternation, so a disturbance of the machine hits both alike.
// Run: node --import tsx bench/extract.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractClaims } from '../shared/extract/extractClaims';
import type { Section } from './section';
import type { Table } from './table';

export interface ExtractBench {
  language: string;
  words: number;
  /** Median over the timed runs. */
  ms: number;
  minMs: number;
  sentences: number;
  claims: number;
  sentencesPerSecond: number;
}

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const SOURCES = [
  { language: 'English', files: [file('../seeds/000_90c871332769486b.txt')] },
  {
    language: 'Spanish',
    files: [
      file('../test/fixtures/articles/honduras-carceles.es.txt'),
      file('../test/fixtures/articles/agua-monterrey-wire.es.txt'),
    ],
  },
];
const TARGET_WORDS = 50_000;

function longArticle(files: readonly string[]): string {
  const paragraphs = files.flatMap((f) =>
    extractClaims(readFileSync(f, 'utf8')).cleanText.split('\n\n'),
  );
  const out = ['A Long Report on Prisons and Water in Latin America'];
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

/** Median of RUNS timed runs per language after a warm-up: the machine is shared. */
async function benchExtract(): Promise<ExtractBench[]> {
  const texts = SOURCES.map((s) => longArticle(s.files));
  for (const text of texts) extractClaims(text.slice(0, 5_000)); // the model, the JIT
  const results = texts.map((text) => extractClaims(text));
  const times: number[][] = texts.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    texts.forEach((text, i) => {
      const t0 = performance.now();
      extractClaims(text);
      times[i]!.push(performance.now() - t0);
    });
  }
  return SOURCES.map((source, i) => {
    const sorted = times[i]!.sort((a, b) => a - b);
    const ms = sorted[Math.floor(RUNS / 2)]!;
    const sentences = results[i]!.sentences.length;
    return {
      language: source.language,
      words: texts[i]!.split(/\s+/).length,
      ms: Math.round(ms),
      minMs: Math.round(sorted[0]!),
      sentences,
      claims: results[i]!.claims.length,
      sentencesPerSecond: Math.round(sentences / (ms / 1000)),
    };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchExtract()) {
    console.log(
      `extract ${r.language}: ${r.words} words, ${r.sentences} sentences, ${r.claims} claims in ` +
        `${r.ms} ms median (min ${r.minMs} ms, ${r.sentencesPerSecond} sentences/s)`,
    );
  }
}

/** The extraction figures as a bench section (`npm run bench -- extract`). */
export function extractSection(): Section {
  return {
    name: 'extract',
    async run(): Promise<Table> {
      const results = await benchExtract();
      const english = results[0]!;
      const perWord = (r: ExtractBench) => r.ms / r.words;
      return {
        title: 'Claim extraction: a 50,000-word article',
        columns: [
          'language',
          'words',
          'sentences',
          'claims',
          'median time',
          'fastest',
          'sentences/s',
          'time per word vs English',
        ],
        rows: results.map((r) => [
          r.language,
          r.words.toLocaleString('en-US'),
          r.sentences.toLocaleString('en-US'),
          r.claims.toLocaleString('en-US'),
          `${r.ms} ms`,
          `${r.minMs} ms`,
          r.sentencesPerSecond.toLocaleString('en-US'),
          `${(perWord(r) / perWord(english)).toFixed(2)}×`,
        ]),
        notes: [
          `median of ${RUNS} runs per language after a warm-up, the languages in alternation; same code as the server's import`,
        ],
      };
    },
  };
}
