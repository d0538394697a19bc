// Device-side activation with the invitation's username and one-time password: binds the personal
// phone and device, and either activates with the account's number (→ Registered) or hands back a
// short-lived activation token and the organization's Available numbers to choose from.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ActivationBody, ActivationResult } from '../../../common/api/activation';
import { INVITATION_USED_MESSAGE } from '../../../common/api/activation';
import { normaliseDeviceNumber } from '../../../common/contact';
import type { AccountRow, Database, InvitationRow } from '../../db/schema';
import { isoNow } from '../../db/values';
import { verifyInvitationPassword } from '../invitations/password';
import { settingsFor } from '../organization-context';
import { failure, success, type Failure, type Outcome } from '../outcome';
import { markActivated } from './mark-activated';

/** How long a device may take to choose its number after signing in. */
export const ACTIVATION_TOKEN_MINUTES = 30;
/** Most numbers offered to choose from. */
export const CHOOSE_FROM_LIMIT = 50;

export const invalidInvitation = (): Failure =>
  failure(
    'INVALID_INVITATION',
    'The username or password is not valid. Check the invitation, or ask your administrator to resend it.',
  );

export const hashActivationToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export interface ActivationContext {
  secret: Buffer | string;
  /** Keys of secrets still accepted during a LINEDESK_SECRET rotation. */
  acceptedSecrets?: readonly (Buffer | string)[];
  now: Date;
}

/** The account and its current (not superseded) invitation, when the password matches it. */
export async function findInvitation(
  db: Kysely<Database>,
  context: ActivationContext,
  username: string,
  password: string,
): Promise<{ account: AccountRow; invitation: InvitationRow } | null> {
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  if (!account) return null;
  const invitation = await db
    .selectFrom('invitations')
    .selectAll()
    .where('account_id', '=', account.id)
    .where('superseded_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const keys = [context.secret, ...(context.acceptedSecrets ?? [])];
  if (
    !invitation ||
    !keys.some((key) => verifyInvitationPassword(password, invitation.password_hash, key))
  ) {
    return null;
  }
  return { account, invitation };
}

/**
 * Activates (in `trx`). Failures: 401 INVALID_INVITATION (wrong username/password — the caller
 * counts it for the rate limit), 410 INVITATION_EXPIRED, 409 INVITATION_USED (single-use
 * organizations), 403 FORBIDDEN (suspended), 422 VALIDATION_FAILED (personal phone).
 */
export async function activateAccount(
  trx: Kysely<Database>,
  context: ActivationContext,
  body: ActivationBody,
): Promise<Outcome<ActivationResult>> {
  const found = await findInvitation(trx, context, body.username, body.password);
  if (!found) return invalidInvitation();
  const { account, invitation } = found;
  const now = isoNow(context.now);
  if (invitation.expires_at <= now) {
    return failure(
      'INVITATION_EXPIRED',
      'This invitation has expired. Ask your administrator to resend it.',
    );
  }
  if (account.status === 'suspended') {
    return failure('FORBIDDEN', 'This account is suspended. Contact your administrator.');
  }
  const phone = normaliseDeviceNumber(body.personalPhone);
  if (!phone.ok) {
    return failure('VALIDATION_FAILED', 'Some fields need attention.', {
      fields: { personalPhone: phone.message },
    });
  }
  const organization = await trx
    .selectFrom('organizations')
    .select(['id', 'path'])
    .where('id', '=', account.organization_id)
    .executeTakeFirstOrThrow();
  const settings = await settingsFor(trx, organization);
  // One conditional UPDATE: of two devices racing with a single-use invitation, one wins.
  const firstUse = await trx
    .updateTable('invitations')
    .set({ used_at: now })
    .where('id', '=', invitation.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(firstUse.numUpdatedRows) === 0 && settings.singleUseInvitations) {
    return failure('INVITATION_USED', INVITATION_USED_MESSAGE);
  }

  await trx
    .updateTable('accounts')
    .set({ personal_phone: phone.number, device_id: body.deviceId, updated_at: now })
    .where('id', '=', account.id)
    .execute();

  if (account.number !== null) {
    await trx
      .updateTable('numbers')
      .set({ state: 'registered', updated_at: now })
      .where('number', '=', account.number)
      .where('account_id', '=', account.id)
      .execute();
    await markActivated(trx, account, account.number, context.now, { deviceId: body.deviceId });
    return success({ accountId: account.id, number: account.number });
  }

  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('activation_tokens')
    .values({
      token_hash: hashActivationToken(token),
      account_id: account.id,
      expires_at: isoNow(new Date(context.now.getTime() + ACTIVATION_TOKEN_MINUTES * 60_000)),
      used_at: null,
      created_at: now,
    })
    .execute();
  const available = await trx
    .selectFrom('numbers')
    .select('number')
    .where('organization_id', '=', account.organization_id)
    .where('state', '=', 'available')
    .orderBy('number')
    .limit(CHOOSE_FROM_LIMIT)
    .execute();
  return success({
    accountId: account.id,
    number: null,
    activationToken: token,
    chooseFrom: available.map((row) => row.number),
  });
}
