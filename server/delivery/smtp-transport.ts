// Email invitations through SMTP (nodemailer), configured by LINEDESK_SMTP_URL.
import nodemailer from 'nodemailer';
import { smtpTlsOptions, type SmtpTlsMode } from './smtp-tls';
import { DeliveryError, type OutgoingMessage, type Transport } from './transport';

export interface SmtpTransportOptions {
  /** e.g. `smtp://user:pass@host:587` or `smtps://…:465`. */
  url: string;
  /** The From header; default `Linedesk <no-reply@…>` with the SMTP host's domain. */
  from?: string;
  /** Give up on an unresponsive server after this long (ms). */
  timeoutMs?: number;
  /** LINEDESK_SMTP_TLS; unset = required to other machines, opportunistic on the loopback. */
  tls?: SmtpTlsMode;
  /** Pooled connections (LINEDESK_DELIVERY_CONCURRENCY); default 3. */
  maxConnections?: number;
}

function defaultFrom(url: string): string {
  try {
    return `Linedesk <no-reply@${new URL(url).hostname || 'localhost'}>`;
  } catch {
    return 'Linedesk <no-reply@localhost>';
  }
}

/** 5xx replies (unknown mailbox, rejected sender…) will not change on a retry. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** An SMTP transport; one pooled connection set per service instance. */
export function createSmtpTransport(options: SmtpTransportOptions): Transport {
  const timeout = options.timeoutMs ?? 30_000;
  // Pooled: an Import & Invite sends thousands of emails; reusing a few connections spares the
  // mail server a handshake per message.
  const mailer = nodemailer.createTransport({
    url: options.url,
    ...smtpTlsOptions(options.url, options.tls),
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const from = options.from ?? defaultFrom(options.url);
  return {
    channel: 'email',
    async send(message: OutgoingMessage): Promise<void> {
      try {
        await mailer.sendMail({
          from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.body,
          headers: { 'X-Linedesk-Message-Id': message.id },
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DeliveryError(
          `The mail server did not accept the email: ${reason}`,
          isPermanent(error),
          {
            cause: error,
          },
        );
      }
    },
    async close(): Promise<void> {
      mailer.close();
    },
  };
}
