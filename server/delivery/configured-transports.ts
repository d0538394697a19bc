// Builds the transports the service's config names (api.md's LINEDESK_SMTP_* / LINEDESK_SMS_*);
// a channel without its URL keeps its messages in the local outbox ("kept").
import type { ServiceConfig } from '../config';
import { createSmsTransport } from './sms-transport';
import { createSmtpTransport } from './smtp-transport';
import type { Transports } from './transport';

/** The part of the config that chooses the delivery channels. */
export type TransportSettings = Partial<
  Pick<ServiceConfig, 'smtpUrl' | 'smtpFrom' | 'smtpTls' | 'smsUrl' | 'smsToken'>
> & {
  /** Pooled SMTP connections (the delivery concurrency). */
  smtpConnections?: number | undefined;
};

/** One transport per configured channel. */
export function configuredTransports(settings: TransportSettings): Transports {
  const transports: Transports = {};
  if (settings.smtpUrl) {
    transports.email = createSmtpTransport({
      url: settings.smtpUrl,
      ...(settings.smtpFrom ? { from: settings.smtpFrom } : {}),
      ...(settings.smtpTls ? { tls: settings.smtpTls } : {}),
      ...(settings.smtpConnections ? { maxConnections: settings.smtpConnections } : {}),
    });
  }
  if (settings.smsUrl) {
    transports.sms = createSmsTransport({ url: settings.smsUrl, token: settings.smsToken });
  }
  return transports;
}

/** Closes every transport (pooled SMTP connections) on shutdown. */
export async function closeTransports(transports: Transports): Promise<void> {
  await Promise.all(Object.values(transports).map((transport) => transport?.close()));
}
