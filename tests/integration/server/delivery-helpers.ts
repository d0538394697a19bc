// Helpers of the delivery suites: bounded waiting for the worker, and worker tuning via the
// environment the service reads (restored afterwards).
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

/** Sets LINEDESK_DELIVERY_* for the services started next; returns a function restoring them. */
export function tuneDelivery(settings: {
  maxAttempts?: number;
  retryMs?: number;
  pollMs?: number;
}) {
  const names = {
    maxAttempts: 'LINEDESK_DELIVERY_MAX_ATTEMPTS',
    retryMs: 'LINEDESK_DELIVERY_RETRY_MS',
    pollMs: 'LINEDESK_DELIVERY_POLL_MS',
  } as const;
  const saved = Object.values(names).map((name) => [name, process.env[name]] as const);
  for (const [key, name] of Object.entries(names)) {
    const value = settings[key as keyof typeof names];
    if (value !== undefined) process.env[name] = String(value);
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

export async function outboxOf(service: TestService, accountId: string) {
  return service.db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('seq')
    .execute();
}
