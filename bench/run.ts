/**
 * `npm run bench [-- section …] [--base <ref>] [--only <scenario>]` (benchArgs): runs every
 * section (or the named ones) in order, prints each table as markdown and saves it in
 * bench/results/latest.md. Other benches join by adding a Section to sections().
 */
import { fileURLToPath } from 'node:url';
import { type BenchArgs, parseBenchArgs } from './benchArgs';
import { saveSection } from './results';
import type { Section } from './section';
import { activitySection } from './activity';
import { activityBurstSection } from './activityBurst';
import { browserSection } from './browser';
import { compactionSection } from './compaction';
import { editorBigBoardSection } from './editorBigBoard';
import { exportSection } from './export';
import { extractSection } from './extract';
import { filterOptionsSection } from './filterOptions';
import { firstVisitSection } from './firstVisit';
import { restoreSection } from './restore';
import { searchSection } from './search';
import { FULL_SYNC_BENCH } from './sync/syncScenarios';
import { syncSection } from './sync/syncSection';
import { renderMarkdown } from './table';

/** --base and --only are the sync section's. */
const sections = ({ base, only }: BenchArgs): readonly Section[] => [
  syncSection({ ...FULL_SYNC_BENCH, only }, base),
  browserSection(),
  firstVisitSection(),
  searchSection(),
  editorBigBoardSection(),
  activitySection(),
  activityBurstSection(),
  exportSection(),
  compactionSection(),
  restoreSection(),
  extractSection(),
  filterOptionsSection(),
];
const RESULTS = fileURLToPath(new URL('./results/latest.md', import.meta.url));

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const known = sections(args);
  const wanted = args.sections;
  const unknown = wanted.filter((name) => !known.some((s) => s.name === name));
  if (unknown.length > 0) {
    const names = known.map((s) => s.name).join(', ');
    throw new Error(`unknown section ${unknown.join(', ')}; sections: ${names}`);
  }
  const chosen = wanted.length === 0 ? known : known.filter((s) => wanted.includes(s.name));
  for (const section of chosen) {
    const started = performance.now();
    try {
      const markdown = renderMarkdown(await section.run());
      process.stdout.write(`\n${markdown}\n`);
      await saveSection(RESULTS, section.name, markdown);
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      process.stderr.write(`[bench] ${section.name} done in ${seconds} s\n`);
    } catch (error) {
      process.stderr.write(`[bench] ${section.name} failed: ${(error as Error).stack}\n`);
      process.exitCode = 1;
    }
  }
  process.stderr.write(`[bench] tables saved in ${RESULTS}\n`);
}

await main();
