// Real delivery peers for tests: an SMTP server (smtp-server) and an HTTP SMS gateway on 127.0.0.1,
// recording what they received and able to refuse on demand.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  from: string;
  to: string[];
  /** Header block as sent. */
  headers: string;
  /** Decoded text body (quoted-printable / base64 undone). */
  text: string;
}

export interface SmtpPeer {
  url: string;
  received: ReceivedEmail[];
  /** While set, every recipient is refused with this SMTP code (e.g. 451 temporary, 550 permanent). */
  refuseWith: number | null;
  /** How many RCPT TO commands were refused. */
  refusals: number;
  close(): Promise<void>;
}

function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'quoted-printable') {
    const bytes: number[] = [];
    const joined = body.replace(/=\r?\n/g, '');
    for (let i = 0; i < joined.length; i++) {
      const hex = joined[i] === '=' ? /^[0-9A-F]{2}/i.exec(joined.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
      } else bytes.push(...Buffer.from(joined.charAt(i), 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** An SMTP server without TLS, accepting any (or user:pass) authentication. */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const peer: SmtpPeer = {
    url: '',
    received: [],
    refuseWith: null,
    refusals: 0,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onRcptTo(address, _session, callback) {
      if (peer.refuseWith !== null) {
        peer.refusals += 1;
        const error = Object.assign(new Error(`Refused ${address.address}`), {
          responseCode: peer.refuseWith,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.indexOf('\r\n\r\n');
        const headers = split === -1 ? raw : raw.slice(0, split);
        const body = split === -1 ? '' : raw.slice(split + 4);
        const mailFrom = session.envelope.mailFrom;
        peer.received.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          headers,
          text: decodeBody(headers, body),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  peer.url = `smtp://user:secret@127.0.0.1:${port}`;
  peer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return peer;
}

export interface ReceivedSms {
  authorization: string | undefined;
  contentType: string | undefined;
  payload: unknown;
}

export interface SmsPeer {
  url: string;
  received: ReceivedSms[];
  /** While set, every request is answered with this HTTP status. */
  refuseWith: number | null;
  refusals: number;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** An HTTP SMS gateway on 127.0.0.1 recording every POST. */
export async function startSmsPeer(): Promise<SmsPeer> {
  const peer: SmsPeer = {
    url: '',
    received: [],
    refuseWith: null,
    refusals: 0,
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      if (peer.refuseWith !== null) {
        peer.refusals += 1;
        response.writeHead(peer.refuseWith, { 'content-type': 'text/plain' });
        response.end('gateway says no');
        return;
      }
      let payload: unknown = text;
      try {
        payload = JSON.parse(text);
      } catch {
        // kept as text: the assertion will show what arrived
      }
      peer.received.push({
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        payload,
      });
      response.writeHead(202, { 'content-type': 'application/json' });
      response.end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  peer.url = `http://127.0.0.1:${port}/sms`;
  peer.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return peer;
}
