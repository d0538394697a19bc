// Puts a message in the outbox: `queued` when a transport is configured for its channel (the
// delivery worker sends it), `kept` otherwise (shown in the app as not sent, never dropped).
import type { OutboxMessage } from '../../../common/api/outbox';
import type { ServiceConfig } from '../../config';
import { batches } from '../../db/batches';
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

/** The outbox row of a new message. */
function outboxRow(channels: ConfiguredChannels, message: NewMessage, now: Date) {
  return {
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
}

/** Inserts the messages, in their order, with multi-row inserts, and returns them. */
export async function enqueueMessages(
  db: Db,
  channels: ConfiguredChannels,
  messages: readonly NewMessage[],
  now: Date = new Date(),
): Promise<OutboxMessage[]> {
  const enqueued: OutboxMessage[] = [];
  for (const part of batches(messages)) {
    const rows = part.map((message) => outboxRow(channels, message, now));
    await db.insertInto('outbox_messages').values(rows).execute();
    enqueued.push(...rows.map(toOutboxMessage));
  }
  return enqueued;
}

/** Inserts one outbox message and returns it. */
export async function enqueueMessage(
  db: Db,
  channels: ConfiguredChannels,
  message: NewMessage,
  now: Date = new Date(),
): Promise<OutboxMessage> {
  const [enqueued] = await enqueueMessages(db, channels, [message], now);
  return enqueued!;
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

/** The account's invitation, rendered from its organization's template. */
function accountInvitation(input: AccountInvitationMessage): NewMessage {
  const { account } = input;
  const rendered = renderInvitation(input.template, account.contact_type, {
    firstName: account.first_name,
    username: account.username,
    password: input.password,
    activationLink: activationLink(input.activationUrl, account.username),
  });
  return {
    organizationId: account.organization_id,
    channel: account.contact_type,
    to: account.contact,
    subject: rendered.subject,
    body: rendered.body,
    accountId: account.id,
    invitationId: input.invitationId,
    password: input.password,
  };
}

/** The accounts' invitations into the outbox, in their order. */
export async function enqueueAccountInvitations(
  db: Db,
  channels: ConfiguredChannels,
  inputs: readonly AccountInvitationMessage[],
  now: Date = new Date(),
): Promise<OutboxMessage[]> {
  return enqueueMessages(db, channels, inputs.map(accountInvitation), now);
}

/** A message as the API shows it, from its row (as read, or as just inserted). */
export function toOutboxMessage(
  row: Pick<
    OutboxMessageRow,
    'id' | 'channel' | 'to_address' | 'subject' | 'body' | 'account_id' | 'status' | 'created_at'
  >,
): OutboxMessage {
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
