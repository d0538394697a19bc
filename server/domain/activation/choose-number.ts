// Second step of activation for an account invited without a number: the device picks one of its
// organization's Available numbers with the activation token. Taking the number and using the
// token are conditional updates in one transaction, so two devices can never get the same number.
import type { Kysely } from 'kysely';
import type { ActivationNumberBody, ActivationNumberResult } from '../../../common/api/activation';
import type { Database } from '../../db/schema';
import { isoNow } from '../../db/values';
import { freeNumberState, numberUnavailable, takeNumber } from '../numbers/assign-number';
import { lockOrganizations } from '../organization-context';
import { failure, success, type Outcome } from '../outcome';
import { hashActivationToken } from './activate-account';
import { markActivated } from './mark-activated';

const tokenNotValid = () =>
  failure(
    'INVALID_INVITATION',
    'This activation has expired or is already complete. Sign in again with your invitation.',
  );

export async function chooseActivationNumber(
  trx: Kysely<Database>,
  now: Date,
  body: ActivationNumberBody,
): Promise<Outcome<ActivationNumberResult>> {
  const at = isoNow(now);
  const token = await trx
    .selectFrom('activation_tokens')
    .selectAll()
    .where('token_hash', '=', hashActivationToken(body.activationToken))
    .executeTakeFirst();
  if (!token || token.used_at !== null || token.expires_at <= at) return tokenNotValid();
  const account = await trx
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', token.account_id)
    .executeTakeFirst();
  if (!account || account.status === 'suspended') return tokenNotValid();
  if (account.number !== null) {
    return failure('CONFLICT', 'This account already has a number; activate it again.');
  }

  await lockOrganizations(trx, [account.organization_id]);
  // Only Available numbers are offered; Reserved ones are assigned by an administrator.
  if ((await freeNumberState(trx, body.number, account.organization_id)) !== 'available') {
    return numberUnavailable(body.number);
  }
  const used = await trx
    .updateTable('activation_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', token.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return tokenNotValid();
  const took = await takeNumber(trx, {
    number: body.number,
    organizationId: account.organization_id,
    accountId: account.id,
    state: 'registered',
    now,
  });
  if (!took.ok) return took;
  await markActivated(trx, account, body.number, now, { chosenAtActivation: true });
  return success({ accountId: account.id, number: body.number });
}
