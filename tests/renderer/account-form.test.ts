// The Add Account form's inline checks and how the service's errors land at the right field.
import { describe, expect, it } from 'vitest';
import {
  contactHint,
  emptyAccountForm,
  serviceErrorsToForm,
  validateAccountForm,
} from '../../renderer/src/components/accounts/account-form';
import { ApiError } from '../../renderer/src/api/api-error';
import { summariseBulk } from '../../renderer/src/components/accounts/bulk-results';
import type { Account } from '../../common/api/accounts';

describe('contact hint', () => {
  it('says how the invitation will travel', () => {
    expect(contactHint('Ana@Example.com')).toEqual({
      ok: true,
      text: 'Invitation by email to ana@example.com',
    });
    expect(contactHint('12025550143')).toEqual({
      ok: true,
      text: 'Invitation by SMS to +12025550143',
    });
  });

  it('asks for the country code when a national number is typed', () => {
    const hint = contactHint('02079460958');
    expect(hint.ok).toBe(false);
    expect(hint.text.toLowerCase()).toContain('country code');
  });
});

describe('validation', () => {
  it('requires names, contact, organization and an application', () => {
    const errors = validateAccountForm({ ...emptyAccountForm(null), applications: [] });
    expect(Object.keys(errors).sort()).toEqual([
      'applications',
      'contact',
      'firstName',
      'lastName',
      'organizationId',
    ]);
  });

  it('accepts a complete form', () => {
    const form = {
      ...emptyAccountForm('org-1'),
      firstName: 'Ana',
      lastName: 'Silva',
      contact: 'ana@example.com',
    };
    expect(validateAccountForm(form)).toEqual({});
  });
});

describe('service errors', () => {
  it('puts validation details at their fields', () => {
    const error = new ApiError('VALIDATION_FAILED', 'Some fields need attention.', {
      status: 422,
      fields: { firstName: 'Required.', contact: 'Not a device number.' },
    });
    expect(serviceErrorsToForm(error)).toEqual({
      fields: { firstName: 'Required.', contact: 'Not a device number.' },
      general: null,
    });
  });

  it('puts a taken contact at the contact field and a taken number at the number field', () => {
    expect(
      serviceErrorsToForm(new ApiError('CONTACT_EXISTS', 'Already an account.')).fields,
    ).toEqual({
      contact: 'Already an account.',
    });
    expect(serviceErrorsToForm(new ApiError('NUMBER_UNAVAILABLE', 'Taken.')).fields).toEqual({
      number: 'Taken.',
    });
  });

  it('keeps capacity problems as a general message', () => {
    const placed = serviceErrorsToForm(new ApiError('NOT_ENOUGH_NUMBERS', 'Not enough numbers.'));
    expect(placed).toEqual({ fields: {}, general: 'Not enough numbers.' });
  });
});

describe('bulk results', () => {
  const account = (id: string, firstName: string) =>
    ({ id, firstName, lastName: 'Test' }) as Account;

  it('counts successes and lists each failure with its reason', () => {
    const summary = summariseBulk(
      {
        results: [
          { accountId: 'a', ok: true },
          { accountId: 'b', ok: true },
          { accountId: 'c', ok: false, error: { code: 'X', message: 'The account is suspended.' } },
        ],
      },
      [account('a', 'Ana'), account('b', 'Bo'), account('c', 'Cy')],
      'resent',
    );
    expect(summary.text).toBe('2 resent, 1 failed:');
    expect(summary.details).toEqual(['Cy Test — The account is suspended.']);
  });

  it('reads as a plain sentence when everything worked', () => {
    const summary = summariseBulk(
      { results: [{ accountId: 'a', ok: true }] },
      [account('a', 'Ana')],
      'resent',
    );
    expect(summary.text).toBe('1 account resent.');
  });
});
