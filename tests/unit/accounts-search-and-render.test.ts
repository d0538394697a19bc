// Pure helpers of the accounts domain: phone-digit search patterns, LIKE escaping, who counts
// against capacity, and invitation rendering with the activation link.
import { describe, expect, it } from 'vitest';
import { countsAgainstCapacity } from '../../server/domain/capacity';
import { activationLink, renderInvitation } from '../../server/domain/outbox/render-invitation';
import { escapeLike, phoneDigitsPattern } from '../../server/domain/phone-search';

describe('phone search', () => {
  it('reads phone-looking queries as digits', () => {
    expect(phoneDigitsPattern('(202) 555-0143')).toBe('%2025550143%');
    expect(phoneDigitsPattern('+1 202')).toBe('%1202%');
    expect(phoneDigitsPattern('jane 202')).toBeNull();
    expect(phoneDigitsPattern('---')).toBeNull();
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
});

describe('countsAgainstCapacity', () => {
  const base = { number: null, invited_at: '2026-01-01', activated_at: null };
  it('counts invited accounts without a number, including suspended invitees', () => {
    expect(countsAgainstCapacity({ ...base, status: 'invited' })).toBe(true);
    expect(countsAgainstCapacity({ ...base, status: 'invitation_failed' })).toBe(true);
    expect(countsAgainstCapacity({ ...base, status: 'suspended' })).toBe(true);
  });
  it('does not count accounts with a number, not yet invited, or activated', () => {
    expect(countsAgainstCapacity({ ...base, status: 'invited', number: '+12025550143' })).toBe(
      false,
    );
    expect(countsAgainstCapacity({ ...base, status: 'not_invited', invited_at: null })).toBe(false);
    expect(
      countsAgainstCapacity({ ...base, status: 'activated', activated_at: '2026-01-02' }),
    ).toBe(false);
    expect(countsAgainstCapacity({ ...base, status: 'suspended', invited_at: null })).toBe(false);
  });
});

describe('renderInvitation', () => {
  const template = {
    emailSubject: 'Hi {{firstName}}',
    emailBody: '{{username}} / {{password}} / {{activationLink}} / {{unknown}}',
    smsBody: '{{ firstName }}: {{password}}',
  };
  const values = {
    firstName: 'Zoë',
    username: 'zoe@example.com',
    password: 'ABCDEFGHJKMN',
    activationLink: activationLink('https://activate.example/go?src=mail', 'zoe@example.com'),
  };

  it('fills every placeholder and keeps unknown ones visible', () => {
    expect(renderInvitation(template, 'email', values)).toEqual({
      subject: 'Hi Zoë',
      body: 'zoe@example.com / ABCDEFGHJKMN / https://activate.example/go?src=mail&username=zoe%40example.com / {{unknown}}',
    });
    expect(renderInvitation(template, 'sms', values)).toEqual({
      subject: null,
      body: 'Zoë: ABCDEFGHJKMN',
    });
  });
});
