// Organizations of the caller's subtree, with number counts and onboarding capacity.
import { api } from './client';
import { fetchAllPages } from './paging';
import type { Organization, Paged } from './types';

/** The whole visible subtree, flat. */
export async function listOrganizations(): Promise<Organization[]> {
  return fetchAllPages(async (page, pageSize) => {
    return (await api.get<Paged<Organization>>('/organizations', { params: { page, pageSize } }))
      .data;
  });
}
