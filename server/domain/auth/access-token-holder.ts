// Who presents an access token: its signature and expiry checked, then its session still live
// (not revoked, not past its maximum age) and its administrator still there.
import { isSet } from '../../db/values';
import type { AppDeps } from '../../deps';
import {
  parsePrivileges,
  type SignedInAdministrator,
} from '../administrators/signed-in-administrator';
import { verifyAccessToken } from './access-token';
import { sessionStartedAfter } from './session-limits';

/** The administrator of a valid access token with a live session, or null. */
export async function administratorFromToken(
  deps: AppDeps,
  token: string,
): Promise<SignedInAdministrator | null> {
  const now = deps.now();
  const claims = await verifyAccessToken(deps.secrets.accessTokenKeys, token, now);
  if (!claims) return null;
  const row = await deps.db
    .selectFrom('administrators as a')
    .innerJoin('auth_sessions as s', 's.administrator_id', 'a.id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.email',
      'a.name',
      'a.organization_id',
      'a.privileges',
      'a.password_change_required',
      'o.path',
      'o.root_id',
      's.id as session_id',
    ])
    .where('a.id', '=', claims.sub)
    .where('s.id', '=', claims.sid)
    .where('s.revoked_at', 'is', null)
    // A session past its maximum age has ended, whatever its tokens say.
    .where('s.created_at', '>', sessionStartedAfter(deps.config, now).toISOString())
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organizationId: row.organization_id,
    organizationPath: row.path,
    rootOrganizationId: row.root_id,
    privileges: parsePrivileges(row.privileges),
    sessionId: row.session_id,
    passwordChangeRequired: isSet(row.password_change_required),
  };
}
