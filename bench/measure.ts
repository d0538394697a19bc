// Small timing helpers for the benchmarks: medians and percentiles of repeated runs, never single samples.

/** Median wall time in milliseconds of `runs` calls of `fn` (after `warmup` unmeasured calls). */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  return percentile(await samplesMs(fn, runs, warmup), 50);
}

/**
 * Wall times in milliseconds of `runs` calls of `fn` (after `warmup` unmeasured calls); stops
 * early, after at least three, once `budgetMs` is spent, so a very slow request keeps a run bounded.
 */
export async function samplesMs(
  fn: () => unknown,
  runs: number,
  warmup = 1,
  budgetMs = Infinity,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) {
    if (samples.length >= 3 && performance.now() - started > budgetMs) break;
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The p-th percentile (nearest rank) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
