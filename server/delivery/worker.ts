// The outbox worker: claims due invitation messages, sends them through the configured transports,
// and records sent / retry / failed. One loop per service instance; stop() waits for the batch
// in flight so a clean shutdown never leaves a message half recorded.
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database';
import type { Database, OutboxMessageRow } from '../db/schema';
import { claimDueMessages } from './outbox-claims';
import { markAttemptFailed, markSent, type RetryPolicy } from './delivery-outcome';
import { asDeliveryError, type DeliveryChannel, type Transports } from './transport';

export interface OutboxWorkerOptions extends Partial<RetryPolicy> {
  db: Kysely<Database>;
  dialect: DialectName;
  transports: Transports;
  now?: () => Date;
  /** Messages claimed (and sent concurrently) per round. */
  batchSize?: number;
  /** Messages sent at once (the batch size when batchSize is not given). */
  concurrency?: number;
  /** Sleep between rounds when there is nothing due. */
  pollIntervalMs?: number;
  claimMs?: number;
  /** Problems of the worker itself (database unreachable…); it keeps going after them. */
  onError?: (error: unknown) => void;
}

export type SendResult = 'sent' | 'retry' | 'failed';

export interface OutboxWorker {
  /** Starts the background loop (idempotent). */
  start(): void;
  /** Stops the loop and waits for the round in flight. */
  stop(): Promise<void>;
  /** One round: claim, send, record. Returns what happened to each claimed message. */
  runOnce(): Promise<SendResult[]>;
  /** Ends the current sleep early (e.g. right after messages were queued). */
  wake(): void;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
};

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? defaultRetryPolicy.maxAttempts,
    retryBaseMs: options.retryBaseMs ?? defaultRetryPolicy.retryBaseMs,
    retryMaxMs: options.retryMaxMs ?? defaultRetryPolicy.retryMaxMs,
  };
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? options.concurrency ?? 10;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const claimMs = options.claimMs ?? 5 * 60_000;
  const channels = (Object.keys(options.transports) as DeliveryChannel[]).filter(
    (channel) => options.transports[channel] !== undefined,
  );

  let running: Promise<void> | null = null;
  let stopping = false;
  let wakeSleep: (() => void) | null = null;

  async function deliver(message: OutboxMessageRow): Promise<SendResult> {
    const transport = options.transports[message.channel];
    if (!transport) return 'retry';
    try {
      await transport.send({
        id: message.id,
        channel: message.channel,
        to: message.to_address,
        subject: message.subject,
        body: message.body,
      });
    } catch (error) {
      return markAttemptFailed(options.db, message, asDeliveryError(error), policy, now());
    }
    await markSent(options.db, message, now());
    return 'sent';
  }

  async function runOnce(): Promise<SendResult[]> {
    const claimed = await claimDueMessages(options.db, options.dialect, {
      channels,
      limit: batchSize,
      now: now(),
      claimMs,
    });
    return Promise.all(claimed.map(deliver));
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleep = null;
        resolve();
      }
      wakeSleep = done;
    });
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let results: SendResult[] = [];
      try {
        results = await runOnce();
      } catch (error) {
        options.onError?.(error);
      }
      // A full batch means more may be waiting: go again at once.
      if (!stopping && results.length < batchSize) await sleep(pollIntervalMs);
    }
  }

  return {
    start() {
      if (running || channels.length === 0) return;
      stopping = false;
      running = loop();
    },
    async stop() {
      stopping = true;
      wakeSleep?.();
      await running;
      running = null;
    },
    runOnce,
    wake() {
      wakeSleep?.();
    },
  };
}
