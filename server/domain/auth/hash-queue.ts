// argon2 is memory-hard (19 MiB a run): at most a few password hashes run at once and the rest
// wait in line, so a burst of sign-ins cannot exhaust the service's memory.

/** Runs tasks with at most `limit` at once, the others first come, first served. */
export function concurrencyLimit(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running += 1;
    }
    // A finished task hands its slot straight to the next in line (`running` stays the same).
    try {
      return await task();
    } finally {
      if (waiting.length > 0) {
        waiting.shift()!();
      } else {
        running -= 1;
      }
    }
  };
}

/** Password hashes allowed to run at once in this process. */
export const passwordHashesAtOnce = 4;
