// Builds the configured transports from the environment of api.md; unset = local outbox ("kept").
import { createSmsTransport } from './sms-transport';
import type { SmtpTlsMode } from './smtp-tls';
import { createSmtpTransport } from './smtp-transport';
import type { Transports } from './transport';

export interface DeliveryEnvironment {
  LINEDESK_SMTP_URL?: string | undefined;
  LINEDESK_SMTP_FROM?: string | undefined;
  LINEDESK_SMTP_TLS?: SmtpTlsMode | undefined;
  LINEDESK_SMS_URL?: string | undefined;
  LINEDESK_SMS_TOKEN?: string | undefined;
  /** Pooled SMTP connections (the delivery concurrency). */
  smtpConnections?: number | undefined;
}

export function transportsFromEnv(env: DeliveryEnvironment): Transports {
  const transports: Transports = {};
  if (env.LINEDESK_SMTP_URL) {
    transports.email = createSmtpTransport({
      url: env.LINEDESK_SMTP_URL,
      ...(env.LINEDESK_SMTP_FROM ? { from: env.LINEDESK_SMTP_FROM } : {}),
      ...(env.LINEDESK_SMTP_TLS ? { tls: env.LINEDESK_SMTP_TLS } : {}),
      ...(env.smtpConnections ? { maxConnections: env.smtpConnections } : {}),
    });
  }
  if (env.LINEDESK_SMS_URL) {
    transports.sms = createSmsTransport({
      url: env.LINEDESK_SMS_URL,
      token: env.LINEDESK_SMS_TOKEN,
    });
  }
  return transports;
}

/** Closes every transport (pooled SMTP connections) on shutdown. */
export async function closeTransports(transports: Transports): Promise<void> {
  await Promise.all(Object.values(transports).map((transport) => transport?.close()));
}
