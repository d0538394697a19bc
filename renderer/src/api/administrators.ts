// Administrators of the caller's subtree: list, invite with privileges, edit, delete, resend invitations.
import {
  administratorPageSchema,
  administratorResultsSchema,
  administratorSchema,
  type Administrator,
  type AdministratorResults,
  type CreateAdministrator,
  type UpdateAdministrator,
} from '../../../common/api/administrators';
import type { Paged } from '../../../common/api/paging';
import { pageParams, type PageRequest } from './paging';
import { request } from './request';

export interface AdministratorQuery extends PageRequest {
  organizationId?: string;
  includeSubOrganizations?: boolean;
  q?: string;
}

const administratorPath = (id: string) => `/administrators/${encodeURIComponent(id)}`;

/** One page of administrators, filtered like every list of the service. */
export function listAdministrators(query: AdministratorQuery = {}): Promise<Paged<Administrator>> {
  const params: Record<string, string | number> = pageParams(query);
  if (query.organizationId) params.organizationId = query.organizationId;
  if (query.includeSubOrganizations !== undefined) {
    params.includeSubOrganizations = String(query.includeSubOrganizations);
  }
  if (query.q) params.q = query.q;
  return request(administratorPageSchema, {
    url: '/administrators',
    params,
    what: 'the administrators',
  });
}

/** Invites a new administrator; the service queues a message with a temporary password. */
export function inviteAdministrator(body: CreateAdministrator): Promise<Administrator> {
  return request(administratorSchema, {
    method: 'POST',
    url: '/administrators',
    data: body,
    what: 'the new administrator',
  });
}

/** Changes an administrator's organization, name or privileges. */
export function updateAdministrator(id: string, body: UpdateAdministrator): Promise<Administrator> {
  return request(administratorSchema, {
    method: 'PATCH',
    url: administratorPath(id),
    data: body,
    what: 'the administrator',
  });
}

/** Deletes an administrator; the answer is the deleted one. */
export function deleteAdministrator(id: string): Promise<Administrator> {
  return request(administratorSchema, {
    method: 'DELETE',
    url: administratorPath(id),
    what: 'the deleted administrator',
  });
}

/** Issues new temporary passwords; one result per administrator. */
export function resendAdministratorInvitations(
  administratorIds: string[],
): Promise<AdministratorResults> {
  return request(administratorResultsSchema, {
    method: 'POST',
    url: '/administrators/resend-invitation',
    data: { administratorIds },
    what: 'the resend results',
  });
}

/** Resets a forgotten password: the old one and every session stop, a new temporary one is emailed. */
export function resetAdministratorPassword(id: string): Promise<Administrator> {
  return request(administratorSchema, {
    method: 'POST',
    url: `${administratorPath(id)}/reset-password`,
    what: 'the administrator',
  });
}
