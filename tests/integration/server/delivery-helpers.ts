// Helpers of the delivery suites: bounded waiting for the worker, and the outbox of an account.
import type { TestService } from '../../support/service';

/** Polls until `check` returns a value other than undefined/false; throws after `limitMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  limitMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function outboxOf(service: TestService, accountId: string) {
  return service.db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('seq')
    .execute();
}
