// Managing administrators: create (and invite), change, delete, resend invitations, reset passwords.
// Nobody grants privileges they do not hold, acts on a colleague holding a privilege they lack, or
// changes their own privileges or deletes themselves.
import type { Kysely } from 'kysely';
import type {
  AdministratorResults,
  CreateAdministrator,
  Privilege,
  UpdateAdministrator,
} from '../../../common/api/administrators';
import type { AdministratorRow, Database } from '../../db/schema';
import { newId } from '../../db/values';
import type { AppDeps } from '../../deps';
import { parsePrivileges, type SignedInAdministrator } from './signed-in-administrator';
import { isPathWithin, organizationInScope, scopeOf } from '../scope';
import { recordAudit } from '../audit/record-audit';
import { revokeAllSessions } from '../auth/sessions';
import { FailureSignal, failure, orThrow, stopWith, success, type Outcome } from '../outcome';
import { mayActOnAdministrator, mayGrant } from './administrator-authority';
import { sendAdministratorInvitation } from './administrator-invitation';

function assertCanGrant(actor: SignedInAdministrator, privileges: Privilege[]): void {
  orThrow(mayGrant(actor.privileges, privileges));
}

/** The other administrator, if the actor may act on them (subtree, then the privilege subset). */
async function colleagueInReach(
  db: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<AdministratorRow> {
  const other = await administratorInScope(db, actor, administratorId);
  if (other.id !== actor.id) {
    orThrow(mayActOnAdministrator(actor.privileges, parsePrivileges(other.privileges)));
  }
  return other;
}

const ownAdministrator = (message: string): FailureSignal =>
  stopWith('CANNOT_CHANGE_OWN_ADMINISTRATOR', message);

export function administratorExists(email: string): FailureSignal {
  return stopWith(
    'ADMINISTRATOR_EXISTS',
    `There is already an administrator with the email address ${email}.`,
    { fields: { email: 'This email address already belongs to an administrator.' } },
  );
}

/** The administrator if they belong to the actor's subtree; 404 otherwise. */
export async function administratorInScope(
  db: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<AdministratorRow> {
  const row = await db
    .selectFrom('administrators as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .selectAll('a')
    .select('o.path')
    .where('a.id', '=', administratorId)
    .executeTakeFirst();
  if (!row || !isPathWithin(row.path, actor.organizationPath))
    throw stopWith('NOT_FOUND', 'That administrator was not found.');
  const { path: _path, ...administrator } = row;
  return administrator;
}

/** Creates and invites an administrator inside `trx` (the caller's transaction). */
export async function createAdministrator(
  deps: AppDeps,
  trx: Kysely<Database>,
  actor: SignedInAdministrator,
  input: CreateAdministrator,
): Promise<AdministratorRow> {
  const organization = orThrow(
    await organizationInScope(trx, scopeOf(actor), input.organizationId),
  );
  assertCanGrant(actor, input.privileges);
  const taken = await trx
    .selectFrom('administrators')
    .select('id')
    .where('email', '=', input.email)
    .executeTakeFirst();
  if (taken) throw administratorExists(input.email);
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
  await trx.insertInto('administrators').values(row).execute();
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
  return row;
}

export async function updateAdministrator(
  deps: AppDeps,
  actor: SignedInAdministrator,
  administratorId: string,
  change: UpdateAdministrator,
): Promise<AdministratorRow> {
  const current = await colleagueInReach(deps.db, actor, administratorId);
  const self = current.id === actor.id;
  if (self && (change.privileges !== undefined || change.organizationId !== undefined)) {
    throw ownAdministrator(
      'You cannot change your own privileges or organization; ask another administrator.',
    );
  }
  if (change.privileges !== undefined) {
    // Only privileges being added need to be held; removing others' extra ones is fine.
    const before = parsePrivileges(current.privileges);
    assertCanGrant(
      actor,
      change.privileges.filter((privilege) => !before.includes(privilege)),
    );
  }
  if (change.organizationId !== undefined) {
    orThrow(await organizationInScope(deps.db, scopeOf(actor), change.organizationId));
  }
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
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
    return updated;
  });
}

export async function deleteAdministrator(
  deps: AppDeps,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<AdministratorRow> {
  const current = await colleagueInReach(deps.db, actor, administratorId);
  if (current.id === actor.id) {
    throw ownAdministrator('You cannot delete yourself; ask another administrator.');
  }
  await deps.db.transaction().execute(async (trx) => {
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
  });
  return current;
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
): Promise<AdministratorResults> {
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
  return { results };
}

/** A resend goes only to a colleague within reach who has not chosen a password yet. */
async function resendableAdministrator(
  trx: Kysely<Database>,
  actor: SignedInAdministrator,
  administratorId: string,
): Promise<Outcome<AdministratorRow>> {
  let administrator: AdministratorRow;
  try {
    administrator = await colleagueInReach(trx, actor, administratorId);
  } catch (error) {
    if (!(error instanceof FailureSignal)) throw error;
    return error.failure;
  }
  if (administrator.password_hash !== null) {
    return failure(
      'NOT_INVITED',
      'This administrator has already chosen a password; reset the password instead.',
    );
  }
  return success(administrator);
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
): Promise<AdministratorRow> {
  const current = await colleagueInReach(trx, actor, administratorId);
  if (current.id === actor.id) {
    throw ownAdministrator('Change your own password instead of resetting it.');
  }
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
  return (
    (await trx
      .selectFrom('administrators')
      .selectAll()
      .where('id', '=', current.id)
      .executeTakeFirst()) ?? updated
  );
}
