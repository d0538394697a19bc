// Helpers behind the admin screens: pasted number lists, placeholder insertion, audit sentences,
// time-zone options and bulk outcome summaries.
import { describe, expect, it } from 'vitest';
import { parseNumberList, splitNumberList } from '../../renderer/src/utils/parse-number-list';
import { insertPlaceholder } from '../../renderer/src/utils/insert-placeholder';
import { auditActionLabel, auditDetailsLine } from '../../renderer/src/utils/audit-action';
import { friendlyZoneName, timeZoneOptions } from '../../renderer/src/utils/time-zone-options';
import { outcomeSummary } from '../../renderer/src/stores/numbers-admin';
import { outboxStatusLook } from '../../renderer/src/utils/outbox-status';

describe('parseNumberList', () => {
  it('splits on lines, commas, semicolons and tabs but keeps spaces inside a number', () => {
    expect(splitNumberList('+1 202 555 0143\n12025550144, +1 (202) 555-0145;\t\n')).toEqual([
      '+1 202 555 0143',
      '12025550144',
      '+1 (202) 555-0145',
    ]);
  });

  it('normalises valid numbers to E.164', () => {
    const parsed = parseNumberList('+1 202 555 0143\n12025550144\n0044 20 7946 0958');
    expect(parsed.numbers).toEqual(['+12025550143', '+12025550144', '+442079460958']);
    expect(parsed.problems).toEqual([]);
  });

  it('names each entry that cannot be added, with its position and why', () => {
    const parsed = parseNumberList('+12025550143\n07911 123456\nhello\n+1 202 555 0143');
    expect(parsed.numbers).toEqual(['+12025550143']);
    expect(parsed.problems.map((problem) => problem.position)).toEqual([2, 3, 4]);
    expect(parsed.problems[0]?.message).toContain('needs a country code');
    expect(parsed.problems[1]?.message).toContain('"hello"');
    expect(parsed.problems[2]?.message).toBe('+12025550143 is already in this list (entry 1).');
  });
});

describe('insertPlaceholder', () => {
  it('replaces the selection and puts the caret after the placeholder', () => {
    expect(insertPlaceholder('Hello NAME,', 'firstName', 6, 10)).toEqual({
      text: 'Hello {{firstName}},',
      caret: 19,
    });
  });
  it('appends when the field never had a caret', () => {
    expect(insertPlaceholder('Password: ', 'password', null, null).text).toBe(
      'Password: {{password}}',
    );
  });
});

describe('audit sentences', () => {
  it('uses the known sentence, or makes one from an unknown code', () => {
    expect(auditActionLabel('administrator.invited')).toBe('Invited an administrator');
    expect(auditActionLabel('widget.colourChanged')).toBe('Widget colour changed');
  });
  it('shortens long detail lists', () => {
    expect(auditDetailsLine({ numbers: ['a', 'b', 'c', 'd', 'e', 'f'], tag: null })).toBe(
      'numbers: a, b, c, d, e … (6)',
    );
  });
});

describe('time-zone options', () => {
  it('names zones the way the top bar does, with the zone abbreviation', () => {
    const chicago = timeZoneOptions(new Date('2026-07-01T12:00:00Z')).find(
      (option) => option.id === 'America/Chicago',
    );
    expect(chicago?.title).toBe('US - Central (CDT)');
    expect(chicago?.subtitle).toBe('America/Chicago · UTC−05:00');
    expect(friendlyZoneName('America/Argentina/Buenos_Aires')).toBe('America - Buenos Aires');
  });
});

describe('bulk outcomes and outbox states', () => {
  it('says how many succeeded and lists each failure', () => {
    expect(outcomeSummary({ succeeded: ['+1'], failed: [] }, 'reserved').text).toBe(
      '1 number reserved.',
    );
    const partial = outcomeSummary(
      { succeeded: ['+1', '+2'], failed: [{ item: '+3', message: 'Taken.' }] },
      'released',
    );
    expect(partial).toEqual({ text: '2 released, 1 failed.', details: ['+3: Taken.'], ok: false });
  });
  it('says plainly that a kept message was not sent', () => {
    expect(outboxStatusLook('kept').label).toBe('Not sent');
    expect(outboxStatusLook('kept').explanation).toBe(
      'Not sent — no email/SMS transport configured on this service',
    );
  });
});
