// Setup of an organization: its settings, its invitation template and new permission profiles.
import { api } from './client';
import { parseAnswer } from './answer';
import {
  organizationSettingsSchema,
  type OrganizationSettings,
  type UpdateOrganizationSettings,
} from '../../../common/api/settings';
import {
  invitationTemplateSchema,
  type InvitationTemplate,
} from '../../../common/api/invitation-template';
import {
  permissionProfileSchema,
  type CreatePermissionProfile,
  type PermissionProfile,
} from '../../../common/api/permission-profiles';

const settingsPath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/settings`;
const templatePath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/invitation-template`;

export async function getOrganizationSettings(
  organizationId: string,
): Promise<OrganizationSettings> {
  const response = await api.get(settingsPath(organizationId));
  return parseAnswer(organizationSettingsSchema, response.data, 'the organization settings');
}

export async function updateOrganizationSettings(
  organizationId: string,
  change: UpdateOrganizationSettings,
): Promise<OrganizationSettings> {
  const response = await api.patch(settingsPath(organizationId), change);
  return parseAnswer(organizationSettingsSchema, response.data, 'the organization settings');
}

export async function getInvitationTemplate(organizationId: string): Promise<InvitationTemplate> {
  const response = await api.get(templatePath(organizationId));
  return parseAnswer(invitationTemplateSchema, response.data, 'the invitation template');
}

export async function saveInvitationTemplate(
  organizationId: string,
  template: InvitationTemplate,
): Promise<InvitationTemplate> {
  const response = await api.put(templatePath(organizationId), template);
  return parseAnswer(invitationTemplateSchema, response.data, 'the invitation template');
}

export async function createPermissionProfile(
  body: CreatePermissionProfile,
): Promise<PermissionProfile> {
  const response = await api.post('/permission-profiles', body);
  return parseAnswer(permissionProfileSchema, response.data, 'the new permission profile');
}
