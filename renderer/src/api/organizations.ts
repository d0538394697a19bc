// Organizations of the caller's subtree, with number counts and onboarding capacity; new
// sub-organizations.
import {
  organizationPageSchema,
  organizationSchema,
  type Organization,
} from '../../../common/api/organizations';
import { fetchAllPages } from './paging';
import { request } from './request';

/** The whole visible subtree, flat. */
export function listOrganizations(): Promise<Organization[]> {
  return fetchAllPages((page, pageSize) =>
    request(organizationPageSchema, {
      url: '/organizations',
      params: { page, pageSize },
      what: 'the organizations',
    }),
  );
}

/** Creates a sub-organization under `parentId`. */
export function createOrganization(name: string, parentId: string): Promise<Organization> {
  return request(organizationSchema, {
    method: 'POST',
    url: '/organizations',
    data: { name, parentId },
    what: 'the new organization',
  });
}
