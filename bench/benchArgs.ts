/**
 * The arguments of `npm run bench -- [section …] [--base <ref>] [--only <scenario>]`: the
 * sections to run (all when none is named), a commit to compare the sync section's Factboard
 * with, and a prefix that keeps only the sync scenarios whose name starts with it.
 */
export interface BenchArgs {
  readonly sections: readonly string[];
  readonly base?: string;
  readonly only?: string;
}

const OPTIONS = ['--base', '--only'] as const;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const sections: string[] = [];
  const values: Partial<Record<(typeof OPTIONS)[number], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      sections.push(arg);
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const option = OPTIONS.find((o) => o === flag);
    if (!option) throw new Error(`unknown option ${flag}; options: ${OPTIONS.join(', ')}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || value.startsWith('--')) {
      throw new Error(`${option} needs a value`);
    }
    values[option] = value;
  }
  return { sections, base: values['--base'], only: values['--only'] };
}
