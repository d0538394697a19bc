// Administrators of the caller's subtree: list, invite with privileges, edit, delete, resend invitations.
import { api } from './client';
import { parseAnswer } from './answer';
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

export interface AdministratorQuery {
  organizationId?: string;
  includeSubOrganizations?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** One page of administrators, filtered like every list of the service. */
export async function listAdministrators(
  query: AdministratorQuery = {},
): Promise<Paged<Administrator>> {
  const params: Record<string, string | number> = {
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 50,
  };
  if (query.organizationId) params.organizationId = query.organizationId;
  if (query.includeSubOrganizations !== undefined) {
    params.includeSubOrganizations = String(query.includeSubOrganizations);
  }
  if (query.q) params.q = query.q;
  const response = await api.get('/administrators', { params });
  return parseAnswer(administratorPageSchema, response.data, 'the administrators');
}

/** Invites a new administrator; the service queues a message with a temporary password. */
export async function inviteAdministrator(body: CreateAdministrator): Promise<Administrator> {
  const response = await api.post('/administrators', body);
  return parseAnswer(administratorSchema, response.data, 'the new administrator');
}

export async function updateAdministrator(
  id: string,
  body: UpdateAdministrator,
): Promise<Administrator> {
  const response = await api.patch(`/administrators/${encodeURIComponent(id)}`, body);
  return parseAnswer(administratorSchema, response.data, 'the administrator');
}

export async function deleteAdministrator(id: string): Promise<void> {
  await api.delete(`/administrators/${encodeURIComponent(id)}`);
}

/** Issues new temporary passwords; one result per administrator. */
export async function resendAdministratorInvitations(
  administratorIds: string[],
): Promise<AdministratorResults> {
  const response = await api.post('/administrators/resend-invitation', { administratorIds });
  return parseAnswer(administratorResultsSchema, response.data, 'the resend results');
}
