// Permission profiles ("User Permissions") visible to an organization: listed and created here.
import {
  permissionProfilePageSchema,
  permissionProfileSchema,
  type CreatePermissionProfile,
  type PermissionProfile,
} from '../../../common/api/permission-profiles';
import { fetchAllPages } from './paging';
import { request } from './request';

/** Every profile the organization may use (its own and its ancestors'). */
export function listPermissionProfiles(organizationId: string): Promise<PermissionProfile[]> {
  return fetchAllPages((page, pageSize) =>
    request(permissionProfilePageSchema, {
      url: '/permission-profiles',
      params: { organizationId, page, pageSize },
      what: 'the permission profiles',
    }),
  );
}

/** Creates a permission profile for an organization. */
export function createPermissionProfile(body: CreatePermissionProfile): Promise<PermissionProfile> {
  return request(permissionProfileSchema, {
    method: 'POST',
    url: '/permission-profiles',
    data: body,
    what: 'the new permission profile',
  });
}
