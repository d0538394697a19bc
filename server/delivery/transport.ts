// What the outbox worker needs from a delivery channel: send one message or throw a DeliveryError.
import type { OutboxMessageRow } from '../db/schema';

export type DeliveryChannel = OutboxMessageRow['channel'];

/** One message as a transport sees it (`to` is the normalised contact). */
export interface OutgoingMessage {
  id: string;
  channel: DeliveryChannel;
  to: string;
  subject: string | null;
  body: string;
}

export interface Transport {
  readonly channel: DeliveryChannel;
  /** Resolves once the peer accepted the message; throws DeliveryError otherwise. */
  send(message: OutgoingMessage): Promise<void>;
  close(): Promise<void>;
}

/** The configured transports; a channel without one keeps its messages in the local outbox. */
export type Transports = Partial<Record<DeliveryChannel, Transport>>;

/**
 * A failed delivery. `permanent` failures (the peer refused the recipient or our request) are
 * not retried: trying again cannot change the answer, and the admin should see it at once.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

/** Any thrown value as a DeliveryError (unknown failures are assumed temporary). */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new DeliveryError(text, false, { cause: error });
}
