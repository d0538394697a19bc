// The SMTP and SMS transports against real peers: an in-test smtp-server and a local HTTP receiver.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmsTransport } from '../../../server/delivery/sms-transport';
import { createSmtpTransport } from '../../../server/delivery/smtp-transport';
import { DeliveryError } from '../../../server/delivery/transport';
import {
  configuredTransports,
  closeTransports,
} from '../../../server/delivery/configured-transports';
import {
  startSmsPeer,
  startSmtpPeer,
  type SmsPeer,
  type SmtpPeer,
} from '../../support/delivery-peers';

const message = {
  id: 'm1',
  channel: 'email' as const,
  to: 'jane.doe@example.com',
  subject: 'Your MultiLine invitation',
  body: 'Hello Jané,\nusername jane, password ABCD2345EFGH\nhttps://activate.example/a?u=jane&x=1',
};

describe('SMTP transport', () => {
  let peer: SmtpPeer;
  beforeEach(async () => {
    peer = await startSmtpPeer();
  });
  afterEach(async () => {
    await peer.close();
  });

  it('with LINEDESK_SMTP_TLS=required, refuses a server that does not offer STARTTLS', async () => {
    const transport = createSmtpTransport({ url: peer.url, tls: 'required', timeoutMs: 5_000 });
    await expect(transport.send(message)).rejects.toBeInstanceOf(DeliveryError);
    await transport.close();
    expect(peer.received).toHaveLength(0);
  });

  it('delivers the email with subject and body to the SMTP server', async () => {
    const transport = createSmtpTransport({ url: peer.url, from: 'Help Desk <desk@example.com>' });
    await transport.send(message);
    await transport.close();
    expect(peer.received).toHaveLength(1);
    const [mail] = peer.received;
    expect(mail?.to).toEqual(['jane.doe@example.com']);
    expect(mail?.from).toBe('desk@example.com');
    expect(mail?.headers).toMatch(/^Subject: Your MultiLine invitation$/m);
    expect(mail?.text).toContain('https://activate.example/a?u=jane&x=1');
    expect(mail?.text).toContain('Hello Jané');
  });

  it('reports a temporary refusal as retryable and a 5xx as permanent', async () => {
    const transport = createSmtpTransport({ url: peer.url });
    peer.refuseWith = 451;
    const temporary = await transport.send(message).catch((error: unknown) => error);
    expect(temporary).toBeInstanceOf(DeliveryError);
    expect((temporary as DeliveryError).permanent).toBe(false);
    peer.refuseWith = 550;
    const permanent = await transport.send(message).catch((error: unknown) => error);
    expect((permanent as DeliveryError).permanent).toBe(true);
    expect((permanent as DeliveryError).message).toMatch(
      /^The mail server did not accept the email/,
    );
    expect(peer.received).toHaveLength(0);
    await transport.close();
  });

  it('fails (retryably) when nothing listens', async () => {
    const url = peer.url;
    await peer.close();
    const transport = createSmtpTransport({ url, timeoutMs: 5000 });
    const error = await transport.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).permanent).toBe(false);
    await transport.close();
    peer = await startSmtpPeer();
  });
});

describe('SMS transport', () => {
  let peer: SmsPeer;
  beforeEach(async () => {
    peer = await startSmsPeer();
  });
  afterEach(async () => {
    await peer.close();
  });

  const sms = { ...message, channel: 'sms' as const, to: '+12025550143', subject: null };

  it('POSTs JSON {to, body} with the bearer token', async () => {
    const transport = createSmsTransport({ url: peer.url, token: 'tok-123' });
    await transport.send(sms);
    expect(peer.received).toEqual([
      {
        authorization: 'Bearer tok-123',
        contentType: 'application/json',
        payload: { to: '+12025550143', body: sms.body },
      },
    ]);
  });

  it('treats 5xx and 429 as retryable, other 4xx as permanent', async () => {
    const transport = createSmsTransport({ url: peer.url });
    for (const [status, permanent] of [
      [503, false],
      [429, false],
      [400, true],
      [401, true],
    ] as const) {
      peer.refuseWith = status;
      const error = await transport.send(sms).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect([status, (error as DeliveryError).permanent]).toEqual([status, permanent]);
      expect((error as DeliveryError).message).toContain(`HTTP ${status}`);
    }
    expect(peer.refusals).toBe(4);
  });

  it('is built from the config only for configured channels', async () => {
    expect(Object.keys(configuredTransports({}))).toEqual([]);
    const transports = configuredTransports({ smsUrl: peer.url, smsToken: 't' });
    expect(Object.keys(transports)).toEqual(['sms']);
    await transports.sms?.send(sms);
    expect(peer.received[0]?.authorization).toBe('Bearer t');
    await closeTransports(transports);
  });
});
