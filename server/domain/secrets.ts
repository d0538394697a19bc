// Signing and hashing secrets: generated on first start and kept in the database so that every
// instance on one PostgreSQL shares them; LINEDESK_SECRET overrides them (derived per purpose), and
// LINEDESK_ACCEPTED_SECRETS lists other secrets still (or already) accepted, for rotation.
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { accessTokenKey, type AccessTokenKeys } from './auth/access-token';

export interface ServiceSecrets {
  /** Signs access tokens. */
  signingKey: Buffer;
  /** The signing key and every accepted one, by key id. */
  accessTokenKeys: AccessTokenKeys;
  /** Keys the HMAC-SHA-256 of invitation passwords. */
  invitationKey: Buffer;
  /** Invitation keys of the accepted secrets: passwords issued before a rotation keep working. */
  acceptedInvitationKeys: Buffer[];
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
export function assertSecretStrength(secret: string | undefined, name = 'LINEDESK_SECRET'): void {
  if (secret === undefined || secret.length >= minimumSecretLength) return;
  throw new Error(
    `${name} must have at least ${minimumSecretLength} characters (it has ${secret.length}). Use a long random value, e.g. \`openssl rand -base64 48\`, or leave it unset to keep the generated secrets.`,
  );
}

/** Loads (creating on first start) the service secrets. */
export async function loadServiceSecrets(
  db: Kysely<Database>,
  override?: string,
  accepted: readonly string[] = [],
): Promise<ServiceSecrets> {
  const derive = (secret: string, name: string) =>
    createHmac('sha256', secret).update(name).digest();
  for (const secret of accepted) assertSecretStrength(secret, 'LINEDESK_ACCEPTED_SECRETS');
  let signingKey: Buffer;
  let invitationKey: Buffer;
  if (override) {
    assertSecretStrength(override);
    signingKey = derive(override, secretNames.signingKey);
    invitationKey = derive(override, secretNames.invitationKey);
  } else {
    signingKey = await storedSecret(db, secretNames.signingKey);
    invitationKey = await storedSecret(db, secretNames.invitationKey);
  }
  const signing = accessTokenKey(signingKey);
  return {
    signingKey,
    accessTokenKeys: {
      signing,
      accepted: [
        signing,
        ...accepted.map((secret) => accessTokenKey(derive(secret, secretNames.signingKey))),
      ],
    },
    invitationKey,
    acceptedInvitationKeys: accepted.map((secret) => derive(secret, secretNames.invitationKey)),
  };
}
