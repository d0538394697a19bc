// How an smtp:// connection is secured: to another machine it must upgrade with STARTTLS
// (nodemailer's requireTLS: a server not offering it is refused, the password never goes in clear);
// to a relay on the loopback it upgrades when offered. LINEDESK_SMTP_TLS overrides; smtps:// is
// TLS from the first byte. A URL is never refused at start.
import { isIP } from 'node:net';

export type SmtpTlsMode = 'required' | 'opportunistic';
export const smtpTlsModes = ['required', 'opportunistic'] as const;

/** True for localhost and loopback addresses (127.0.0.0/8, ::1). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** The nodemailer TLS options for that URL (`mode` is LINEDESK_SMTP_TLS, when set). */
export function smtpTlsOptions(
  url: string,
  mode?: SmtpTlsMode,
): { requireTLS: boolean; ignoreTLS: false } {
  let hostname = '';
  let implicitTls = false;
  try {
    const parsed = new URL(url);
    hostname = parsed.hostname;
    implicitTls = parsed.protocol === 'smtps:';
  } catch {
    // Unparseable: nodemailer reports it on the first send; be strict meanwhile.
  }
  if (implicitTls) return { requireTLS: false, ignoreTLS: false };
  const required = mode ? mode === 'required' : !isLoopbackHost(hostname);
  return { requireTLS: required, ignoreTLS: false };
}
