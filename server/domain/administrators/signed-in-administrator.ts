// The administrator a request acts for, as the domain sees them (the HTTP layer fills it from the
// access token), and the stored privileges list read back.
import { privileges, type Privilege } from '../../../common/api/administrators';
import { parseJson } from '../../db/values';

/** The signed-in administrator behind a request. */
export interface SignedInAdministrator {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  /** Materialised path of the administrator's organization (see domain/scope.ts). */
  organizationPath: string;
  /** The tenant root. */
  rootOrganizationId: string;
  privileges: Privilege[];
  sessionId: string;
  passwordChangeRequired: boolean;
}

/** The privileges stored as JSON text, unknown ones dropped. */
export function parsePrivileges(text: string): Privilege[] {
  const list = parseJson<unknown>(text, []);
  return Array.isArray(list) ? privileges.filter((privilege) => list.includes(privilege)) : [];
}
