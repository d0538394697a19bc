// Runs the outbox worker inside the service: started when the app is ready, stopped (waiting for
// the batch in flight) when it closes. Tuning comes from the environment, small in tests.
import { errorFacts } from '../http/request-log';
import type { FastifyInstance } from 'fastify';
import { closeTransports, transportsFromEnv } from './transports-from-env';
import { createOutboxWorker, defaultRetryPolicy, type OutboxWorker } from './worker';

declare module 'fastify' {
  interface FastifyInstance {
    /** The instance's outbox worker (null until ready, or when no transport is configured). */
    deliveryWorker: OutboxWorker | null;
  }
}

export interface DeliverySettings {
  maxAttempts: number;
  retryBaseMs: number;
  pollIntervalMs: number;
}

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * LINEDESK_DELIVERY_MAX_ATTEMPTS (default 5), LINEDESK_DELIVERY_RETRY_MS (first retry delay,
 * doubling; default 30 s), LINEDESK_DELIVERY_POLL_MS (default 1 s).
 */
export function deliverySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DeliverySettings {
  return {
    maxAttempts: positiveInteger(
      env.LINEDESK_DELIVERY_MAX_ATTEMPTS,
      defaultRetryPolicy.maxAttempts,
    ),
    retryBaseMs: positiveInteger(env.LINEDESK_DELIVERY_RETRY_MS, defaultRetryPolicy.retryBaseMs),
    pollIntervalMs: positiveInteger(env.LINEDESK_DELIVERY_POLL_MS, 1000),
  };
}

/** Call once from buildApp: `registerDeliveryWorker(app)`. */
export function registerDeliveryWorker(
  app: FastifyInstance,
  settings: DeliverySettings = deliverySettingsFromEnv(),
): void {
  app.decorate('deliveryWorker', null);
  let stopWorker: (() => Promise<void>) | null = null;
  // Registered up front: hooks cannot be added once the app is ready.
  app.addHook('onClose', async () => {
    await stopWorker?.();
  });
  app.addHook('onReady', async () => {
    const { deps } = app;
    const transports = transportsFromEnv({
      LINEDESK_SMTP_URL: deps.config.smtpUrl,
      LINEDESK_SMTP_TLS: deps.config.smtpTls,
      LINEDESK_SMS_URL: deps.config.smsUrl,
      LINEDESK_SMS_TOKEN: deps.config.smsToken,
      LINEDESK_SMTP_FROM: process.env.LINEDESK_SMTP_FROM,
    });
    if (Object.keys(transports).length === 0) return;
    const worker = createOutboxWorker({
      db: deps.db,
      dialect: deps.dialect,
      transports,
      now: deps.now,
      ...settings,
      onError: (error) =>
        app.log.warn(errorFacts(error), 'The outbox worker could not finish a round.'),
    });
    app.deliveryWorker = worker;
    stopWorker = async () => {
      await worker.stop();
      await closeTransports(transports);
    };
    worker.start();
  });
}
