/**
 * The FACTBOARD_* variables set that the server does not read (server/main warns of each at
 * start), told from CONFIG_VARIABLES, the ones it does.
 */
import { CONFIG_VARIABLES } from './config';

/** Edits needed to turn one name into the other (Levenshtein distance). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min(replace, (row[j] as number) + 1, (next[j - 1] as number) + 1));
    }
    row = next;
  }
  return row[b.length] as number;
}

/** Read by the tests (convergence.test's seed, the browser tests' Chromium path), not the server. */
const TEST_VARIABLES = ['FACTBOARD_SEED', 'FACTBOARD_CHROMIUM'];

/**
 * The FACTBOARD_* variables that are none of ours (a misspelt one would otherwise be ignored
 * without a word), each with the known one it is closest to when that is a few edits away or
 * the same with the underscores left out.
 */
export function unknownVariables(
  env: Readonly<Record<string, string | undefined>>,
): { readonly variable: string; readonly didYouMean: string | null }[] {
  // The test suite's own settings (a convergence seed, the browser's path) share the prefix.
  const known = [...CONFIG_VARIABLES.map((v) => v.name), ...TEST_VARIABLES];
  const squash = (name: string) => name.replaceAll('_', '');
  return Object.keys(env)
    .filter((name) => name.startsWith('FACTBOARD_') && !known.includes(name))
    .sort()
    .map((variable) => {
      const near = known
        .map((k) => ({ k, d: squash(k) === squash(variable) ? 0 : editDistance(k, variable) }))
        .sort((x, y) => x.d - y.d)[0];
      return { variable, didYouMean: near && near.d <= 3 ? near.k : null };
    });
}
