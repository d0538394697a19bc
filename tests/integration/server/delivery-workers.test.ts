// Several outbox workers on one database (two service instances on PostgreSQL, or two connections
// to one SQLite file) never send a message twice; claims lapse so a dead worker's messages go on.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type ServiceDatabase } from '../../../server/db/database';
import { markAttemptFailed, retryDelayMs } from '../../../server/delivery/delivery-outcome';
import { DeliveryError } from '../../../server/delivery/transport';
import { claimDueMessages } from '../../../server/delivery/outbox-claims';
import { createSmtpTransport } from '../../../server/delivery/smtp-transport';
import { createOutboxWorker } from '../../../server/delivery/worker';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { startSmtpPeer, type SmtpPeer } from '../../support/delivery-peers';
import { eventually } from './delivery-helpers';
import { createAccount } from './accounts-helpers';

function queuedMessage(organizationId: string, index: number) {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    organization_id: organizationId,
    channel: 'email' as const,
    to_address: `worker${index}@example.com`,
    subject: `Message ${index}`,
    body: `Body ${index}`,
    account_id: null,
    administrator_id: null,
    status: 'queued' as const,
    attempts: 0,
    next_attempt_at: now,
    claimed_until: null,
    last_error: null,
    created_at: now,
    sent_at: null,
  };
}

describe('retry backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const policy = { maxAttempts: 5, retryBaseMs: 1000, retryMaxMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
  });
});

describe.each(serviceBackends())('outbox workers on $name', (backend) => {
  let service: TestService;
  let smtp: SmtpPeer;
  let instances: ServiceDatabase[] = [];

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    // No transport configured for the service itself: only the workers below send.
    service = await startTestService(backend, { listen: false });
    instances = [createDatabase(service.deps.config), createDatabase(service.deps.config)];
  });
  afterAll(async () => {
    for (const instance of instances) await instance.destroy();
    await service.close();
    await smtp.close();
  });

  it('claims only due, unclaimed messages; a lapsed claim is claimed again', async () => {
    const org = service.rootOrganizationId;
    const due = queuedMessage(org, 1000);
    const later = {
      ...queuedMessage(org, 1001),
      next_attempt_at: new Date(Date.now() + 60_000).toISOString(),
    };
    const kept = { ...queuedMessage(org, 1002), status: 'kept' as const, next_attempt_at: null };
    await service.db.insertInto('outbox_messages').values([due, later, kept]).execute();
    const request = { channels: ['email' as const], limit: 10, now: new Date(), claimMs: 60_000 };
    const first = await claimDueMessages(service.db, service.deps.dialect, request);
    expect(first.map((m) => m.id)).toEqual([due.id]);
    expect(await claimDueMessages(service.db, service.deps.dialect, request)).toEqual([]);
    const afterLapse = await claimDueMessages(service.db, service.deps.dialect, {
      ...request,
      now: new Date(Date.now() + 61_000),
    });
    expect(afterLapse.map((m) => m.id)).toEqual([due.id, later.id]);
    await service.db
      .deleteFrom('outbox_messages')
      .where('id', 'in', [due.id, later.id, kept.id])
      .execute();
  });

  it('marks the account Invitation Failed only for its latest invitation while still Invited', async () => {
    const token = await service.login();
    const added = await service.request('POST', '/api/v1/numbers', {
      token,
      body: { organizationId: service.rootOrganizationId, numbers: ['+12025550111'] },
    });
    expect(added.status, added.text).toBe(201);
    const account = await createAccount(service, token, {
      organizationId: service.rootOrganizationId,
      contact: 'latest@example.com',
      number: '+12025550111',
      invite: true,
    });
    const older = { ...queuedMessage(service.rootOrganizationId, 2000), account_id: account.id };
    const newer = { ...queuedMessage(service.rootOrganizationId, 2001), account_id: account.id };
    await service.db.insertInto('outbox_messages').values([older, newer]).execute();
    const rows = await service.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('id', 'in', [older.id, newer.id])
      .orderBy('seq')
      .execute();
    const policy = { maxAttempts: 1, retryBaseMs: 10, retryMaxMs: 10 };
    const refused = new DeliveryError('refused', true);
    const status = async () =>
      (
        await service.db
          .selectFrom('accounts')
          .select('status')
          .where('id', '=', account.id)
          .executeTakeFirstOrThrow()
      ).status;
    expect(await markAttemptFailed(service.db, rows[0]!, refused, policy, new Date())).toBe(
      'failed',
    );
    expect(await status()).toBe('invited');
    expect(await markAttemptFailed(service.db, rows[1]!, refused, policy, new Date())).toBe(
      'failed',
    );
    expect(await status()).toBe('invitation_failed');
    await service.db
      .deleteFrom('outbox_messages')
      .where('id', 'in', [older.id, newer.id])
      .execute();
  });

  it('two workers deliver every message exactly once', async () => {
    const count = 40;
    const messages = Array.from({ length: count }, (_, i) =>
      queuedMessage(service.rootOrganizationId, i),
    );
    await service.db.insertInto('outbox_messages').values(messages).execute();
    const sentBy = new Map<string, string[]>();
    const workers = instances.map((instance, n) => {
      const smtpTransport = createSmtpTransport({ url: smtp.url });
      return {
        transport: smtpTransport,
        worker: createOutboxWorker({
          db: instance.db,
          dialect: instance.dialect,
          batchSize: 3,
          pollIntervalMs: 10,
          transports: {
            email: {
              channel: 'email',
              send: async (message) => {
                sentBy.set(message.id, [...(sentBy.get(message.id) ?? []), `worker${n}`]);
                await smtpTransport.send(message);
              },
              close: () => smtpTransport.close(),
            },
          },
        }),
      };
    });
    for (const { worker } of workers) worker.start();
    try {
      await eventually(
        'every message sent',
        async () => {
          const row = await service.db
            .selectFrom('outbox_messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'sent')
            .executeTakeFirstOrThrow();
          return Number(row.n) === count;
        },
        60_000,
      );
    } finally {
      for (const { worker, transport } of workers) {
        await worker.stop();
        await transport.close();
      }
    }
    const ids = smtp.received.map(
      (mail) => /^X-Linedesk-Message-Id: *(\S+)/im.exec(mail.headers)?.[1],
    );
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect([...ids].sort()).toEqual(messages.map((m) => m.id).sort());
    expect([...sentBy.values()].every((senders) => senders.length === 1)).toBe(true);
    const attempts = await service.db
      .selectFrom('outbox_messages')
      .select('attempts')
      .where(
        'id',
        'in',
        messages.map((m) => m.id),
      )
      .execute();
    expect(attempts).toHaveLength(count);
    expect(attempts.every((row) => row.attempts === 1)).toBe(true);
  });
});
