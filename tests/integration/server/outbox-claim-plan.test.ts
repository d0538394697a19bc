// The outbox worker claims the oldest due messages many times a second while an Import & Invite's
// 100,000 invitations wait: SQLite must read them in order through an index and stop after the
// claim's few rows, not collect and sort every queued message for each claim.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type ServiceDatabase } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import { dueMessages } from '../../../server/delivery/outbox-claims';

describe('claiming due outbox messages on SQLite', () => {
  let dataDir: string;
  let database: ServiceDatabase;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'linedesk-claim-plan-'));
    database = createDatabase({ dataDir });
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('walks the queued messages in order through an index, without sorting them', async () => {
    const query = dueMessages(database.db, {
      channels: ['email', 'sms'],
      limit: 10,
      now: new Date(),
      claimMs: 60_000,
    })
      .select('id')
      .compile();
    const plan = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    const details = plan.rows.map((row) => row.detail).join('\n');
    expect(details).toMatch(/USING (COVERING )?INDEX outbox_messages_queue/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
