// A device activating with its invitation, under the attempt limits: failed activations are
// counted per username and per address (TOO_MANY_ATTEMPTS beyond them); only a wrong invitation
// password keeps its count.
import type { ActivationBody, ActivationResult } from '../../../common/api/activation';
import type { AppDeps } from '../../deps';
import {
  activationPerAddress,
  activationPerUsername,
  reserveAttempt,
} from '../auth/attempt-limits';
import type { Outcome } from '../outcome';
import { inTransaction } from '../transaction';
import { activateAccount } from './activate-account';

/** Activates the account of the invitation in one transaction, counting the attempt first. */
export async function activateWithLimits(
  deps: AppDeps,
  body: ActivationBody,
  address: string,
): Promise<Outcome<ActivationResult>> {
  const username = body.username.trim().toLowerCase();
  // Counted before the password is checked; anything but a wrong password takes it back.
  const attempt = await reserveAttempt(deps, [
    [activationPerAddress, address],
    [activationPerUsername, username],
  ]);
  if (!attempt.ok) return attempt;
  const outcome = await inTransaction(deps.db, (trx) =>
    activateAccount(
      trx,
      {
        secret: deps.secrets.invitationKey,
        acceptedSecrets: deps.secrets.acceptedInvitationKeys,
        now: deps.now(),
      },
      body,
    ),
  );
  if (outcome.ok || outcome.code !== 'INVALID_INVITATION') await attempt.value.release();
  return outcome;
}
