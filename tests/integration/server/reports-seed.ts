// A database of known counts for the Reports suites: accounts, invitations, outbox messages,
// numbers, imports and audit events written straight into the tables at fixed times, so every
// number the summary and the follow-up queue answer can be asserted exactly.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AccountsTable, OutboxMessagesTable } from '../../../server/db/schema';
import type { TestService } from '../../support/service';

/** The fixed "now" of the suites. */
export const reportNow = new Date('2026-03-20T12:00:00.000Z');

export interface SeededReports {
  eastId: string;
  accounts: Record<string, string>;
}

type Status = AccountsTable['status'];

interface PlannedAccount {
  key: string;
  east?: boolean;
  status: Status;
  createdAt: string;
  /** Every invitation's time, oldest first (a resend adds one). */
  invitations?: string[];
  activatedAt?: string;
  number?: string;
  first?: string;
}

const accountsPlan: PlannedAccount[] = [
  {
    key: 'A1',
    status: 'activated',
    createdAt: '2026-03-10T08:00:00.000Z',
    invitations: ['2026-03-10T09:00:00.000Z'],
    activatedAt: '2026-03-10T11:00:00.000Z',
    number: '+12025550101',
  },
  {
    key: 'A2',
    status: 'activated',
    createdAt: '2026-03-10T08:00:00.000Z',
    invitations: ['2026-03-10T10:00:00.000Z'],
    activatedAt: '2026-03-12T10:00:00.000Z',
    number: '+12025550102',
  },
  {
    key: 'A3',
    status: 'invited',
    createdAt: '2026-03-11T00:30:00.000Z',
    invitations: ['2026-03-11T01:00:00.000Z'],
  },
  {
    key: 'A4',
    status: 'activated',
    createdAt: '2026-03-09T08:00:00.000Z',
    invitations: ['2026-03-09T12:00:00.000Z', '2026-03-11T12:00:00.000Z'],
    activatedAt: '2026-03-11T13:00:00.000Z',
  },
  {
    key: 'A5',
    east: true,
    status: 'invitation_failed',
    createdAt: '2026-03-11T05:00:00.000Z',
    invitations: ['2026-03-11T06:00:00.000Z'],
  },
  { key: 'A6', east: true, status: 'not_invited', createdAt: '2026-03-12T20:00:00.000Z' },
  {
    key: 'A7',
    status: 'suspended',
    createdAt: '2026-03-01T08:00:00.000Z',
    invitations: ['2026-03-01T09:00:00.000Z'],
    activatedAt: '2026-03-02T09:00:00.000Z',
  },
  {
    key: 'A8',
    status: 'activated',
    createdAt: '2026-03-12T23:30:00.000Z',
    invitations: ['2026-03-12T23:45:00.000Z'],
    activatedAt: '2026-03-20T11:45:00.000Z',
  },
  // The follow-up boundary: exactly 3 days before now (not yet due) and a millisecond earlier.
  {
    key: 'A9',
    status: 'invited',
    createdAt: '2026-03-17T08:00:00.000Z',
    invitations: ['2026-03-17T12:00:00.000Z'],
  },
  {
    key: 'A10',
    status: 'invited',
    createdAt: '2026-03-15T08:00:00.000Z',
    invitations: ['2026-03-15T10:00:00.000Z', '2026-03-17T11:59:59.999Z'],
  },
];

/** Account invitation messages: [account, created, status, last error]. */
const messagesPlan: [string, string, OutboxMessagesTable['status'], string | null][] = [
  ['A1', '2026-03-10T09:00:00.000Z', 'sent', null],
  ['A2', '2026-03-10T10:00:00.000Z', 'kept', null],
  ['A3', '2026-03-11T01:00:00.000Z', 'sent', null],
  ['A4', '2026-03-09T12:00:00.000Z', 'sent', null],
  ['A4', '2026-03-11T12:00:00.000Z', 'sent', null],
  ['A5', '2026-03-11T06:00:00.000Z', 'failed', 'recipient_rejected'],
  ['A7', '2026-03-12T08:00:00.000Z', 'failed', 'timeout'],
  ['A8', '2026-03-12T23:45:00.000Z', 'kept', null],
];

/** Writes the known data under the root organization and a sub-organization "East". */
export async function seedReports(service: TestService, eastId: string): Promise<SeededReports> {
  const db = service.db;
  const root = service.rootOrganizationId;
  const ids: Record<string, string> = {};
  for (const planned of accountsPlan) {
    const id = randomUUID();
    ids[planned.key] = id;
    const invitations = planned.invitations ?? [];
    const row: Insertable<AccountsTable> = {
      id,
      organization_id: planned.east ? eastId : root,
      root_organization_id: root,
      first_name: planned.first ?? 'Person',
      last_name: planned.key,
      contact: `${planned.key.toLowerCase()}@example.test`,
      contact_type: 'email',
      username: `${planned.key.toLowerCase()}@example.test`,
      applications: '["MultiLine"]',
      lines_allowed: 1,
      permission_profile_id: null,
      number: planned.number ?? null,
      personal_phone: null,
      status: planned.status,
      invited_at: invitations.at(-1) ?? null,
      activated_at: planned.activatedAt ?? null,
      device_id: null,
      created_at: planned.createdAt,
      updated_at: planned.createdAt,
    };
    await db.insertInto('accounts').values(row).execute();
    for (const at of invitations) {
      await db
        .insertInto('invitations')
        .values({
          id: randomUUID(),
          account_id: id,
          administrator_id: null,
          password_hash: 'x',
          expires_at: '2027-01-01T00:00:00.000Z',
          used_at: null,
          superseded_at: null,
          created_at: at,
        })
        .execute();
    }
  }
  for (const [key, at, status, reason] of messagesPlan) {
    const east = accountsPlan.find((planned) => planned.key === key)?.east;
    await db
      .insertInto('outbox_messages')
      .values({
        id: randomUUID(),
        organization_id: east ? eastId : root,
        channel: 'email',
        to_address: `${key.toLowerCase()}@example.test`,
        subject: 'Invitation',
        body: 'Welcome',
        account_id: ids[key]!,
        administrator_id: null,
        status,
        attempts: 1,
        next_attempt_at: null,
        claimed_until: null,
        last_error: reason ? `failed: ${reason}` : null,
        failure_reason: reason,
        created_at: at,
        sent_at: status === 'sent' ? at : null,
      })
      .execute();
  }
  const numbers: [string, string, 'available' | 'reserved' | 'assigned' | 'registered', string?][] =
    [
      ['+12025550101', root, 'assigned', 'A1'],
      ['+12025550102', root, 'assigned', 'A2'],
      ['+12025550103', root, 'available'],
      ['+12025550104', root, 'available'],
      ['+12025550105', root, 'available'],
      ['+12025550106', root, 'available'],
      ['+12025550107', root, 'available'],
      ['+12025550108', root, 'reserved'],
      ['+12025550109', root, 'registered'],
      ['+12025550110', eastId, 'available'],
    ];
  for (const [number, organizationId, state, account] of numbers) {
    await db
      .insertInto('numbers')
      .values({
        number,
        organization_id: organizationId,
        state,
        tag: null,
        account_id: account ? ids[account]! : null,
        created_at: '2026-03-01T00:00:00.000Z',
        updated_at: '2026-03-01T00:00:00.000Z',
      })
      .execute();
  }
  const jobs: [string, string, number, number, number][] = [
    [root, '2026-03-05T03:00:00.000Z', 100, 0, 0],
    [root, '2026-03-11T03:00:00.000Z', 10, 2, 1],
    [root, '2026-03-11T20:00:00.000Z', 5, 0, 3],
    [eastId, '2026-03-12T02:00:00.000Z', 4, 1, 0],
  ];
  for (const [organizationId, at, created, duplicate, invalid] of jobs) {
    await db
      .insertInto('import_jobs')
      .values({
        id: randomUUID(),
        organization_id: organizationId,
        root_organization_id: root,
        administrator_id: null,
        status: 'completed',
        invite: 0,
        file_name: 'people.csv',
        row_count: created + duplicate + invalid,
        applications: '["MultiLine"]',
        permission_profile_id: null,
        created_count: created,
        duplicate_count: duplicate,
        invalid_count: invalid,
        invited_count: 0,
        chunks_received: 1,
        created_at: at,
        updated_at: at,
        completed_at: at,
      })
      .execute();
  }
  // A10's resend, by the bootstrap administrator.
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      created_at: '2026-03-17T11:59:59.999Z',
      actor_id: service.admin.id,
      actor_email: service.admin.email,
      organization_id: root,
      action: 'account.invitation_resent',
      target_type: 'account',
      target_id: ids.A10!,
      target_name: 'Person A10',
      target_contact: 'a10@example.test',
      details: '{}',
    })
    .execute();
  return { eastId, accounts: ids };
}
