// Editing an account: names, contact (still unique in the tenant), lines allowed, permission profile
// and its number (before activation only), under the same capacity rule as creating.
import type { Account, PatchAccountBody } from '../../../common/api/accounts';
import type { ValidationFields } from '../../../common/errors';
import type { AccountUpdate } from '../../db/schema';
import { isoNow } from '../../db/values';
import { computeCapacity, countsAgainstCapacity } from '../capacity';
import { recordAudit } from '../audit/record-audit';
import {
  freeNumberState,
  numberUnavailable,
  releaseNumber,
  takeNumber,
} from '../numbers/assign-number';
import {
  findVisibleProfile,
  lockOrganizations,
  settingsFor,
  type Db,
} from '../organization-context';
import { failure, notFoundFailure, success, type Outcome } from '../outcome';
import { accountsInScope, type AccountsContext } from './account-context';
import {
  checkContact,
  checkLinesAllowed,
  checkName,
  contactExists,
  notEnoughNumbers,
  validationFailure,
} from './account-rules';
import { toAccount } from './account-view';

const numberChangeableIn = new Set(['not_invited', 'invited', 'invitation_failed']);

/** Applies a PATCH. Call inside a transaction that rolls back on a Failure (see inTransaction). */
export async function updateAccount(
  db: Db,
  context: AccountsContext,
  accountId: string,
  patch: PatchAccountBody,
): Promise<Outcome<Account>> {
  const account = (await accountsInScope(db, context.scope, [accountId])).get(accountId);
  if (!account) return notFoundFailure('That account');
  const organization = { path: account.organization_path };
  const settings = await settingsFor(db, organization);
  const now = context.invitation.now;
  const fields: ValidationFields = {};
  const changes: AccountUpdate = {};

  if (patch.firstName !== undefined)
    changes.first_name = checkName(patch.firstName, 'First Name', fields, 'firstName');
  if (patch.lastName !== undefined)
    changes.last_name = checkName(patch.lastName, 'Last Name', fields, 'lastName');
  if (patch.linesAllowed !== undefined) {
    checkLinesAllowed(patch.linesAllowed, settings, fields);
    changes.lines_allowed = patch.linesAllowed;
  }
  if (patch.permissionProfileId !== undefined) {
    const profile = await findVisibleProfile(db, organization, patch.permissionProfileId);
    if (profile) changes.permission_profile_id = profile.id;
    else
      fields.permissionProfileId = 'That permission profile is not available in this organization.';
  }
  if (patch.contact !== undefined) {
    const contact = checkContact(patch.contact, settings, fields);
    if (contact && contact.contact !== account.contact) {
      const taken = await db
        .selectFrom('accounts')
        .select('id')
        .where('root_organization_id', '=', account.root_organization_id)
        .where('contact', '=', contact.contact)
        .where('id', '<>', account.id)
        .executeTakeFirst();
      if (taken) return contactExists(contact.contact);
      changes.contact = contact.contact;
      changes.contact_type = contact.contactType;
    }
  }
  if (Object.keys(fields).length > 0) return validationFailure(fields);

  const newNumber = patch.number === undefined ? account.number : patch.number;
  if (newNumber !== account.number) {
    if (!numberChangeableIn.has(account.status)) {
      return failure(
        'CONFLICT',
        'The number of an activated or suspended account cannot be changed.',
      );
    }
    const from = newNumber ? await freeNumberState(db, newNumber, account.organization_id) : null;
    if (newNumber && from === null) return numberUnavailable(newNumber);
    // Capacity change: the new number may leave the Available pool, the old one returns to it,
    // and the account may start or stop waiting for a number at onboarding.
    const before = countsAgainstCapacity(account) ? 1 : 0;
    const after = countsAgainstCapacity({ ...account, number: newNumber }) ? 1 : 0;
    const cost = (from === 'available' ? 1 : 0) - (account.number ? 1 : 0) + (after - before);
    if (cost > 0) {
      await lockOrganizations(db, [account.organization_id]);
      const capacity = await computeCapacity(db, account.organization_id);
      if (capacity < cost) return notEnoughNumbers(account.organization_id, cost, capacity);
    }
    if (account.number) await releaseNumber(db, account.number, 'release', now);
    if (newNumber) {
      const took = await takeNumber(db, {
        number: newNumber,
        organizationId: account.organization_id,
        accountId: account.id,
        state: 'assigned',
        now,
      });
      if (!took.ok) return took;
    }
    changes.number = newNumber;
  }

  if (Object.keys(changes).length === 0) return success(toAccount(account));
  changes.updated_at = isoNow(now);
  await db.updateTable('accounts').set(changes).where('id', '=', account.id).execute();
  await recordAudit(db, {
    actor: context.actor,
    action: 'account.updated',
    targetType: 'account',
    targetId: account.id,
    organizationId: account.organization_id,
    details: { changed: Object.keys(changes).filter((key) => key !== 'updated_at') },
  });
  const { organization_path: _path, ...row } = account;
  return success(toAccount({ ...row, ...changes }));
}
