// Puts a message in the outbox: `queued` when a transport is configured for its channel (the
// delivery worker sends it), `kept` otherwise (shown in the app as not sent, never dropped).
import type { OutboxMessage } from '../../../common/api/outbox';
import type { ServiceConfig } from '../../config';
import type { OutboxMessageRow } from '../../db/schema';
import { isoNow, newId } from '../../db/values';
import type { Db, InvitationTemplate } from '../organization-context';
import { activationLink, renderInvitation } from './render-invitation';

/** Which channels have a transport configured. */
export interface ConfiguredChannels {
  email: boolean;
  sms: boolean;
}

export function configuredChannels(
  config: Pick<ServiceConfig, 'smtpUrl' | 'smsUrl'>,
): ConfiguredChannels {
  return { email: Boolean(config.smtpUrl), sms: Boolean(config.smsUrl) };
}

export interface NewMessage {
  organizationId: string;
  channel: 'email' | 'sms';
  to: string;
  subject: string | null;
  body: string;
  accountId?: string | null;
  administratorId?: string | null;
  /** The invitation and its password, so the password can be removed once spent. */
  invitationId?: string;
  password?: string;
}

/** Inserts one outbox message and returns it. */
export async function enqueueMessage(
  db: Db,
  channels: ConfiguredChannels,
  message: NewMessage,
  now: Date = new Date(),
): Promise<OutboxMessage> {
  const row = {
    id: newId(),
    organization_id: message.organizationId,
    channel: message.channel,
    to_address: message.to,
    subject: message.subject,
    body: message.body,
    account_id: message.accountId ?? null,
    administrator_id: message.administratorId ?? null,
    status: channels[message.channel] ? ('queued' as const) : ('kept' as const),
    attempts: 0,
    next_attempt_at: channels[message.channel] ? isoNow(now) : null,
    claimed_until: null,
    last_error: null,
    created_at: isoNow(now),
    sent_at: null,
    invitation_id: message.invitationId ?? null,
    secret: message.password ?? null,
  };
  await db.insertInto('outbox_messages').values(row).execute();
  return {
    id: row.id,
    channel: row.channel,
    to: row.to_address,
    subject: row.subject,
    body: row.body,
    accountId: row.account_id,
    status: row.status,
    createdAt: row.created_at,
  };
}

export interface AccountInvitationMessage {
  account: {
    id: string;
    organization_id: string;
    first_name: string;
    username: string;
    contact: string;
    contact_type: 'email' | 'sms';
  };
  password: string;
  invitationId: string;
  template: InvitationTemplate;
  activationUrl: string;
}

/** The account's invitation, rendered from its organization's template, into the outbox. */
export async function enqueueAccountInvitation(
  db: Db,
  channels: ConfiguredChannels,
  input: AccountInvitationMessage,
  now: Date = new Date(),
): Promise<OutboxMessage> {
  const { account } = input;
  const rendered = renderInvitation(input.template, account.contact_type, {
    firstName: account.first_name,
    username: account.username,
    password: input.password,
    activationLink: activationLink(input.activationUrl, account.username),
  });
  return enqueueMessage(
    db,
    channels,
    {
      organizationId: account.organization_id,
      channel: account.contact_type,
      to: account.contact,
      subject: rendered.subject,
      body: rendered.body,
      accountId: account.id,
      invitationId: input.invitationId,
      password: input.password,
    },
    now,
  );
}

export function toOutboxMessage(row: OutboxMessageRow): OutboxMessage {
  return {
    id: row.id,
    channel: row.channel,
    to: row.to_address,
    subject: row.subject,
    body: row.body,
    accountId: row.account_id,
    status: row.status,
    createdAt: row.created_at,
  };
}
