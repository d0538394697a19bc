// SMS invitations through an HTTP gateway: POST LINEDESK_SMS_URL with JSON {to, body} and
// `Authorization: Bearer LINEDESK_SMS_TOKEN`; any 2xx answer means accepted.
import { DeliveryError, type OutgoingMessage, type Transport } from './transport';

export interface SmsTransportOptions {
  url: string;
  token?: string | undefined;
  /** Give up on an unresponsive gateway after this long (ms). */
  timeoutMs?: number;
}

/** 4xx answers (bad number, bad token) will not change on a retry, except timeouts and throttling. */
function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export function createSmsTransport(options: SmsTransportOptions): Transport {
  const timeout = options.timeoutMs ?? 30_000;
  return {
    channel: 'sms',
    async send(message: OutgoingMessage): Promise<void> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ to: message.to, body: message.body }),
          signal: AbortSignal.timeout(timeout),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DeliveryError(`The SMS gateway could not be reached: ${reason}`, false, {
          cause: error,
        });
      }
      // Read the body so the connection is released; keep a short excerpt for the admin.
      const answer = (await response.text().catch(() => '')).slice(0, 200);
      if (!response.ok) {
        throw new DeliveryError(
          `The SMS gateway refused the message (HTTP ${response.status})${answer ? `: ${answer}` : ''}`,
          isPermanentStatus(response.status),
        );
      }
    },
    async close(): Promise<void> {},
  };
}
