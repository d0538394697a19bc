// Bearer-token authentication and privilege checks for routes:
//   { onRequest: authenticate }                   any signed-in administrator
//   { onRequest: requirePrivilege('accounts') }  also needs that privilege (403 FORBIDDEN)
// then `signedIn(request)` gives the administrator.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { privilegeLabels, type Privilege } from '../../common/api/administrators';
import { isSet } from '../db/values';
import { verifyAccessToken } from '../domain/auth/access-token';
import { sessionStartedAfter } from '../domain/auth/session-limits';
import type { AppDeps } from '../deps';
import {
  parsePrivileges,
  type SignedInAdministrator,
} from '../domain/administrators/signed-in-administrator';
import { AppError, forbidden, unauthorized } from './errors';

export type { SignedInAdministrator };
export { parsePrivileges };

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    administrator: SignedInAdministrator | null;
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Resolves the bearer token to an administrator with a live session, or null. */
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

/** onRequest hook: 401 UNAUTHORIZED unless a valid access token of a live session is presented. */
export async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = bearerToken(request);
  if (!token) throw unauthorized('Sign in to continue: this needs an access token.');
  const administrator = await administratorFromToken(request.server.deps, token);
  if (!administrator) {
    throw unauthorized('Your session has ended or the access token is not valid. Sign in again.');
  }
  request.administrator = administrator;
}

/** onRequest hook factory: authenticates, then 403 FORBIDDEN unless every named privilege is held. */
export function requirePrivilege(...needed: Privilege[]) {
  return async function requirePrivilegeHandler(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    await authenticate(request, reply);
    const held = request.administrator?.privileges ?? [];
    const missing = needed.filter((privilege) => !held.includes(privilege));
    if (missing.length > 0) {
      throw forbidden(
        `This needs the ${missing.map((privilege) => privilegeLabels[privilege]).join(' and ')} privilege.`,
      );
    }
  };
}

/** The administrator set by `authenticate`; a route without it is a programming error → 401. */
export function signedIn(request: FastifyRequest): SignedInAdministrator {
  if (!request.administrator) throw unauthorized();
  return request.administrator;
}

/** Throws 403 unless the administrator holds the privilege (for checks inside a handler). */
export function assertPrivilege(administrator: SignedInAdministrator, privilege: Privilege): void {
  if (!administrator.privileges.includes(privilege)) {
    throw new AppError('FORBIDDEN', `This needs the ${privilegeLabels[privilege]} privilege.`);
  }
}
