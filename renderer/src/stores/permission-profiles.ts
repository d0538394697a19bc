// Permission profiles store: the profiles an organization can give accounts (its own and inherited
// ones), listed fresh for each form or panel that asks, and new profiles.
import { defineStore } from 'pinia';
import { createPermissionProfile, listPermissionProfiles } from '../api/permission-profiles';
import type {
  CreatePermissionProfile,
  PermissionProfile,
} from '../../../common/api/permission-profiles';

export const usePermissionProfilesStore = defineStore('permission-profiles', () => {
  /** Every profile the organization may use. */
  function forOrganization(organizationId: string): Promise<PermissionProfile[]> {
    return listPermissionProfiles(organizationId);
  }
  /** Creates a profile; the service's errors (e.g. PROFILE_NAME_EXISTS) are thrown to the dialog. */
  function create(body: CreatePermissionProfile): Promise<PermissionProfile> {
    return createPermissionProfile(body);
  }
  return { forOrganization, create };
});
