// `npm run seed -- --accounts N`: fills a database with a large company for measuring at size — the
// demo tree plus regional sub-organizations, number pools, and N accounts across every status
// (activated ones with registered numbers), written with bulk inserts, indexes built afterwards.
import { sql, type Kysely } from 'kysely';
import type { AccountStatus } from '../../common/api/accounts';
import type { AppDeps } from '../deps';
import type { AccountRow, Database, NumberRow, OrganizationRow } from '../db/schema';
import { newId } from '../db/values';
import { rebuildAccountCounts } from '../domain/accounts/account-counts';
import { rebuildAccountSearch } from '../domain/accounts/account-search-index';
import { isPostgres } from '../domain/organization-context';
import { rebuildReportCounts } from '../domain/reports/report-counts';
import { inTransaction } from '../domain/transaction';
import { withoutIndexes } from './bulk-load';
import { demoOrganization, seedDemo } from './seed';

const firstNames = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Mateo', 'Mia'];
const moreFirstNames = ['Amara', 'Hiro', 'Priya', 'Chen', 'Fatima', 'Diego', 'Ingrid', 'Kwame'];
const lastNames = ['Johnson', 'Garcia', 'Nguyen', 'Okafor', 'Müller', 'Rossi', 'Kowalski', 'Patel'];
const moreLastNames = [
  'Kim',
  'Silva',
  'Andersen',
  "O'Brien",
  'Haddad',
  'Tanaka',
  'Dubois',
  'Novak',
];
const first = [...firstNames, ...moreFirstNames];
const last = [...lastNames, ...moreLastNames];

/** Share of each status, in per mille: most accounts are activated, every status is present. */
const statusShares: [AccountStatus, number][] = [
  ['activated', 450],
  ['invited', 250],
  ['not_invited', 180],
  ['invitation_failed', 50],
  ['suspended', 70],
];

function statusOf(i: number): AccountStatus {
  let slot = (i * 7919) % 1000;
  for (const [status, share] of statusShares) {
    if (slot < share) return status;
    slot -= share;
  }
  return 'activated';
}

/** Rows per multi-row INSERT (19 columns: under SQLite's and PostgreSQL's parameter limits). */
const STATEMENT_ROWS = 500;
/** Rows per transaction. */
const TRANSACTION_ROWS = 50_000;

async function regionalOrganizations(deps: AppDeps): Promise<OrganizationRow[]> {
  const all = await deps.db.selectFrom('organizations').selectAll().orderBy('depth').execute();
  const parents = all.filter((o) => o.depth > 0 || o.parent_id === null);
  const regions: OrganizationRow[] = [];
  await inTransaction(deps.db, async (trx) => {
    for (let i = 1; i <= 16; i += 1) {
      const parent = parents[i % parents.length]!;
      regions.push(await demoOrganization(trx, `Region ${i}`, parent, deps.now()));
    }
  });
  return [...all, ...regions];
}

function accountAt(i: number, organization: OrganizationRow, now: number): AccountRow {
  const status = statusOf(i);
  const firstName = first[i % first.length]!;
  const lastName = `${last[(i * 31) % last.length]!}${i % 97 === 0 ? '' : `-${i % 1009}`}`;
  const bySms = i % 5 === 0;
  const contact = bySms
    ? `+4474${String(i).padStart(8, '0')}`
    : `${firstName}.${i}@northwind.example`.toLowerCase();
  const invited = status !== 'not_invited';
  const activated = status === 'activated' || (status === 'suspended' && i % 2 === 0);
  const withNumber = activated || (status === 'invited' && i % 2 === 0);
  const createdAt = now - ((i * 104_729) % (400 * 86_400)) * 1000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: newId(),
    organization_id: organization.id,
    root_organization_id: organization.root_id,
    first_name: firstName,
    last_name: lastName,
    contact,
    contact_type: bySms ? 'sms' : 'email',
    username: contact,
    applications: '["MultiLine"]',
    lines_allowed: 1 + (i % 3),
    permission_profile_id: null,
    number: withNumber ? `+4475${String(i).padStart(8, '0')}` : null,
    personal_phone: activated && i % 3 === 0 ? `+4477${String(i).padStart(8, '0')}` : null,
    status,
    invited_at: invited ? iso(createdAt + 3_600_000) : null,
    activated_at: activated ? iso(createdAt + 86_400_000) : null,
    device_id: activated ? `device-${i}` : null,
    created_at: iso(createdAt),
    updated_at: iso(activated ? createdAt + 86_400_000 : createdAt + 3_600_000),
  };
}

async function insertAccounts(
  db: Kysely<Database>,
  organizations: OrganizationRow[],
  count: number,
  progress: (done: number) => void,
): Promise<void> {
  const now = Date.now();
  for (let start = 0; start < count; start += TRANSACTION_ROWS) {
    await inTransaction(db, async (trx) => {
      const end = Math.min(count, start + TRANSACTION_ROWS);
      for (let at = start; at < end; at += STATEMENT_ROWS) {
        const accounts: AccountRow[] = [];
        for (let i = at; i < Math.min(end, at + STATEMENT_ROWS); i += 1) {
          // Uneven sizes: the first organizations hold most accounts, as in a real company.
          const slot = Math.floor(organizations.length * ((i * 0.618034) % 1) ** 2);
          accounts.push(accountAt(i, organizations[slot]!, now));
        }
        await trx.insertInto('accounts').values(accounts).execute();
        const numbers: NumberRow[] = accounts
          .filter((a) => a.number !== null)
          .map((a) => ({
            number: a.number!,
            organization_id: a.organization_id,
            state: a.activated_at ? 'registered' : 'assigned',
            tag: null,
            account_id: a.id,
            created_at: a.created_at,
            updated_at: a.updated_at,
          }));
        if (numbers.length > 0) await trx.insertInto('numbers').values(numbers).execute();
      }
    });
    progress(Math.min(count, start + TRANSACTION_ROWS));
  }
}

/** Seeds the demo data, then `count` more accounts; false when the database already had data. */
export async function seedManyAccounts(
  deps: AppDeps,
  count: number,
  progress: (done: number) => void = () => undefined,
): Promise<boolean> {
  if (!(await seedDemo(deps))) return false;
  const organizations = await regionalOrganizations(deps);
  await withoutIndexes(deps.db, 'numbers', () =>
    withoutIndexes(deps.db, 'accounts', async () => {
      await insertAccounts(deps.db, organizations, count, progress);
      await rebuildAccountCounts(deps.db);
      if (!isPostgres(deps.db)) await rebuildAccountSearch(deps.db);
      await rebuildReportCounts(deps.db);
    }),
  );
  if (isPostgres(deps.db)) await sql`vacuum analyze`.execute(deps.db);
  return true;
}
