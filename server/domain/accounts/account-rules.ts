// Field rules an account must meet whichever way it arrives (single form, PATCH, import rows):
// names present, a normalised contact allowed by the organization, lines within its maximum.
import { normaliseContact, type ContactType } from '../../../common/contact';
import type { ValidationFields } from '../../../common/errors';
import type { OrganizationSettings } from '../organization-context';
import { failure, type Failure } from '../outcome';

export const MAX_NAME_LENGTH = 100;

export function checkName(
  value: string,
  label: string,
  fields: ValidationFields,
  key: string,
): string {
  const name = value.trim();
  if (name === '') fields[key] = `${label} is required.`;
  else if (name.length > MAX_NAME_LENGTH)
    fields[key] = `${label} is longer than ${MAX_NAME_LENGTH} characters.`;
  return name;
}

/** Normalises the contact and applies the organization's email-domain restriction. */
export function checkContact(
  value: string,
  settings: OrganizationSettings,
  fields: ValidationFields,
): { contact: string; contactType: ContactType } | null {
  const check = normaliseContact(value);
  if (!check.ok) {
    fields.contact = check.message;
    return null;
  }
  if (check.contactType === 'email' && settings.allowedEmailDomains.length > 0) {
    const domain = check.contact.slice(check.contact.lastIndexOf('@') + 1);
    if (!settings.allowedEmailDomains.includes(domain)) {
      fields.contact = `Email addresses in this organization must end with ${settings.allowedEmailDomains.map((d) => `@${d}`).join(' or ')}.`;
      return null;
    }
  }
  return { contact: check.contact, contactType: check.contactType };
}

export function checkLinesAllowed(
  value: number,
  settings: OrganizationSettings,
  fields: ValidationFields,
): void {
  if (!Number.isInteger(value) || value < 1) {
    fields.linesAllowed = 'Number Of Lines Allowed must be a whole number of at least 1.';
  } else if (value > settings.maxLinesAllowed) {
    fields.linesAllowed = `Number Of Lines Allowed can be at most ${settings.maxLinesAllowed} in this organization.`;
  }
}

export function validationFailure(fields: ValidationFields): Failure {
  return failure('VALIDATION_FAILED', 'Some fields need attention.', { fields });
}

export const contactExists = (contact: string): Failure =>
  failure('CONTACT_EXISTS', `${contact} already has an account in this organization tree.`, {
    contact,
  });

export const notEnoughNumbers = (
  organizationId: string,
  needed: number,
  capacity: number,
): Failure =>
  failure(
    'NOT_ENOUGH_NUMBERS',
    needed === 1
      ? 'There are not enough Available numbers in this organization for this invitation: add or allocate numbers first.'
      : `There are not enough Available numbers in this organization: ${needed} needed, ${Math.max(capacity, 0)} available for onboarding. Add or allocate numbers first.`,
    { organizationId, needed, capacity },
  );
