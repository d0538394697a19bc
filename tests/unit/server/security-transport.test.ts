// Security rule "transport" on the service side: STARTTLS required for smtp:// to another machine,
// opportunistic on the loopback, LINEDESK_SMTP_TLS overriding; LINEDESK_TRUST_PROXY a list of
// addresses, never `true`; the default CORS origins only the desktop app's own.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { isLoopbackHost, smtpTlsOptions } from '../../../server/delivery/smtp-tls';

describe('SMTP STARTTLS', () => {
  it('requires STARTTLS for smtp:// to another machine', () => {
    for (const url of [
      'smtp://user:pass@mail.example.com:587',
      'smtp://10.0.0.5:25',
      'smtp://[2001:db8::1]:25',
      'smtp://128.0.0.1:25',
    ]) {
      expect(smtpTlsOptions(url), url).toEqual({ requireTLS: true, ignoreTLS: false });
    }
  });

  it('upgrades when offered on the loopback, and never ignores TLS', () => {
    for (const url of ['smtp://127.0.0.1:25', 'smtp://localhost:2525', 'smtp://[::1]:25']) {
      expect(smtpTlsOptions(url), url).toEqual({ requireTLS: false, ignoreTLS: false });
    }
  });

  it('follows LINEDESK_SMTP_TLS, and smtps:// is TLS from the start', () => {
    expect(smtpTlsOptions('smtp://127.0.0.1:25', 'required').requireTLS).toBe(true);
    expect(smtpTlsOptions('smtp://mail.example.com:25', 'opportunistic').requireTLS).toBe(false);
    expect(smtpTlsOptions('smtps://mail.example.com:465')).toEqual({
      requireTLS: false,
      ignoreTLS: false,
    });
    expect(loadConfig([], { LINEDESK_SMTP_TLS: 'required' }).smtpTls).toBe('required');
    expect(() => loadConfig([], { LINEDESK_SMTP_TLS: 'off' })).toThrow(/LINEDESK_SMTP_TLS/);
    // A URL is never refused at start.
    expect(loadConfig([], { LINEDESK_SMTP_URL: 'smtp://mail.example.com:25' }).smtpUrl).toBe(
      'smtp://mail.example.com:25',
    );
  });

  it('knows the loopback', () => {
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
  });
});

describe('proxies and origins', () => {
  it('takes LINEDESK_TRUST_PROXY as a list of addresses and refuses `true`', () => {
    expect(loadConfig([], { LINEDESK_TRUST_PROXY: '10.0.0.5, 10.0.0.6' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.0.0.6',
    ]);
    expect(loadConfig([], {}).trustProxy).toBe(false);
    for (const value of ['true', 'TRUE', '1', '*', 'yes']) {
      expect(() => loadConfig([], { LINEDESK_TRUST_PROXY: value }), value).toThrow(
        /LINEDESK_TRUST_PROXY/,
      );
    }
  });

  it('allows only the desktop app’s own origin by default (no development origins)', () => {
    expect(loadConfig([], {}).allowedOrigins).toEqual(['app://linedesk']);
  });
});
