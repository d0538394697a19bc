// The shape every bench module has: it gets the run's context (quick or full, the throwaway
// PostgreSQL server) and answers named figures, each a number that goes into latest.json.

/** One measured figure: `key` is its name in bench/results/latest.json (e.g. `import.sqlite.rowsPerSec`). */
export interface BenchFigure {
  key: string;
  value: number;
  unit: string;
  /** One sentence: what the figure says and what is good. */
  meaning: string;
}

export interface BenchContext {
  /** `--quick`: smaller sizes, the same keys. */
  quick: boolean;
  /** Base URL of the run's own PostgreSQL server (each module creates and drops its databases). */
  postgresUrl: string | undefined;
}

/** A registered bench module (see bench/run.ts). */
export interface BenchModule {
  /** Short name printed while it runs. */
  name: string;
  run(context: BenchContext): Promise<BenchFigure[]>;
}

/** A figure, in one call. */
export const figure = (key: string, value: number, unit: string, meaning: string): BenchFigure => ({
  key,
  value,
  unit,
  meaning,
});
