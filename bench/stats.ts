/** Nearest-rank percentile (p in 0..100) of unsorted samples; undefined when there are none. */
export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function median(samples: readonly number[]): number | undefined {
  return percentile(samples, 50);
}
