// Invitation templates (Setup) and their rendering; the four placeholders are the only ones allowed.
import { z } from 'zod';

export const invitationPlaceholders = [
  'firstName',
  'username',
  'password',
  'activationLink',
] as const;
export type InvitationPlaceholder = (typeof invitationPlaceholders)[number];
export type InvitationValues = Record<InvitationPlaceholder, string>;

const placeholderPattern = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The placeholder names a text uses, as written (known or not). */
function placeholdersIn(text: string): Set<string> {
  return new Set([...text.matchAll(placeholderPattern)].map((match) => match[1] ?? ''));
}

function templateText(maxLength: number, required: InvitationPlaceholder[]) {
  const known = new Set<string>(invitationPlaceholders);
  return z
    .string()
    .min(1, 'Enter the text.')
    .max(maxLength)
    .superRefine((text, ctx) => {
      const used = placeholdersIn(text);
      const unknown = [...used].filter((name) => !known.has(name));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(', ')}; use {{firstName}}, {{username}}, {{password}} or {{activationLink}}.`,
        });
      }
      for (const name of required.filter((name) => !used.has(name))) {
        ctx.addIssue({
          code: 'custom',
          message: `The text must contain {{${name}}} so that the user can activate.`,
        });
      }
    });
}

export const invitationTemplateSchema = z.object({
  emailSubject: templateText(200, []),
  emailBody: templateText(20_000, ['username', 'password']),
  smsBody: templateText(1_000, ['username', 'password']),
});
export type InvitationTemplate = z.infer<typeof invitationTemplateSchema>;

export const defaultInvitationTemplate: InvitationTemplate = {
  emailSubject: 'Your MultiLine invitation',
  emailBody: [
    'Hello {{firstName}},',
    '',
    'You have been invited to MultiLine, your business line on your own phone.',
    '',
    'Download and Activate: {{activationLink}}',
    '',
    'Username: {{username}}',
    'Password: {{password}}',
  ].join('\n'),
  smsBody:
    'Hello {{firstName}}, activate MultiLine: {{activationLink}} Username: {{username}} Password: {{password}}',
};

/** Fills the placeholders; unknown ones are left as written (the schema refuses them on save). */
export function renderInvitationText(text: string, values: InvitationValues): string {
  return text.replace(placeholderPattern, (whole, name: string) =>
    (invitationPlaceholders as readonly string[]).includes(name)
      ? values[name as InvitationPlaceholder]
      : whole,
  );
}
