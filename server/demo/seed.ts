// `--demo`: seeds an empty database with a small company — sub-organizations, permission profiles,
// number pools in every state (incl. PORTED and RE-INVITE tags) and a few hundred accounts across
// every status, with their invitation messages. Does nothing when the database already holds data.
import { sql, type Kysely } from 'kysely';
import { defaultPermissionSettings } from '../../common/api/permission-profiles';
import type { AccountStatus } from '../../common/api/accounts';
import type { AppDeps } from '../deps';
import type { Database, OrganizationRow } from '../db/schema';
import { flag, isoNow, newId, toCount } from '../db/values';
import type { AccountsContext } from '../domain/accounts/account-context';
import { createAccount } from '../domain/accounts/create-account';
import { invitationContextFrom } from '../domain/invitations/issue-invitation';
import { createOrganization } from '../domain/organizations/create-organization';
import { inTransaction } from '../domain/transaction';

const firstNames = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'Mateo',
  'Isabella',
  'Lucas',
  'Mia',
  'Amara',
  'Hiro',
  'Priya',
  'Chen',
  'Fatima',
  'Diego',
  'Ingrid',
  'Kwame',
  'Zoë',
  'Aleksander',
  'Siobhan',
  'Tomás',
  'Yuki',
  'Omar',
];
const lastNames = [
  'Johnson',
  'Garcia',
  'Nguyen',
  'Okafor',
  'Müller',
  'Rossi',
  'Kowalski',
  'Patel',
  'Kim',
  'Silva',
  'Andersen',
  "O'Brien",
  'Haddad',
  'Tanaka',
  'Dubois',
  'Santos',
  'Novak',
  'Larsen',
  'Mensah',
  'Ivanova',
];

/** Deterministic pseudo-random numbers so that every demo database looks the same. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Fictional but valid US numbers: NXX 555-0100 … 555-0199 per area code. */
function fictionalNumbers(areaCodes: string[]): string[] {
  return areaCodes.flatMap((area) =>
    Array.from({ length: 100 }, (_, i) => `+1${area}555${String(100 + i).padStart(4, '0')}`),
  );
}

async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const count = async (table: 'accounts' | 'numbers' | 'organizations') =>
    toCount(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  return (
    (await count('accounts')) === 0 &&
    (await count('numbers')) === 0 &&
    (await count('organizations')) <= 1
  );
}

interface PlannedAccount {
  status: AccountStatus;
  withNumber: boolean;
}

/** A demo sub-organization; the demo's names never clash, so a refusal is a bug. */
export async function demoOrganization(
  trx: Kysely<Database>,
  name: string,
  parent: OrganizationRow,
  now: Date,
): Promise<OrganizationRow> {
  const created = await createOrganization(trx, { name, parent, now });
  if (!created.ok) throw new Error(`Demo organization "${name}": ${created.message}`);
  return created.value;
}

/** Seeds the demo data in one transaction; returns false when the database was not empty. */
export async function seedDemo(deps: AppDeps): Promise<boolean> {
  if (!(await isEmpty(deps.db))) return false;
  const random = seededRandom(20260527);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = deps.now();
  await inTransaction(deps.db, async (trx) => {
    const root = await trx
      .selectFrom('organizations')
      .selectAll()
      .where('parent_id', 'is', null)
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const sales = await demoOrganization(trx, 'Northwind Sales', root, now);
    const support = await demoOrganization(trx, 'Northwind Support', root, now);
    const field = await demoOrganization(trx, 'Field Service – West', support, now);
    const organizations: OrganizationRow[] = [root, sales, support, field];

    for (const [organization, name, settings] of [
      [root, 'International Callers', { ...defaultPermissionSettings, internationalCalling: true }],
      [
        sales,
        'Sales Team',
        { ...defaultPermissionSettings, internationalCalling: true, callRecording: true },
      ],
      [
        support,
        'Support Agents (Call Recording)',
        { ...defaultPermissionSettings, callRecording: true },
      ],
    ] as const) {
      await trx
        .insertInto('permission_profiles')
        .values({
          id: newId(),
          organization_id: organization.id,
          name,
          settings: JSON.stringify(settings),
          is_default: flag(false),
          created_at: isoNow(now),
          updated_at: isoNow(now),
        })
        .execute();
    }

    // Pools: 100 numbers for the root and each sub-organization; some reserved with tags.
    const pool = fictionalNumbers(['202', '312', '415', '617']);
    const pools = new Map<string, string[]>();
    for (const [index, organization] of organizations.entries()) {
      const numbers = pool.slice(index * 100, index * 100 + 100);
      pools.set(organization.id, numbers);
      await trx
        .insertInto('numbers')
        .values(
          numbers.map((number, i) => ({
            number,
            organization_id: organization.id,
            state: i % 17 === 0 || i % 23 === 0 ? ('reserved' as const) : ('available' as const),
            tag: i % 17 === 0 ? 'PORTED' : i % 23 === 0 ? 'RE-INVITE' : null,
            account_id: null,
            created_at: isoNow(now),
            updated_at: isoNow(now),
          })),
        )
        .execute();
    }

    const context: AccountsContext = {
      scope: { organizationId: root.id, path: root.path },
      actor: null,
      invitation: invitationContextFrom(deps),
    };
    const devicePrefixes = ['646', '713', '305'];
    let deviceIndex = 0;
    const plan: PlannedAccount[] = [];
    const spread: [AccountStatus, number][] = [
      ['activated', 110],
      ['invited', 70],
      ['not_invited', 60],
      ['invitation_failed', 20],
      ['suspended', 15],
    ];
    for (const [status, count] of spread) {
      for (let i = 0; i < count; i++)
        plan.push({ status, withNumber: status === 'activated' || random() < 0.5 });
    }
    let serial = 0;
    for (const planned of plan) {
      serial += 1;
      const organization = organizations[serial % organizations.length]!;
      const firstName = pick(firstNames);
      const lastName = pick(lastNames);
      const bySms = random() < 0.3 && deviceIndex < 300;
      const contact = bySms
        ? `+1${devicePrefixes[Math.floor(deviceIndex / 100)]}555${String(100 + (deviceIndex++ % 100)).padStart(4, '0')}`
        : `${firstName}.${lastName}.${serial}@northwind.example`
            .normalize('NFD')
            .replace(/[^\w.@-]/g, '')
            .toLowerCase();
      const free = planned.withNumber
        ? (
            await trx
              .selectFrom('numbers')
              .select('number')
              .where('organization_id', '=', organization.id)
              .where('state', '=', 'available')
              .orderBy('number')
              .limit(1)
              .executeTakeFirst()
          )?.number
        : undefined;
      const invite = planned.status !== 'not_invited';
      const created = await createAccount(trx, context, {
        organizationId: organization.id,
        firstName,
        lastName,
        contact,
        linesAllowed: 1 + Math.floor(random() * 3),
        number: free ?? null,
        invite,
      });
      if (!created.ok) continue;
      const { row } = created.value;
      // Spread the history over the last weeks: created, then invited, then activated a day later.
      const created_at = new Date(now.getTime() - (2 + Math.floor(random() * 20)) * 86_400_000);
      const invitedAt = invite ? isoNow(new Date(created_at.getTime() + 3_600_000)) : null;
      const at = isoNow(new Date(created_at.getTime() + 86_400_000));
      await trx
        .updateTable('accounts')
        .set({
          created_at: isoNow(created_at),
          updated_at: invitedAt ?? isoNow(created_at),
          invited_at: invitedAt,
        })
        .where('id', '=', row.id)
        .execute();
      if (invitedAt) {
        await trx
          .updateTable('outbox_messages')
          .set({ created_at: invitedAt })
          .where('account_id', '=', row.id)
          .execute();
        // The invitation moves back with them, so the funnel's first invitation precedes activation.
        await trx
          .updateTable('invitations')
          .set({ created_at: invitedAt })
          .where('account_id', '=', row.id)
          .execute();
        await sql`update accounts set first_invited_at = ${invitedAt} where id = ${row.id}`.execute(
          trx,
        );
      }
      if (planned.status === 'activated' && row.number) {
        await trx
          .updateTable('accounts')
          .set({
            status: 'activated',
            activated_at: at,
            personal_phone: `+1${pick(devicePrefixes)}555${String(100 + Math.floor(random() * 100)).padStart(4, '0')}`,
          })
          .where('id', '=', row.id)
          .execute();
        await trx
          .updateTable('numbers')
          .set({ state: 'registered' })
          .where('number', '=', row.number)
          .execute();
        await trx
          .updateTable('invitations')
          .set({ used_at: at })
          .where('account_id', '=', row.id)
          .execute();
      } else if (planned.status === 'invitation_failed') {
        await trx
          .updateTable('accounts')
          .set({ status: 'invitation_failed' })
          .where('id', '=', row.id)
          .execute();
        await trx
          .updateTable('outbox_messages')
          .set({ status: 'failed', attempts: 5, last_error: 'Mailbox unavailable (550)' })
          .where('account_id', '=', row.id)
          .execute();
      } else if (planned.status === 'suspended') {
        await trx
          .updateTable('accounts')
          .set({ status: 'suspended' })
          .where('id', '=', row.id)
          .execute();
      }
    }
  });
  return true;
}
