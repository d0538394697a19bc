// Who may act on another administrator: the Administrators privilege (checked by the route) and
// every privilege of the other held by the actor too, so nobody gains power through a colleague.
import {
  privilegeLabels,
  privilegesBeyond,
  type Privilege,
} from '../../../common/api/administrators';
import { failure, success, type Outcome } from '../outcome';

/** FORBIDDEN unless the actor holds every privilege of the other administrator. */
export function mayActOnAdministrator(
  actor: readonly Privilege[],
  target: readonly Privilege[],
): Outcome<void> {
  const beyond = privilegesBeyond(actor, target);
  if (beyond.length === 0) return success(undefined);
  return failure(
    'FORBIDDEN',
    `This administrator holds the ${beyond.map((p) => privilegeLabels[p]).join(', ')} privilege${beyond.length > 1 ? 's' : ''}, which you do not have.`,
  );
}

/** FORBIDDEN when granting a privilege the actor does not hold. */
export function mayGrant(
  actor: readonly Privilege[],
  granted: readonly Privilege[],
): Outcome<void> {
  if (privilegesBeyond(actor, granted).length === 0) return success(undefined);
  return failure('FORBIDDEN', 'You cannot give privileges you do not have yourself.');
}
