// Signing and hashing secrets: generated on first start and kept in the database so that every
// instance on one PostgreSQL shares them; LINEDESK_SECRET overrides them (derived per purpose).
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ServiceSecrets {
  /** Signs access tokens. */
  signingKey: Buffer;
  /** Keys the HMAC-SHA-256 of invitation passwords. */
  invitationKey: Buffer;
}

const secretNames = { signingKey: 'access-token-signing', invitationKey: 'invitation-hashing' };

async function storedSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
  // Insert-if-absent then read: two instances starting together end up with the same value.
  await db
    .insertInto('service_secrets')
    .values({
      name,
      value: randomBytes(32).toString('base64'),
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('service_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}

/** The least length of LINEDESK_SECRET: 32 characters (about 190 bits when random). */
export const minimumSecretLength = 32;

/** Throws a sentence saying what is wrong when LINEDESK_SECRET is set but too short. */
export function assertSecretStrength(secret: string | undefined): void {
  if (secret === undefined || secret.length >= minimumSecretLength) return;
  throw new Error(
    `LINEDESK_SECRET must have at least ${minimumSecretLength} characters (it has ${secret.length}). Use a long random value, e.g. \`openssl rand -base64 48\`, or leave it unset to keep the generated secrets.`,
  );
}

/** Loads (creating on first start) the service secrets. */
export async function loadServiceSecrets(
  db: Kysely<Database>,
  override?: string,
): Promise<ServiceSecrets> {
  if (override) {
    assertSecretStrength(override);
    const derive = (name: string) => createHmac('sha256', override).update(name).digest();
    return {
      signingKey: derive(secretNames.signingKey),
      invitationKey: derive(secretNames.invitationKey),
    };
  }
  return {
    signingKey: await storedSecret(db, secretNames.signingKey),
    invitationKey: await storedSecret(db, secretNames.invitationKey),
  };
}
