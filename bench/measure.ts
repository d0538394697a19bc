// Small timing helpers for the benchmarks: medians of repeated runs, never single samples.
export interface BenchResult {
  name: string;
  unit: string;
  baseline: number;
  measured: number;
  /** measured ÷ baseline. */
  ratio: number;
  /** One sentence: what the ratio says and what is good. */
  meaning: string;
}

/** Median wall time in milliseconds of `runs` calls of `fn` (after `warmup` unmeasured calls). */
export async function medianMs(
  fn: () => Promise<unknown> | unknown,
  runs = 15,
  warmup = 3,
): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

export function result(
  name: string,
  unit: string,
  baseline: number,
  measured: number,
  meaning: string,
): BenchResult {
  return {
    name,
    unit,
    baseline,
    measured,
    ratio: baseline === 0 ? 0 : measured / baseline,
    meaning,
  };
}
