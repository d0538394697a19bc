// The settings of an organization (capacity, defaults, delivery choices).
import {
  organizationSettingsSchema,
  type OrganizationSettings,
  type UpdateOrganizationSettings,
} from '../../../common/api/settings';
import { request } from './request';

const settingsPath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/settings`;

/** The organization's settings. */
export function getOrganizationSettings(organizationId: string): Promise<OrganizationSettings> {
  return request(organizationSettingsSchema, {
    url: settingsPath(organizationId),
    what: 'the organization settings',
  });
}

/** Changes the given settings of the organization. */
export function updateOrganizationSettings(
  organizationId: string,
  change: UpdateOrganizationSettings,
): Promise<OrganizationSettings> {
  return request(organizationSettingsSchema, {
    method: 'PATCH',
    url: settingsPath(organizationId),
    data: change,
    what: 'the organization settings',
  });
}
