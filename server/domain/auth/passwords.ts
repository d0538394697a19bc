// Administrators' passwords: argon2id (slow on purpose; invitation passwords use HMAC instead).
import { hash, verify } from '@node-rs/argon2';
import { concurrencyLimit, passwordHashesAtOnce } from './hash-queue';

const inLine = concurrencyLimit(passwordHashesAtOnce);

// OWASP's argon2id baseline: 19 MiB, 2 passes.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashAdministratorPassword(password: string): Promise<string> {
  return inLine(() => hash(password, options));
}

/** False for a wrong password or a malformed stored hash (never throws for bad input). */
export async function verifyAdministratorPassword(
  storedHash: string,
  password: string,
): Promise<boolean> {
  try {
    return await inLine(() => verify(storedHash, password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as a real check when there is no password to check against, so that
 * response times do not tell which email addresses belong to administrators.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= inLine(() => hash('linedesk-no-such-administrator', options));
  await verifyAdministratorPassword(await dummyHash, password);
  return false;
}
