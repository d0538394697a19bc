// What an invitation template reads like once sent: its texts filled with sample values, and how many
// SMS parts the text message takes.
import {
  renderInvitationText,
  type InvitationTemplate,
  type InvitationValues,
} from '../../../../common/api/invitation-template';

/** The made-up user every preview is written to. */
export const sampleInvitationValues: InvitationValues = {
  firstName: 'Alex',
  username: 'alex.morgan@example.com',
  password: 'K7QM4TXP9RWD',
  activationLink: 'https://activate.example.com/a/K7QM4TXP9RWD',
};

/** The template's subject, email and SMS with the sample values in place of the placeholders. */
export interface InvitationPreview {
  subject: string;
  email: string;
  sms: string;
}

/** Fills the template with the sample values. */
export function previewOf(template: InvitationTemplate): InvitationPreview {
  return {
    subject: renderInvitationText(template.emailSubject, sampleInvitationValues),
    email: renderInvitationText(template.emailBody, sampleInvitationValues),
    sms: renderInvitationText(template.smsBody, sampleInvitationValues),
  };
}

/** SMS parts a text takes (153 characters each once it is split). */
export function smsParts(text: string): number {
  return Math.max(1, Math.ceil(text.length / 153));
}
