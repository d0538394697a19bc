// The password-hash line: never more than the limit at once, every task answered, in order.
import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../../server/domain/auth/hash-queue';

describe('concurrencyLimit', () => {
  it('runs at most `limit` tasks at once and answers every one', async () => {
    const run = concurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        run(async () => {
          started.push(index);
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setImmediate(resolve));
          running -= 1;
          return index * 2;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index * 2));
    expect(started).toEqual([...started].sort((a, b) => a - b));
  });

  it('frees the slot when a task fails', async () => {
    const run = concurrencyLimit(1);
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
