// Creates the accounts of one import chunk set-based: the whole chunk is checked against the
// organization's state in a few queries (contacts, numbers, capacity, usernames), then written with
// multi-row inserts. Row by row it decides exactly as createAccount would, in row order.
import type { Application } from '../../../common/api/accounts';
import type { ValidationFields } from '../../../common/errors';
import { batches } from '../../db/batches';
import type { AccountRow } from '../../db/schema';
import { isoNow, newId } from '../../db/values';
import { recordAudits } from '../audit/record-audit';
import type { AccountsContext } from '../accounts/account-context';
import {
  checkContact,
  checkLinesAllowed,
  checkName,
  contactExists,
  notEnoughNumbers,
  validationFailure,
} from '../accounts/account-rules';
import { createAccount, type PreparedOrganization } from '../accounts/create-account';
import { chooseUsername } from '../accounts/usernames';
import { computeCapacity } from '../capacity';
import { numberUnavailable } from '../numbers/assign-number';
import { lockOrganizations, type Db } from '../organization-context';
import type { Failure } from '../outcome';
import { assignChunkNumbers } from './chunk-numbers';

/** One row that passed the CSV rules, as createAccount would receive it. */
export interface ChunkCandidate {
  rowNumber: number;
  firstName: string;
  lastName: string;
  contact: string;
  linesAllowed: number;
  /** A visible profile's id, or null for the organization's default. */
  permissionProfileId: string | null;
  /** Set when the row names a profile that is not visible (a refusal like createAccount's). */
  profileRefused: boolean;
  number: string | null;
}

/** What became of a candidate: its account, or the refusal createAccount would have answered. */
export type CandidateOutcome =
  { created: true; accountId: string } | { created: false; refusal: Failure; earlierRow?: number };

/** Contacts of the tenant already taken, and for those created by this job, on which row. */
async function takenContacts(
  db: Db,
  rootId: string,
  jobId: string,
  contacts: readonly string[],
): Promise<{ taken: Set<string>; rowOf: Map<string, number> }> {
  const taken = new Set<string>();
  for (const part of batches(contacts)) {
    const rows = await db
      .selectFrom('accounts')
      .select('contact')
      .where('root_organization_id', '=', rootId)
      .where('contact', 'in', part)
      .execute();
    for (const row of rows) taken.add(row.contact);
  }
  const rowOf = new Map<string, number>();
  for (const part of batches([...taken])) {
    const rows = await db
      .withTables<{ import_rows: { job_id: string; row_number: number; account_id: string } }>()
      .selectFrom('import_rows')
      .innerJoin('accounts', 'accounts.id', 'import_rows.account_id')
      .select(['import_rows.row_number', 'accounts.contact'])
      .where('import_rows.job_id', '=', jobId)
      .where('accounts.contact', 'in', part)
      .execute();
    for (const row of rows) if (!rowOf.has(row.contact)) rowOf.set(row.contact, row.row_number);
  }
  return { taken, rowOf };
}

/** The organization's free numbers among those asked for: Available (costs capacity) or Reserved. */
async function freeNumbers(
  db: Db,
  organizationId: string,
  numbers: readonly string[],
): Promise<Map<string, 'available' | 'reserved'>> {
  const free = new Map<string, 'available' | 'reserved'>();
  for (const part of batches(numbers)) {
    const rows = await db
      .selectFrom('numbers')
      .select(['number', 'state'])
      .where('organization_id', '=', organizationId)
      .where('number', 'in', part)
      .execute();
    for (const row of rows)
      if (row.state === 'available' || row.state === 'reserved') free.set(row.number, row.state);
  }
  return free;
}

/** Usernames for the accepted contacts: the contact itself where free (one query for the chunk). */
async function usernamesFor(db: Db, contacts: readonly string[]): Promise<Map<string, string>> {
  const takenNames = new Set<string>();
  for (const part of batches(contacts)) {
    const rows = await db
      .selectFrom('accounts')
      .select('username')
      .where('username', 'in', part)
      .execute();
    for (const row of rows) takenNames.add(row.username);
  }
  const chosen = new Map<string, string>();
  const used = new Set<string>();
  for (const contact of contacts) {
    let name = takenNames.has(contact) ? await chooseUsername(db, contact) : contact;
    if (used.has(name)) name = `${contact}-${newId().slice(0, 6)}`;
    used.add(name);
    chosen.set(contact, name);
  }
  return chosen;
}

/** Field rules createAccount applies on top of the CSV rules (email domains, limits, profile). */
function fieldRefusal(
  candidate: ChunkCandidate,
  prepared: PreparedOrganization,
): { refusal: Failure } | { contactType: AccountRow['contact_type']; contact: string } {
  const fields: ValidationFields = {};
  checkName(candidate.firstName, 'First Name', fields, 'firstName');
  checkName(candidate.lastName, 'Last Name', fields, 'lastName');
  const contact = checkContact(candidate.contact, prepared.settings, fields);
  checkLinesAllowed(candidate.linesAllowed, prepared.settings, fields);
  if (candidate.profileRefused)
    fields.permissionProfileId = 'That permission profile is not available in this organization.';
  if (!contact || Object.keys(fields).length > 0) return { refusal: validationFailure(fields) };
  return contact;
}

/**
 * Creates the chunk's accounts (invite is never part of a chunk). A row clashing with a change
 * made at the same moment by another request goes through createAccount on its own.
 */
export async function createChunkAccounts(
  db: Db,
  context: AccountsContext,
  prepared: PreparedOrganization,
  jobId: string,
  applications: Application[],
  candidates: readonly ChunkCandidate[],
): Promise<CandidateOutcome[]> {
  const { organization } = prepared;
  const now = isoNow(context.invitation.now);
  const outcomes = new Array<CandidateOutcome>(candidates.length);
  const checked = candidates.map((candidate) => fieldRefusal(candidate, prepared));
  const contacts = checked.flatMap((c) => ('contact' in c ? [c.contact] : []));
  const { taken, rowOf } = await takenContacts(db, organization.root_id, jobId, contacts);
  const free = await freeNumbers(
    db,
    organization.id,
    candidates.flatMap((c) => (c.number ? [c.number] : [])),
  );
  let capacity: number | null = null;

  const createdOn = new Map<string, number>();
  const takenNumbers = new Set<string>();
  const accepted: { index: number; row: AccountRow }[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const fields = checked[index]!;
    if ('refusal' in fields) {
      outcomes[index] = { created: false, refusal: fields.refusal };
      continue;
    }
    const earlier = createdOn.get(fields.contact);
    if (earlier !== undefined || taken.has(fields.contact)) {
      outcomes[index] = {
        created: false,
        refusal: contactExists(fields.contact),
        earlierRow: earlier ?? rowOf.get(fields.contact),
      };
      continue;
    }
    const number = candidate.number;
    const from = number && !takenNumbers.has(number) ? free.get(number) : undefined;
    if (number && from === undefined) {
      outcomes[index] = { created: false, refusal: numberUnavailable(number) };
      continue;
    }
    if (from === 'available') {
      if (capacity === null) {
        await lockOrganizations(db, [organization.id]);
        capacity = await computeCapacity(db, organization.id);
      }
      if (capacity < 1) {
        outcomes[index] = {
          created: false,
          refusal: notEnoughNumbers(organization.id, 1, capacity),
        };
        continue;
      }
      capacity -= 1;
    }
    if (number) takenNumbers.add(number);
    createdOn.set(fields.contact, candidate.rowNumber);
    accepted.push({
      index,
      row: {
        id: newId(),
        organization_id: organization.id,
        root_organization_id: organization.root_id,
        first_name: candidate.firstName.trim(),
        last_name: candidate.lastName.trim(),
        contact: fields.contact,
        contact_type: fields.contactType,
        username: '',
        applications: JSON.stringify(applications),
        lines_allowed: candidate.linesAllowed,
        permission_profile_id: candidate.permissionProfileId ?? prepared.defaultProfileId,
        number,
        personal_phone: null,
        status: 'not_invited',
        invited_at: null,
        activated_at: null,
        device_id: null,
        created_at: now,
        updated_at: now,
      },
    });
  }

  const usernames = await usernamesFor(
    db,
    accepted.map(({ row }) => row.contact),
  );
  for (const { row } of accepted) row.username = usernames.get(row.contact)!;

  // ON CONFLICT DO NOTHING: a contact or username taken a moment ago by another request must not
  // abort the transaction (PostgreSQL would); those rows are decided again one by one below.
  const inserted = new Set<string>();
  for (const part of batches(accepted)) {
    const rows = await db
      .insertInto('accounts')
      .values(part.map(({ row }) => row))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    for (const row of rows) inserted.add(row.id);
  }
  const written = accepted.filter(({ row }) => inserted.has(row.id));
  const lostNumbers = await assignChunkNumbers(
    db,
    organization.id,
    written.flatMap(({ row }) => (row.number ? [{ number: row.number, accountId: row.id }] : [])),
    context.invitation.now,
  );
  // A number taken by another request between the read and the update: that account goes, as
  // createAccount would remove it, and the row answers NUMBER_UNAVAILABLE.
  const kept = written.filter(({ row }) => !row.number || !lostNumbers.has(row.number));
  const lost = written.filter(({ row }) => row.number && lostNumbers.has(row.number));
  for (const part of batches(lost.map(({ row }) => row.id)))
    await db.deleteFrom('accounts').where('id', 'in', part).execute();
  for (const { index, row } of kept) outcomes[index] = { created: true, accountId: row.id };
  for (const { index, row } of lost)
    outcomes[index] = { created: false, refusal: numberUnavailable(row.number!) };
  await recordAudits(
    db,
    kept.map(({ row }) => ({
      actor: context.actor ? { id: context.actor.id, email: context.actor.email } : null,
      organizationId: organization.id,
      action: 'account.created',
      targetType: 'account',
      targetId: row.id,
      details: { contact: row.contact, username: row.username, number: row.number },
    })),
  );

  // Rows that met a simultaneous change: decided by createAccount, which answers that clash.
  for (const { index } of accepted.filter(({ row }) => !inserted.has(row.id))) {
    const candidate = candidates[index]!;
    const created = await createAccount(
      db,
      context,
      {
        organizationId: organization.id,
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        contact: candidate.contact,
        applications,
        linesAllowed: candidate.linesAllowed,
        permissionProfileId: candidate.permissionProfileId,
        number: candidate.number,
        invite: false,
      },
      prepared,
    );
    outcomes[index] = created.ok
      ? { created: true, accountId: created.value.account.id }
      : { created: false, refusal: created };
  }
  return outcomes;
}
