// Runs one request per item with a few at a time, and collects what failed with its sentence, so a
// bulk action on numbers can report "3 allocated, 1 failed: …" instead of stopping at the first error.
import { errorMessage } from '../api/api-error';

export interface EachOutcome<T> {
  succeeded: T[];
  failed: { item: T; message: string }[];
}

/** Calls `action` for every item, at most `parallel` at once; never throws. */
export async function runEach<T>(
  items: readonly T[],
  action: (item: T) => Promise<unknown>,
  parallel = 4,
): Promise<EachOutcome<T>> {
  const outcome: EachOutcome<T> = { succeeded: [], failed: [] };
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await action(item);
        outcome.succeeded.push(item);
      } catch (error) {
        outcome.failed.push({ item, message: errorMessage(error) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return outcome;
}
