// The invitation template of an organization (subject and text with placeholders).
import {
  invitationTemplateSchema,
  type InvitationTemplate,
} from '../../../common/api/invitation-template';
import { request } from './request';

const templatePath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/invitation-template`;

/** The template in force for the organization (its own or inherited). */
export function getInvitationTemplate(organizationId: string): Promise<InvitationTemplate> {
  return request(invitationTemplateSchema, {
    url: templatePath(organizationId),
    what: 'the invitation template',
  });
}

/** Saves the organization's own template. */
export function saveInvitationTemplate(
  organizationId: string,
  template: InvitationTemplate,
): Promise<InvitationTemplate> {
  return request(invitationTemplateSchema, {
    method: 'PUT',
    url: templatePath(organizationId),
    data: template,
    what: 'the invitation template',
  });
}
