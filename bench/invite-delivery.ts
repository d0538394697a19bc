// Import & Invite at size: `complete` with `invite` over an import of 100,000 rows (quick: 5,000)
// through HTTP, then the outbox worker delivering those invitations into an SMTP server on
// 127.0.0.1 (smtp-server, as in the delivery tests), timed until a fixed number arrived: 20,000 of
// the 100,000 (quick: 500 of 5,000), over 10 pooled connections.
import { randomUUID } from 'node:crypto';
import { defaultDeliverySettings } from '../server/config';
import { startSmtpPeer } from '../tests/support/delivery-peers';
import { figure, type BenchContext, type BenchModule } from './bench-module';
import { startBenchService, type BenchService } from './bench-service';

const chunkRows = 1_000;

async function importForInvite(bench: BenchService, count: number): Promise<string> {
  for (let start = 0; start < count; start += 10_000) {
    const numbers = Array.from(
      { length: Math.min(10_000, count - start) },
      (_, i) => `+4475${String(50_000_000 + start + i).padStart(8, '0')}`,
    );
    const added = await bench.request('POST', '/api/v1/numbers', {
      organizationId: bench.rootOrganizationId,
      numbers,
    });
    if (added.status !== 201) throw new Error(`POST /numbers answered ${added.status}`);
  }
  const created = await bench.request(
    'POST',
    '/api/v1/imports',
    {
      organizationId: bench.rootOrganizationId,
      applications: ['MultiLine'],
      invite: true,
      fileName: 'invite.csv',
      rowCount: count,
    },
    { 'idempotency-key': randomUUID() },
  );
  if (created.status !== 201) throw new Error(`POST /imports answered ${created.status}`);
  const { id } = created.json() as { id: string };
  for (let index = 0; index * chunkRows < count; index += 1) {
    const rows = Array.from({ length: Math.min(chunkRows, count - index * chunkRows) }, (_, i) => {
      const n = index * chunkRows + i;
      return {
        rowNumber: n + 2,
        firstName: `Ada${n}`,
        lastName: 'Lovelace',
        contact: `inv${n}@example.com`,
      };
    });
    const res = await bench.request('PUT', `/api/v1/imports/${id}/chunks/${index}`, { rows });
    if (res.status !== 200) throw new Error(`chunk ${index} answered ${res.status}`);
  }
  return id;
}

/** `postgresUrl`: complete on a fresh PostgreSQL database, without waiting for deliveries. */
async function measure(context: BenchContext, concurrency: number, postgresUrl?: string) {
  const count = context.quick ? 5_000 : 100_000;
  const delivered = postgresUrl ? 0 : context.quick ? 500 : 20_000;
  // Messages are queued only while a transport is configured: the SMTP server is there from the start.
  const smtp = await startSmtpPeer();
  const bench = await startBenchService({
    ...(postgresUrl ? { postgresServerUrl: postgresUrl } : {}),
    config: {
      smtpUrl: smtp.url,
      delivery: { ...defaultDeliverySettings, concurrency },
    },
  });
  try {
    const id = await importForInvite(bench, count);
    const start = performance.now();
    const done = await bench.request('POST', `/api/v1/imports/${id}/complete`, {});
    const completed = performance.now();
    if (done.status !== 200) throw new Error(`complete answered ${done.status}`);
    // The worker sees the invitations once complete's transaction committed.
    const already = smtp.received.length;
    const deadline = completed + 300_000;
    while (smtp.received.length - already < delivered && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    return {
      count,
      concurrency,
      completeSeconds: (completed - start) / 1000,
      delivered: smtp.received.length - already,
      deliverySeconds: (performance.now() - completed) / 1000,
    };
  } finally {
    await bench.close();
    await smtp.close();
  }
}

export const inviteDeliveryBench: BenchModule = {
  name: 'invite and delivery',
  async run(context) {
    const m = await measure(context, 10);
    const pg = context.postgresUrl ? await measure(context, 10, context.postgresUrl) : undefined;
    return [
      figure(
        'complete.invite.rowsPerSec',
        m.count / m.completeSeconds,
        'rows/s',
        `POST /imports/{id}/complete with invite over ${m.count.toLocaleString('en')} imported rows took ${m.completeSeconds.toFixed(1)} s (SQLite).`,
      ),
      figure(
        'delivery.smtp.messagesPerSec',
        m.delivered / m.deliverySeconds,
        'messages/s',
        `The outbox worker delivered ${m.delivered.toLocaleString('en')} invitations into a local SMTP server in ${m.deliverySeconds.toFixed(1)} s after complete answered (concurrency ${m.concurrency}).`,
      ),
      ...(pg
        ? [
            figure(
              'complete.postgres.inviteRowsPerSec',
              pg.count / pg.completeSeconds,
              'rows/s',
              `The same complete with invite on PostgreSQL took ${pg.completeSeconds.toFixed(1)} s.`,
            ),
          ]
        : []),
    ];
  },
};
