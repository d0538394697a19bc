// Failure counters in the database (so every instance agrees): sign-in per account and per client
// address, activation per username. Fixed windows; 429 TOO_MANY_ATTEMPTS once the limit is reached.
import type { AppDeps } from '../deps';
import { AppError } from './errors';

export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export const signInPerAccount: RateLimitRule = {
  name: 'sign-in:account',
  limit: 10,
  windowSeconds: 15 * 60,
};
export const signInPerAddress: RateLimitRule = {
  name: 'sign-in:address',
  limit: 50,
  windowSeconds: 15 * 60,
};
export const activationPerUsername: RateLimitRule = {
  name: 'activation:username',
  limit: 10,
  windowSeconds: 60 * 60,
};

function window(rule: RateLimitRule, subject: string, now: Date) {
  const size = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return {
    key: `${rule.name}:${subject.trim().toLowerCase()}`,
    windowStart: new Date(start).toISOString(),
    endsAt: new Date(start + size),
  };
}

/** How many failures the subject has in the current window. */
export async function failureCount(
  deps: AppDeps,
  rule: RateLimitRule,
  subject: string,
): Promise<number> {
  const { key, windowStart } = window(rule, subject, deps.now());
  const row = await deps.db
    .selectFrom('rate_limit_counters')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .executeTakeFirst();
  return row ? Number(row.count) : 0;
}

/** Throws 429 TOO_MANY_ATTEMPTS (details.retryAfterSeconds) when the limit is reached. */
export async function assertUnderLimit(
  deps: AppDeps,
  rule: RateLimitRule,
  subject: string,
): Promise<void> {
  if ((await failureCount(deps, rule, subject)) < rule.limit) return;
  const { endsAt } = window(rule, subject, deps.now());
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((endsAt.getTime() - deps.now().getTime()) / 1000),
  );
  throw new AppError(
    'TOO_MANY_ATTEMPTS',
    429,
    `Too many failed attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    { retryAfterSeconds },
  );
}

/** Counts one failure; returns the count in the current window. */
export async function countFailure(
  deps: AppDeps,
  rule: RateLimitRule,
  subject: string,
): Promise<number> {
  const now = deps.now();
  const { key, windowStart, endsAt } = window(rule, subject, now);
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
  return Number(row.count);
}
