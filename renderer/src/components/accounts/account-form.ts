// The Single Account form's values, their inline checks, and how the service's field errors map onto them.
import { normaliseContact } from '../../../../common/contact';
import type { ApiError } from '../../api/api-error';

export interface AccountFormValues {
  organizationId: string | null;
  firstName: string;
  lastName: string;
  contact: string;
  applications: string[];
  linesAllowed: number;
  permissionProfileId: string | null;
  number: string | null;
}

export type AccountFormField = keyof AccountFormValues;
export type AccountFormErrors = Partial<Record<AccountFormField, string>>;

export function emptyAccountForm(organizationId: string | null): AccountFormValues {
  return {
    organizationId,
    firstName: '',
    lastName: '',
    contact: '',
    applications: ['MultiLine'],
    linesAllowed: 1,
    permissionProfileId: null,
    number: null,
  };
}

/** The hint under "Email or Device #" while typing: what it will be taken as, or what is wrong. */
export function contactHint(value: string): { ok: boolean; text: string } {
  if (!value.trim()) {
    return {
      ok: true,
      text: 'An email address, or a mobile number with its country code (e.g. 12025550143 for the U.S.)',
    };
  }
  const check = normaliseContact(value);
  if (!check.ok) return { ok: false, text: check.message };
  return {
    ok: true,
    text:
      check.contactType === 'email'
        ? `Invitation by email to ${check.contact}`
        : `Invitation by SMS to ${check.contact}`,
  };
}

/** Checks done before sending; the service checks again and its answer wins. */
export function validateAccountForm(values: AccountFormValues, partial = false): AccountFormErrors {
  const errors: AccountFormErrors = {};
  if (!partial && !values.organizationId) errors.organizationId = 'Choose an organization.';
  if (!values.firstName.trim()) errors.firstName = 'Enter the first name.';
  if (!values.lastName.trim()) errors.lastName = 'Enter the last name.';
  const contact = contactHint(values.contact);
  if (!values.contact.trim()) errors.contact = 'Enter an email address or a device number.';
  else if (!contact.ok) errors.contact = contact.text;
  if (!partial && values.applications.length === 0)
    errors.applications = 'Choose at least one application.';
  if (!Number.isInteger(values.linesAllowed) || values.linesAllowed < 1) {
    errors.linesAllowed = 'Enter a whole number of at least 1.';
  }
  return errors;
}

const fieldsByCode: Record<string, AccountFormField> = {
  CONTACT_EXISTS: 'contact',
  NUMBER_UNAVAILABLE: 'number',
  NUMBER_NOT_FOUND: 'number',
  LINES_ALLOWED_TOO_HIGH: 'linesAllowed',
  PERMISSION_PROFILE_NOT_FOUND: 'permissionProfileId',
};
const formFields: readonly AccountFormField[] = [
  'organizationId',
  'firstName',
  'lastName',
  'contact',
  'applications',
  'linesAllowed',
  'permissionProfileId',
  'number',
];

/** Puts the service's answer at the fields it concerns; what fits no field comes back as a general message. */
export function serviceErrorsToForm(error: ApiError): {
  fields: AccountFormErrors;
  general: string | null;
} {
  const fields: AccountFormErrors = {};
  for (const [name, message] of Object.entries(error.fields)) {
    const field = formFields.find(
      (candidate) => candidate === name || name.startsWith(`${candidate}.`),
    );
    if (field) fields[field] = message;
  }
  const byCode = fieldsByCode[error.code];
  if (byCode && !fields[byCode]) fields[byCode] = error.message;
  const placed = Object.keys(fields).length > 0;
  return { fields, general: placed && error.code !== 'NOT_ENOUGH_NUMBERS' ? null : error.message };
}
