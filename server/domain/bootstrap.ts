// First start on an empty database: the root organization and the bootstrap administrator
// (all privileges) from LINEDESK_ADMIN_EMAIL / LINEDESK_ADMIN_PASSWORD, or a generated password.
import { privileges } from '../../common/api/administrators';
import type { AppDeps } from './../deps';
import { isUniqueViolation, newId } from '../db/values';
import { recordAudit } from './audit/record-audit';
import { hashAdministratorPassword } from './auth/passwords';
import { generateInvitationPassword } from './invitations/password';
import { createOrganization } from './organizations/create-organization';
import { success } from './outcome';
import { inTransaction } from './transaction';

export const defaultBootstrapEmail = 'admin@linedesk.local';

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; organizationId: string; generatedPassword: string | null };

/** Creates the root organization and first administrator when there is no administrator yet. */
export async function ensureBootstrapAdministrator(deps: AppDeps): Promise<BootstrapResult> {
  const existing = await deps.db.selectFrom('administrators').select('id').limit(1).execute();
  if (existing.length > 0) return { created: false };
  const email = deps.config.adminEmail ?? defaultBootstrapEmail;
  const generatedPassword = deps.config.adminPassword ? null : generateInvitationPassword(16);
  const passwordHash = await hashAdministratorPassword(
    deps.config.adminPassword ?? generatedPassword ?? '',
  );
  const now = deps.now();
  try {
    const bootstrapped = await inTransaction(deps.db, async (trx) => {
      const existingRoot = await trx
        .selectFrom('organizations')
        .selectAll()
        .where('parent_id', 'is', null)
        .orderBy('created_at')
        .executeTakeFirst();
      const created = existingRoot
        ? success(existingRoot)
        : await createOrganization(trx, {
            name: deps.config.rootOrganizationName,
            parent: null,
            now,
          });
      if (!created.ok) return created;
      const root = created.value;
      const id = newId();
      await trx
        .insertInto('administrators')
        .values({
          id,
          organization_id: root.id,
          email,
          name: 'Administrator',
          privileges: JSON.stringify(privileges),
          password_hash: passwordHash,
          // A generated password was printed on a console: it must be replaced at first sign-in.
          password_change_required: generatedPassword ? 1 : 0,
          status: 'active',
          invited_at: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      await recordAudit(trx, {
        actor: null,
        organizationId: root.id,
        action: 'administrator.bootstrapped',
        targetType: 'administrator',
        targetId: id,
        details: { email },
        at: now,
      });
      return success(root.id);
    });
    // A root of the same name refused: another instance bootstrapped at the same moment.
    if (!bootstrapped.ok) return { created: false };
    return { created: true, email, organizationId: bootstrapped.value, generatedPassword };
  } catch (error) {
    // Another instance bootstrapped at the same moment.
    if (isUniqueViolation(error)) return { created: false };
    throw error;
  }
}
