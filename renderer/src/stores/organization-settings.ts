// Organization settings store (Setup): an organization's settings and its invitation template.
import { defineStore } from 'pinia';
import { getOrganizationSettings, updateOrganizationSettings } from '../api/settings';
import { getInvitationTemplate, saveInvitationTemplate } from '../api/invitation-template';
import type {
  OrganizationSettings,
  UpdateOrganizationSettings,
} from '../../../common/api/settings';
import type { InvitationTemplate } from '../../../common/api/invitation-template';

export const useOrganizationSettingsStore = defineStore('organization-settings', () => {
  function settings(organizationId: string): Promise<OrganizationSettings> {
    return getOrganizationSettings(organizationId);
  }
  function updateSettings(
    organizationId: string,
    change: UpdateOrganizationSettings,
  ): Promise<OrganizationSettings> {
    return updateOrganizationSettings(organizationId, change);
  }
  function template(organizationId: string): Promise<InvitationTemplate> {
    return getInvitationTemplate(organizationId);
  }
  function saveTemplate(
    organizationId: string,
    value: InvitationTemplate,
  ): Promise<InvitationTemplate> {
    return saveInvitationTemplate(organizationId, value);
  }
  return { settings, updateSettings, template, saveTemplate };
});
