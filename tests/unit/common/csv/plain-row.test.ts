// The engine's glance at a plain row must never disagree with the full row rules: whenever it
// answers, the full rules find no problem and the same normalised contact.
import { describe, expect, it } from 'vitest';
import {
  checkImportRowWithKeys,
  plainRowContact,
  type ImportRowRulesContext,
} from '../../../../common/csv/row-rules';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const PIECES = [
  'Ann',
  'Zoë',
  'o',
  ' ',
  '\u00a0',
  '\t',
  "'",
  '=',
  '+',
  '-',
  '@',
  '＝',
  'A@Example.com',
  'a@b.co',
  '\u212a',
  '.',
  '1',
  '0',
  '7',
  '+1 202 555 0143',
  'x'.repeat(98),
  '\u0000',
];

/** Device numbers as HR files write them: valid, national only, too short, prefixed, quoted. */
const DEVICE_NUMBERS = [
  '+1 202 555 0143',
  '+1 (212) 555-0199',
  '12025550143',
  '2025550143',
  '0044 20 7946 0958',
  '+44 20 7946 0958',
  '07911 123456',
  '+1 202 555 01',
  "'+12025550143",
  '+12025550143 ',
  '\u00a0+12025550143',
  '+1.202.555.0143',
  '+999 1234 5678',
];

describe('plain rows at a glance', () => {
  it('agree with the full rules', () => {
    const next = random(7);
    const pick = () => PIECES[Math.floor(next() * PIECES.length)]!;
    const cell = (parts: number) => Array.from({ length: parts }, pick).join('');
    const contexts: ImportRowRulesContext[] = [
      {},
      { maxLinesAllowed: 2, existingContacts: new Set(['a@b.co']) },
      { maxLinesAllowed: 0, permissionProfileNames: ['Staff'] },
    ];
    let plain = 0;
    let plainDevices = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const values = {
        firstName: next() < 0.7 ? 'Ann' : cell(1 + Math.floor(next() * 3)),
        lastName: next() < 0.7 ? 'Lee' : cell(1 + Math.floor(next() * 3)),
        contact:
          next() < 0.4
            ? `u${i}@example.com`
            : next() < 0.4
              ? DEVICE_NUMBERS[Math.floor(next() * DEVICE_NUMBERS.length)]!
              : cell(1 + Math.floor(next() * 3)),
        linesAllowed: next() < 0.6 ? '' : cell(1),
        permissionProfile: next() < 0.9 ? '' : cell(1),
        number: next() < 0.9 ? '' : cell(1),
      };
      const context = contexts[i % contexts.length]!;
      const glance = plainRowContact(values, context);
      if (glance === null) continue;
      plain += 1;
      if (!glance.includes('@')) plainDevices += 1;
      const { check, keys } = checkImportRowWithKeys(2, values, context);
      if (!check.ok || keys.contact !== glance || keys.number !== null) {
        expect.fail(`disagree on ${JSON.stringify(values)}: ${JSON.stringify(check.problems)}`);
      }
    }
    expect(plain).toBeGreaterThan(10_000);
    expect(plainDevices).toBeGreaterThan(1_000);
  });
});
