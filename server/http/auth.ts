// Bearer-token authentication and privilege checks for routes:
//   { onRequest: authenticate }                   any signed-in administrator
//   { onRequest: requirePrivilege('accounts') }  also needs that privilege (403 FORBIDDEN)
// then `signedIn(request)` gives the administrator.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { privilegeLabels, type Privilege } from '../../common/api/administrators';
import { administratorFromToken } from '../domain/auth/access-token-holder';
import type { AppDeps } from '../deps';
import {
  parsePrivileges,
  type SignedInAdministrator,
} from '../domain/administrators/signed-in-administrator';
import { forbidden, unauthorized } from './errors';

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
