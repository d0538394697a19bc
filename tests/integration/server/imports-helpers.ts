// Helpers of the imports, activation and delivery suites: open a job, send chunks, read outcomes.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ImportJob, ImportRowInput } from '../../../common/api/imports';
import type { TestService } from '../../support/service';

export interface OpenImport {
  organizationId: string;
  invite?: boolean;
  fileName?: string;
  rowCount?: number;
  permissionProfileId?: string | null;
}

export async function openImport(
  service: TestService,
  token: string,
  job: OpenImport,
  key: string = randomUUID(),
): Promise<ImportJob> {
  const res = await service.request('POST', '/api/v1/imports', {
    token,
    headers: { 'idempotency-key': key },
    body: {
      applications: ['MultiLine'],
      fileName: 'people.csv',
      rowCount: 0,
      invite: false,
      ...job,
    },
  });
  expect(res.status, res.text).toBe(201);
  return res.body as ImportJob;
}

export function person(rowNumber: number, contact: string, extra: Partial<ImportRowInput> = {}) {
  return {
    rowNumber,
    firstName: `First${rowNumber}`,
    lastName: `Last${rowNumber}`,
    contact,
    ...extra,
  };
}

export async function sendChunk(
  service: TestService,
  token: string,
  jobId: string,
  index: number,
  rows: ImportRowInput[],
) {
  return service.request('PUT', `/api/v1/imports/${jobId}/chunks/${index}`, {
    token,
    body: { rows },
  });
}

export async function countRows(service: TestService, table: 'accounts' | 'outbox_messages') {
  const row = await service.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The one-time password of the account's latest invitation, read from its outbox message. */
export async function latestInvitationPassword(
  service: TestService,
  accountId: string,
): Promise<string> {
  const message = await service.db
    .selectFrom('outbox_messages')
    .select('body')
    .where('account_id', '=', accountId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const password = /Password: ([0-9A-Z]{12,})/.exec(message.body)?.[1];
  if (!password) throw new Error(`No password in: ${message.body}`);
  return password;
}
