// The email check is a character scan for speed; this pins it to the regular expression it
// replaced, over hand-picked edge cases and many generated strings.
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../../../common/contact/email';

const FORMER_PATTERN =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** The rule as it was written before the scan. */
function formerRule(input: string): boolean {
  const email = input.trim().toLowerCase();
  const [local = '', ...domainParts] = email.split('@');
  return (
    email.length <= 254 &&
    local.length <= 64 &&
    domainParts.length === 1 &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    FORMER_PATTERN.test(email)
  );
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const ALPHABET = [
  ...'abcxyzABZ0189',
  ...'.-_+@@..--',
  ..."!#$%&'*/=?^`{|}~",
  ' ',
  '"',
  ',',
  'é',
  'İ',
  '\u212a', // Kelvin sign: lower-cases to an ASCII k
  '\u0000',
];

const PLAIN = 'abcdefxyzAZ0189';

function generated(next: () => number): string {
  const kind = next();
  if (kind < 0.5) {
    // Near-valid: local@label(.label)+ with random damage.
    const part = (max: number) =>
      Array.from({ length: Math.floor(next() * max) }, () =>
        next() < 0.9
          ? PLAIN[Math.floor(next() * PLAIN.length)]
          : ALPHABET[Math.floor(next() * ALPHABET.length)],
      ).join('');
    const labels = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
      next() < 0.1 ? 'a'.repeat(60 + Math.floor(next() * 6)) : part(8),
    );
    const local = next() < 0.05 ? 'l'.repeat(60 + Math.floor(next() * 8)) : part(10);
    return `${next() < 0.1 ? ' ' : ''}${local}@${labels.join('.')}`;
  }
  return Array.from(
    { length: Math.floor(next() * 30) },
    () => ALPHABET[Math.floor(next() * ALPHABET.length)],
  ).join('');
}

describe('email check', () => {
  it('gives the verdicts of the former regular expression', () => {
    const cases = [
      'a@b.co',
      'A.B@Example.COM',
      '.a@b.co',
      'a.@b.co',
      'a..b@b.co',
      'a@b',
      'a@-b.co',
      'a@b-.co',
      'a@b..co',
      'a@b.co.',
      'a@@b.co',
      'a@b@c.co',
      '@b.co',
      `${'l'.repeat(64)}@b.co`,
      `${'l'.repeat(65)}@b.co`,
      `a@${'d'.repeat(63)}.co`,
      `a@${'d'.repeat(64)}.co`,
      `${'l'.repeat(60)}@${'d.'.repeat(95)}co`,
      'first.last\u212a@example.com',
      ' first.last@example.com ',
      "o'neil+tag@sub.example.co.uk",
    ];
    for (const input of cases) expect(normaliseEmail(input).ok, input).toBe(formerRule(input));
    const next = random(20261130);
    let valid = 0;
    for (let i = 0; i < 200_000; i += 1) {
      const input = generated(next);
      const ok = normaliseEmail(input).ok;
      if (ok !== formerRule(input)) expect.fail(`verdicts differ for ${JSON.stringify(input)}`);
      if (ok) valid += 1;
    }
    // The generator must reach both verdicts often.
    expect(valid).toBeGreaterThan(10_000);
  });
});
