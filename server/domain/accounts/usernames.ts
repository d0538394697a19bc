// Usernames are unique across the whole service: the contact itself where free, otherwise the
// contact with a short suffix (`jane@example.com-2`), because the same contact may exist in another tenant.
import { randomBytes } from 'node:crypto';
import type { Db } from '../organization-context';

const SUFFIX_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

function randomSuffix(): string {
  let suffix = '';
  for (const byte of randomBytes(5)) suffix += SUFFIX_ALPHABET[byte % SUFFIX_ALPHABET.length];
  return suffix;
}

/** A username not taken yet (the unique index still guards a simultaneous pick). */
export async function chooseUsername(db: Db, contact: string): Promise<string> {
  const candidates = [contact, ...Array.from({ length: 8 }, (_, i) => `${contact}-${i + 2}`)];
  const taken = new Set(
    (
      await db
        .selectFrom('accounts')
        .select('username')
        .where('username', 'in', candidates)
        .execute()
    ).map((row) => row.username),
  );
  const free = candidates.find((candidate) => !taken.has(candidate));
  return free ?? `${contact}-${randomSuffix()}`;
}
