// Issues accounts' invitations: a new one-time password (older invitations superseded, so a
// resend revokes the previous password), its keyed hash and expiry, and the message in the outbox.
import type { OutboxMessage } from '../../../common/api/outbox';
import type { AppDeps } from '../../deps';
import type { Insertable } from 'kysely';
import { batches } from '../../db/batches';
import type { AccountRow, InvitationsTable, OrganizationRow } from '../../db/schema';
import { isoNow, newId } from '../../db/values';
import {
  configuredChannels,
  enqueueAccountInvitations,
  type AccountInvitationMessage,
  type ConfiguredChannels,
} from '../outbox/enqueue';
import {
  invitationTemplateFor,
  settingsFor,
  type Db,
  type InvitationTemplate,
  type OrganizationSettings,
} from '../organization-context';
import { removeAccountPasswords } from '../outbox/spent-passwords';
import { generateInvitationPassword, hashInvitationPassword } from './password';

/** What issuing an invitation needs from the running service. */
export interface InvitationContext {
  /** Keys the HMAC of invitation passwords (AppDeps.secrets.invitationKey). */
  secret: Buffer | string;
  /** Base of the activation link. */
  activationUrl: string;
  channels: ConfiguredChannels;
  now: Date;
}

export function invitationContextFrom(
  deps: Pick<AppDeps, 'secrets' | 'config' | 'now'>,
): InvitationContext {
  return {
    secret: deps.secrets.invitationKey,
    activationUrl: deps.config.activationUrl,
    channels: configuredChannels(deps.config),
    now: deps.now(),
  };
}

/**
 * Settings and template per organization path, looked up once per bulk action (an Import & Invite
 * of many rows would otherwise read them again for every account).
 */
export type InvitationLookups = Map<
  string,
  { settings: OrganizationSettings; template: InvitationTemplate }
>;

async function lookupsFor(
  db: Db,
  organization: Pick<OrganizationRow, 'path'>,
  cache?: InvitationLookups,
) {
  const cached = cache?.get(organization.path);
  if (cached) return cached;
  const found = {
    settings: await settingsFor(db, organization),
    template: await invitationTemplateFor(db, organization),
  };
  cache?.set(organization.path, found);
  return found;
}

export interface IssuedInvitation {
  invitationId: string;
  expiresAt: string;
  message: OutboxMessage;
}

/** An account to invite and the organization whose settings and template it uses. */
export interface Invitee {
  account: AccountRow;
  organization: Pick<OrganizationRow, 'path'>;
}

/**
 * Supersedes the accounts' open invitations, creates new ones and enqueues their messages, in
 * the accounts' order, a few statements per batch of accounts (each account at most once).
 */
export async function issueInvitations(
  db: Db,
  context: InvitationContext,
  invitees: readonly Invitee[],
  cache: InvitationLookups = new Map(),
): Promise<IssuedInvitation[]> {
  const now = isoNow(context.now);
  const issued: IssuedInvitation[] = [];
  for (const part of batches(invitees)) {
    const accountIds = part.map(({ account }) => account.id);
    await db
      .updateTable('invitations')
      .set({ superseded_at: now })
      .where('account_id', 'in', accountIds)
      .where('superseded_at', 'is', null)
      .execute();
    await removeAccountPasswords(db, accountIds);
    const rows: Insertable<InvitationsTable>[] = [];
    const messages: AccountInvitationMessage[] = [];
    for (const { account, organization } of part) {
      const { settings, template } = await lookupsFor(db, organization, cache);
      const expiresAt = isoNow(
        new Date(context.now.getTime() + settings.invitationExpiryDays * 24 * 60 * 60 * 1000),
      );
      const password = generateInvitationPassword();
      const invitationId = newId();
      rows.push({
        id: invitationId,
        account_id: account.id,
        administrator_id: null,
        password_hash: hashInvitationPassword(password, context.secret),
        expires_at: expiresAt,
        used_at: null,
        superseded_at: null,
        created_at: now,
      });
      messages.push({
        account,
        password,
        invitationId,
        template,
        activationUrl: context.activationUrl,
      });
    }
    await db.insertInto('invitations').values(rows).execute();
    const enqueued = await enqueueAccountInvitations(db, context.channels, messages, context.now);
    rows.forEach((row, i) =>
      issued.push({ invitationId: row.id, expiresAt: row.expires_at, message: enqueued[i]! }),
    );
  }
  return issued;
}

/** Supersedes the account's open invitations, creates a new one and enqueues its message. */
export async function issueAccountInvitation(
  db: Db,
  context: InvitationContext,
  account: AccountRow,
  organization: Pick<OrganizationRow, 'path'>,
  cache?: InvitationLookups,
): Promise<IssuedInvitation> {
  const [issued] = await issueInvitations(db, context, [{ account, organization }], cache);
  return issued!;
}
