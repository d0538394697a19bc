// Creating an account (the single form, Save & Invite, and every import row): rules, unique contact
// per tenant, a service-wide username, an optional Available/Reserved number, and the capacity rule.
import type { Account, Application } from '../../../common/api/accounts';
import type { ValidationFields } from '../../../common/errors';
import type { AccountRow, OrganizationRow } from '../../db/schema';
import { isoNow, newId } from '../../db/values';
import { computeCapacity } from '../capacity';
import { recordAudit } from '../audit/record-audit';
import {
  issueAccountInvitation,
  type InvitationLookups,
  type IssuedInvitation,
} from '../invitations/issue-invitation';
import { freeNumberState, numberUnavailable, takeNumber } from '../numbers/assign-number';
import {
  defaultProfileFor,
  findVisibleProfile,
  lockOrganizations,
  settingsFor,
  type Db,
  type OrganizationSettings,
} from '../organization-context';
import { organizationInScope } from '../scope';
import { success, type Outcome } from '../outcome';
import type { AccountsContext } from './account-context';
import {
  checkContact,
  checkLinesAllowed,
  checkName,
  contactExists,
  notEnoughNumbers,
  validationFailure,
} from './account-rules';
import { toAccount } from './account-view';
import { chooseUsername } from './usernames';

export interface CreateAccountInput {
  organizationId: string;
  firstName: string;
  lastName: string;
  /** Raw "Email or Device #"; normalised here. */
  contact: string;
  applications?: Application[];
  linesAllowed?: number;
  /** null/undefined = the organization's default profile. */
  permissionProfileId?: string | null;
  /** E.164 of an Available or Reserved number of the organization. */
  number?: string | null;
  invite?: boolean;
}

/** Organization facts looked up once and reused for many rows (the import wizard). */
export interface PreparedOrganization {
  organization: OrganizationRow;
  settings: OrganizationSettings;
  defaultProfileId: string | null;
  /** Invitation settings and template, filled on first use. */
  lookups: InvitationLookups;
}

export async function prepareOrganization(
  db: Db,
  context: Pick<AccountsContext, 'scope'>,
  organizationId: string,
): Promise<Outcome<PreparedOrganization>> {
  const organizationFound = await organizationInScope(db, context.scope, organizationId);
  if (!organizationFound.ok) return organizationFound;
  const organization = organizationFound.value;
  return success({
    organization,
    settings: await settingsFor(db, organization),
    defaultProfileId: await defaultProfileFor(db, organization),
    lookups: new Map(),
  });
}

export interface CreatedAccount {
  account: Account;
  row: AccountRow;
  invitation: IssuedInvitation | null;
}

/**
 * Creates one account. Never leaves a change behind when it answers a Failure, so the import
 * wizard may call it row after row in one transaction. Failures: 404 NOT_FOUND (organization),
 * 422 VALIDATION_FAILED (details.fields), 409 CONTACT_EXISTS, NUMBER_UNAVAILABLE, NOT_ENOUGH_NUMBERS.
 */
export async function createAccount(
  db: Db,
  context: AccountsContext,
  input: CreateAccountInput,
  prepared?: PreparedOrganization,
): Promise<Outcome<CreatedAccount>> {
  let facts = prepared;
  if (!facts) {
    const found = await prepareOrganization(db, context, input.organizationId);
    if (!found.ok) return found;
    facts = found.value;
  }
  const { organization, settings } = facts;
  const now = context.invitation.now;

  const fields: ValidationFields = {};
  const firstName = checkName(input.firstName, 'First Name', fields, 'firstName');
  const lastName = checkName(input.lastName, 'Last Name', fields, 'lastName');
  const contact = checkContact(input.contact, settings, fields);
  const linesAllowed = input.linesAllowed ?? 1;
  checkLinesAllowed(linesAllowed, settings, fields);
  let profileId = facts.defaultProfileId;
  if (input.permissionProfileId) {
    const profile = await findVisibleProfile(db, organization, input.permissionProfileId);
    if (profile) profileId = profile.id;
    else
      fields.permissionProfileId = 'That permission profile is not available in this organization.';
  }
  if (!contact || Object.keys(fields).length > 0) return validationFailure(fields);

  const taken = await db
    .selectFrom('accounts')
    .select('id')
    .where('root_organization_id', '=', organization.root_id)
    .where('contact', '=', contact.contact)
    .executeTakeFirst();
  if (taken) return contactExists(contact.contact);

  const number = input.number ?? null;
  const invite = input.invite ?? false;
  const numberFrom = number ? await freeNumberState(db, number, organization.id) : null;
  if (number && numberFrom === null) return numberUnavailable(number);
  // An Available number or an invitation without a number each use one unit of capacity.
  const cost = (numberFrom === 'available' ? 1 : 0) + (invite && !number ? 1 : 0);
  if (cost > 0) {
    await lockOrganizations(db, [organization.id]);
    const capacity = await computeCapacity(db, organization.id);
    if (capacity < cost) return notEnoughNumbers(organization.id, cost, capacity);
  }

  const row: AccountRow = {
    id: newId(),
    organization_id: organization.id,
    root_organization_id: organization.root_id,
    first_name: firstName,
    last_name: lastName,
    contact: contact.contact,
    contact_type: contact.contactType,
    username: await chooseUsername(db, contact.contact),
    applications: JSON.stringify(input.applications ?? ['MultiLine']),
    lines_allowed: linesAllowed,
    permission_profile_id: profileId,
    number: null,
    personal_phone: null,
    status: invite ? 'invited' : 'not_invited',
    invited_at: invite ? isoNow(now) : null,
    activated_at: null,
    device_id: null,
    created_at: isoNow(now),
    updated_at: isoNow(now),
  };
  // ON CONFLICT DO NOTHING: a contact or username taken a moment ago must not abort the caller's
  // transaction (PostgreSQL would), it is answered as an outcome instead.
  const inserted = await db
    .insertInto('accounts')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    const clash = await db
      .selectFrom('accounts')
      .select('id')
      .where('root_organization_id', '=', organization.root_id)
      .where('contact', '=', contact.contact)
      .executeTakeFirst();
    if (clash) return contactExists(contact.contact);
    row.username = `${contact.contact}-${row.id.slice(0, 6)}`;
    await db.insertInto('accounts').values(row).execute();
  }

  if (number) {
    const took = await takeNumber(db, {
      number,
      organizationId: organization.id,
      accountId: row.id,
      state: 'assigned',
      now,
    });
    if (!took.ok) {
      await db.deleteFrom('accounts').where('id', '=', row.id).execute();
      return took;
    }
    row.number = number;
    await db.updateTable('accounts').set({ number }).where('id', '=', row.id).execute();
  }

  const invitation = invite
    ? await issueAccountInvitation(db, context.invitation, row, organization, facts.lookups)
    : null;
  await recordAudit(db, {
    actor: context.actor,
    action: invite ? 'account.created_and_invited' : 'account.created',
    targetType: 'account',
    targetId: row.id,
    organizationId: organization.id,
    details: { contact: row.contact, username: row.username, number: row.number },
  });
  return success({ account: toAccount(row), row, invitation });
}
