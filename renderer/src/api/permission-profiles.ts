// Permission profiles ("User Permissions") visible to an organization.
import { api } from './client';
import { fetchAllPages } from './paging';
import type { Paged, PermissionProfile } from './types';

export async function listPermissionProfiles(organizationId: string): Promise<PermissionProfile[]> {
  return fetchAllPages(async (page, pageSize) => {
    const response = await api.get<Paged<PermissionProfile>>('/permission-profiles', {
      params: { organizationId, page, pageSize },
    });
    return response.data;
  });
}
