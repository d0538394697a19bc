// Runs the outbox worker inside the service: started when the app is ready, stopped (waiting for
// the batch in flight) when it closes. Transports and tuning come from the service's config.
import { errorFacts } from '../http/request-log';
import type { FastifyInstance } from 'fastify';
import { closeTransports, configuredTransports } from './configured-transports';
import { createOutboxWorker, type OutboxWorker } from './worker';

declare module 'fastify' {
  interface FastifyInstance {
    /** The instance's outbox worker (null until ready, or when no transport is configured). */
    deliveryWorker: OutboxWorker | null;
  }
}

/** Call once from buildApp: `registerDeliveryWorker(app)`. */
export function registerDeliveryWorker(app: FastifyInstance): void {
  app.decorate('deliveryWorker', null);
  let stopWorker: (() => Promise<void>) | null = null;
  // Registered up front: hooks cannot be added once the app is ready.
  app.addHook('onClose', async () => {
    await stopWorker?.();
  });
  app.addHook('onReady', async () => {
    const { deps } = app;
    const transports = configuredTransports({
      ...deps.config,
      smtpConnections: deps.config.delivery.concurrency,
    });
    if (Object.keys(transports).length === 0) return;
    const worker = createOutboxWorker({
      db: deps.db,
      dialect: deps.dialect,
      transports,
      now: deps.now,
      ...deps.config.delivery,
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
