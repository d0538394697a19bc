// Failure limits counted in the database (so every instance agrees): sign-in per account and per
// client address, activation per username and per address. An attempt is counted BEFORE the
// password is checked (one atomic increment), so parallel guesses cannot all slip under the limit;
// an attempt that succeeds takes its count back.
import type { AppDeps } from '../../deps';
import { failure, success, type Outcome } from '../outcome';

export interface AttemptRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export const signInPerAccount: AttemptRule = {
  name: 'sign-in:account',
  limit: 10,
  windowSeconds: 15 * 60,
};
export const signInPerAddress: AttemptRule = {
  name: 'sign-in:address',
  limit: 50,
  windowSeconds: 15 * 60,
};
export const activationPerUsername: AttemptRule = {
  name: 'activation:username',
  limit: 10,
  windowSeconds: 60 * 60,
};
export const activationPerAddress: AttemptRule = {
  name: 'activation:address',
  limit: 50,
  windowSeconds: 60 * 60,
};

interface Counted {
  key: string;
  windowStart: string;
}

/** Counted attempts; `release()` takes them back once the attempt turned out not to be a failure. */
export interface Reservation {
  release(): Promise<void>;
}

function windowOf(rule: AttemptRule, subject: string, now: Date) {
  const size = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return {
    key: `${rule.name}:${subject.trim().toLowerCase()}`,
    windowStart: new Date(start).toISOString(),
    endsAt: new Date(start + size),
  };
}

async function increment(deps: AppDeps, rule: AttemptRule, subject: string, now: Date) {
  const { key, windowStart, endsAt } = windowOf(rule, subject, now);
  const row = await deps.db
    .insertInto('rate_limit_counters')
    .values({ key, window_start: windowStart, count: 1, expires_at: endsAt.toISOString() })
    .onConflict((oc) =>
      oc
        .columns(['key', 'window_start'])
        .doUpdateSet((eb) => ({ count: eb('rate_limit_counters.count', '+', 1) })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  // Old windows are useless; drop this key's expired ones as we go.
  await deps.db
    .deleteFrom('rate_limit_counters')
    .where('key', '=', key)
    .where('expires_at', '<=', now.toISOString())
    .execute();
  return { counted: { key, windowStart }, count: Number(row.count), endsAt };
}

async function takeBack(deps: AppDeps, counted: readonly Counted[]): Promise<void> {
  for (const { key, windowStart } of counted) {
    await deps.db
      .updateTable('rate_limit_counters')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('key', '=', key)
      .where('window_start', '=', windowStart)
      .where('count', '>', 0)
      .execute();
  }
}

/**
 * Counts one attempt under every rule before the password is checked; TOO_MANY_ATTEMPTS (with
 * details.retryAfterSeconds, nothing left counted) when any limit is already used up.
 */
export async function reserveAttempt(
  deps: AppDeps,
  rules: ReadonlyArray<readonly [AttemptRule, string]>,
): Promise<Outcome<Reservation>> {
  const now = deps.now();
  const counted: Counted[] = [];
  for (const [rule, subject] of rules) {
    const step = await increment(deps, rule, subject, now);
    counted.push(step.counted);
    if (step.count > rule.limit) {
      await takeBack(deps, counted);
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((step.endsAt.getTime() - now.getTime()) / 1000),
      );
      return failure(
        'TOO_MANY_ATTEMPTS',
        `Too many failed attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds },
      );
    }
  }
  return success({ release: () => takeBack(deps, counted) });
}
