// Managing administrators: create (and invite), change, delete, resend invitations, reset passwords.
// Nobody grants privileges they do not hold, acts on a colleague holding a privilege they lack, or
// changes their own privileges or deletes themselves.
import type { Kysely } from 'kysely';
import type {
  Administrator,
  AdministratorResults,
  CreateAdministrator,
  UpdateAdministrator,
} from '../../../common/api/administrators';
import type { AdministratorRow, Database } from '../../db/schema';
import { isUniqueViolation, newId } from '../../db/values';
import type { AppDeps } from '../../deps';
import { parsePrivileges, type SignedInAdministrator } from './signed-in-administrator';
import { isPathWithin, organizationInScope, scopeOf } from '../scope';
import { recordAudit } from '../audit/record-audit';
import { revokeAllSessions } from '../auth/sessions';
import { failure, notFoundFailure, success, type Failure, type Outcome } from '../outcome';
import { mayActOnAdministrator, mayGrant } from './administrator-authority';
import { toAdministrator } from './administrator-view';
import { sendAdministratorInvitation } from './administrator-invitation';

/** The other administrator, if the actor may act on them (subtree, then the privilege subset). */
async function colleagueInReach(
  db: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<Outcome<AdministratorRow>> {
  const found = await administratorInScope(db, actor, administratorId);
  if (!found.ok || found.value.id === actor.id) return found;
  const allowed = mayActOnAdministrator(actor.privileges, parsePrivileges(found.value.privileges));
  return allowed.ok ? found : allowed;
}

const ownAdministrator = (message: string): Failure =>
  failure('CANNOT_CHANGE_OWN_ADMINISTRATOR', message);

/**
 * A colleague in reach who is not the actor: some actions (delete, reset the password) are never
 * done to oneself, and `ownMessage` says what to do instead.
 */
async function otherColleagueInReach(
  db: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
  ownMessage: string,
): Promise<Outcome<AdministratorRow>> {
  const reach = await colleagueInReach(db, actor, administratorId);
  if (reach.ok && reach.value.id === actor.id) return ownAdministrator(ownMessage);
  return reach;
}

function administratorExists(email: string): Failure {
  return failure(
    'ADMINISTRATOR_EXISTS',
    `There is already an administrator with the email address ${email}.`,
    { fields: { email: 'This email address already belongs to an administrator.' } },
  );
}

/** The administrator if they belong to the actor's subtree; NOT_FOUND otherwise. */
async function administratorInScope(
  db: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<Outcome<AdministratorRow>> {
  const row = await db
    .selectFrom('administrators as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .selectAll('a')
    .select('o.path')
    .where('a.id', '=', administratorId)
    .executeTakeFirst();
  if (!row || !isPathWithin(row.path, actor.organizationPath)) {
    return notFoundFailure('That administrator');
  }
  const { path: _path, ...administrator } = row;
  return success(administrator);
}

/** Creates and invites an administrator. Call inside a transaction (inTransaction). */
export async function createAdministrator(
  deps: AppDeps,
  trx: Kysely<Database>,
  actor: SignedInAdministrator,
  input: CreateAdministrator,
): Promise<Outcome<Administrator>> {
  const found = await organizationInScope(trx, scopeOf(actor), input.organizationId);
  if (!found.ok) return found;
  const organization = found.value;
  const grant = mayGrant(actor.privileges, input.privileges);
  if (!grant.ok) return grant;
  const taken = await trx
    .selectFrom('administrators')
    .select('id')
    .where('email', '=', input.email)
    .executeTakeFirst();
  if (taken) return administratorExists(input.email);
  const now = deps.now().toISOString();
  const row: AdministratorRow = {
    id: newId(),
    organization_id: organization.id,
    email: input.email,
    name: input.name,
    privileges: JSON.stringify(input.privileges),
    password_hash: null,
    password_change_required: 1,
    status: 'invited',
    invited_at: now,
    created_at: now,
    updated_at: now,
  };
  try {
    await trx.insertInto('administrators').values(row).execute();
  } catch (error) {
    // Two identical invitations at the same moment: the second meets the unique email.
    if (isUniqueViolation(error, 'email')) return administratorExists(input.email);
    throw error;
  }
  await sendAdministratorInvitation(deps, trx, row);
  await recordAudit(trx, {
    actor,
    organizationId: organization.id,
    action: 'administrator.invited',
    targetType: 'administrator',
    targetId: row.id,
    details: { email: row.email, privileges: input.privileges },
    at: deps.now(),
  });
  return success(toAdministrator(row));
}

/** Changes a colleague's name, privileges or organization. Call inside a transaction. */
export async function updateAdministrator(
  deps: AppDeps,
  trx: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
  change: UpdateAdministrator,
): Promise<Outcome<Administrator>> {
  const reach = await colleagueInReach(trx, actor, administratorId);
  if (!reach.ok) return reach;
  const current = reach.value;
  const self = current.id === actor.id;
  if (self && (change.privileges !== undefined || change.organizationId !== undefined)) {
    return ownAdministrator(
      'You cannot change your own privileges or organization; ask another administrator.',
    );
  }
  if (change.privileges !== undefined) {
    // Only privileges being added need to be held; removing others' extra ones is fine.
    const before = parsePrivileges(current.privileges);
    const grant = mayGrant(
      actor.privileges,
      change.privileges.filter((privilege) => !before.includes(privilege)),
    );
    if (!grant.ok) return grant;
  }
  if (change.organizationId !== undefined) {
    const target = await organizationInScope(trx, scopeOf(actor), change.organizationId);
    if (!target.ok) return target;
  }
  const now = deps.now();
  const updated = await trx
    .updateTable('administrators')
    .set({
      ...(change.name !== undefined && { name: change.name }),
      ...(change.privileges !== undefined && { privileges: JSON.stringify(change.privileges) }),
      ...(change.organizationId !== undefined && { organization_id: change.organizationId }),
      updated_at: now.toISOString(),
    })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor,
    organizationId: updated.organization_id,
    action: 'administrator.changed',
    targetType: 'administrator',
    targetId: updated.id,
    details: { ...change },
    at: now,
  });
  return success(toAdministrator(updated));
}

/** Deletes a colleague (answers the deleted administrator). Call inside a transaction. */
export async function deleteAdministrator(
  deps: AppDeps,
  trx: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<Outcome<Administrator>> {
  const reach = await otherColleagueInReach(
    trx,
    actor,
    administratorId,
    'You cannot delete yourself; ask another administrator.',
  );
  if (!reach.ok) return reach;
  const current = reach.value;
  await trx.deleteFrom('administrators').where('id', '=', current.id).execute();
  await recordAudit(trx, {
    actor,
    organizationId: current.organization_id,
    action: 'administrator.deleted',
    targetType: 'administrator',
    targetId: current.id,
    details: { email: current.email },
    at: deps.now(),
  });
  return success(toAdministrator(current));
}

/**
 * New temporary password for each administrator, in the caller's transaction (so a retried
 * request with its Idempotency-Key sends nothing twice); ids outside the subtree answer NOT_FOUND.
 */
export async function resendAdministratorInvitations(
  deps: AppDeps,
  trx: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorIds: string[],
): Promise<Outcome<AdministratorResults>> {
  const results: AdministratorResults['results'] = [];
  for (const administratorId of [...new Set(administratorIds)]) {
    // Every refusal is decided before any write, so the transaction stays usable.
    const reach = await resendableAdministrator(trx, actor, administratorId);
    if (!reach.ok) {
      results.push({
        administratorId,
        ok: false,
        error: { code: reach.code, message: reach.message },
      });
      continue;
    }
    const administrator = reach.value;
    await sendAdministratorInvitation(deps, trx, administrator);
    await recordAudit(trx, {
      actor,
      organizationId: administrator.organization_id,
      action: 'administrator.invitation_resent',
      targetType: 'administrator',
      targetId: administrator.id,
      at: deps.now(),
    });
    results.push({ administratorId, ok: true });
  }
  return success({ results });
}

/** A resend goes only to a colleague within reach who has not chosen a password yet. */
async function resendableAdministrator(
  trx: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<Outcome<AdministratorRow>> {
  const reach = await colleagueInReach(trx, actor, administratorId);
  if (!reach.ok) return reach;
  if (reach.value.password_hash !== null) {
    return failure(
      'NOT_INVITED',
      'This administrator has already chosen a password; reset the password instead.',
    );
  }
  return reach;
}

/**
 * Forgotten password: the old password and every session end at once, and a new temporary
 * password is sent the same way as an invitation (in the caller's transaction).
 */
export async function resetAdministratorPassword(
  deps: AppDeps,
  trx: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<Outcome<Administrator>> {
  const reach = await otherColleagueInReach(
    trx,
    actor,
    administratorId,
    'To change your own password, use Change password in your account menu.',
  );
  if (!reach.ok) return reach;
  const current = reach.value;
  const now = deps.now();
  const updated = await trx
    .updateTable('administrators')
    .set({
      password_hash: null,
      password_change_required: 1,
      status: 'invited',
      updated_at: now.toISOString(),
    })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await revokeAllSessions(trx, current.id, now);
  await sendAdministratorInvitation(deps, trx, updated);
  await recordAudit(trx, {
    actor,
    organizationId: current.organization_id,
    action: 'administrator.password_reset',
    targetType: 'administrator',
    targetId: current.id,
    at: now,
  });
  return success(
    toAdministrator(
      (await trx
        .selectFrom('administrators')
        .selectAll()
        .where('id', '=', current.id)
        .executeTakeFirst()) ?? updated,
    ),
  );
}
