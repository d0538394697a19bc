// Renders an account's invitation from its organization's template ({{firstName}} {{username}}
// {{password}} {{activationLink}}) with the shared renderer of common/api/invitation-template.ts.
import {
  renderInvitationText,
  type InvitationValues,
} from '../../../common/api/invitation-template';
import type { InvitationTemplate } from '../organization-context';

/** The activation link: the configured base with the username, so the app can prefill it. */
export function activationLink(base: string, username: string): string {
  const url = new URL(base);
  url.searchParams.set('username', username);
  return url.toString();
}

export interface RenderedInvitation {
  subject: string | null;
  body: string;
}

export function renderInvitation(
  template: InvitationTemplate,
  channel: 'email' | 'sms',
  values: InvitationValues,
): RenderedInvitation {
  if (channel === 'email') {
    return {
      subject: renderInvitationText(template.emailSubject, values),
      body: renderInvitationText(template.emailBody, values),
    };
  }
  return { subject: null, body: renderInvitationText(template.smsBody, values) };
}
