// Kysely table types of the provisioning service (migrations/001-core.ts creates them).
// Conventions: ids are text (crypto.randomUUID()), times are ISO 8601 UTC text (new Date().toISOString()),
// booleans are integers 0/1 (see `flag`/`isSet` in db/values.ts), lists and objects are JSON text.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ImportTables } from './schema-imports';

/** 0 = false, 1 = true (one representation on SQLite and PostgreSQL). */
export type Flag = 0 | 1;

export interface OrganizationsTable {
  id: string;
  name: string;
  parent_id: string | null;
  /** The tenant: the root of this organization's tree (itself for a root). */
  root_id: string;
  /** Materialised path `/rootId/…/id/`; the subtree of X is every row whose path starts with X's path. */
  path: string;
  depth: number;
  created_at: string;
  updated_at: string;
}

export interface OrganizationSettingsTable {
  organization_id: string;
  invitation_expiry_days: number;
  single_use_invitations: Flag;
  /** JSON array of lower-case domains; empty = any. */
  allowed_email_domains: string;
  max_lines_allowed: number;
  /** The follow-up queue's "invited more than N days ago" (migration 006). */
  follow_up_days: Generated<number>;
  updated_at: string;
}

export interface InvitationTemplatesTable {
  organization_id: string;
  email_subject: string;
  email_body: string;
  sms_body: string;
  updated_at: string;
}

export interface PermissionProfilesTable {
  id: string;
  organization_id: string;
  name: string;
  /** JSON object of feature switches (common/api/permission-profiles.ts). */
  settings: string;
  is_default: Flag;
  created_at: string;
  updated_at: string;
}

export interface AdministratorsTable {
  id: string;
  organization_id: string;
  /** Lower-case, unique across the service. */
  email: string;
  name: string;
  /** JSON array of privileges. */
  privileges: string;
  /** argon2id hash of the chosen password; null until the administrator has chosen one. */
  password_hash: string | null;
  password_change_required: Flag;
  status: 'invited' | 'active';
  invited_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuthSessionsTable {
  id: string;
  administrator_id: string;
  created_at: string;
  last_used_at: string;
  /** Set by logout or by reuse of an already rotated refresh token; ends the access tokens too. */
  revoked_at: string | null;
}

export interface RefreshTokensTable {
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  session_id: string;
  expires_at: string;
  /** Set when rotated; using it again revokes the whole session. */
  used_at: string | null;
  created_at: string;
}

export interface RateLimitCountersTable {
  /** e.g. `sign-in:account:alice@example.com`. */
  key: string;
  /** Start of the fixed window (ISO). */
  window_start: string;
  count: number;
  expires_at: string;
}

export interface ServiceSecretsTable {
  name: string;
  /** base64 random bytes. */
  value: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  /** Who and what the key is for: `administratorId:METHOD:route`. */
  scope: string;
  key: string;
  /** SHA-256 of the canonical JSON request body. */
  request_hash: string;
  status_code: number;
  /** JSON of the first answer. */
  response_body: string;
  created_at: string;
}

export interface AuditEventsTable {
  /** Insertion order: the list is oldest first. */
  seq: Generated<number>;
  id: string;
  created_at: string;
  actor_id: string | null;
  actor_email: string | null;
  organization_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  /** The target's name and contact (email) when the event happened (migration 006). */
  target_name: Generated<string | null>;
  target_contact: Generated<string | null>;
  /** JSON object. */
  details: string;
}

export interface NumbersTable {
  /** E.164. */
  number: string;
  organization_id: string;
  state: 'available' | 'reserved' | 'assigned' | 'registered';
  tag: string | null;
  account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountsTable {
  id: string;
  organization_id: string;
  /** The tenant; unique(root_organization_id, contact) makes a contact once per tenant. */
  root_organization_id: string;
  first_name: string;
  last_name: string;
  /** Normalised: lower-case email or E.164. */
  contact: string;
  contact_type: 'email' | 'sms';
  /** Unique across the service. */
  username: string;
  /** JSON array, e.g. ["MultiLine"]. */
  applications: string;
  lines_allowed: number;
  permission_profile_id: string | null;
  number: string | null;
  personal_phone: string | null;
  status: 'not_invited' | 'invited' | 'invitation_failed' | 'activated' | 'suspended';
  invited_at: string | null;
  activated_at: string | null;
  device_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface InvitationsTable {
  id: string;
  /** Exactly one of account_id / administrator_id is set. */
  account_id: string | null;
  administrator_id: string | null;
  /** Accounts: HMAC-SHA-256 (hex) with the service secret. Administrators: argon2id. */
  password_hash: string;
  expires_at: string;
  used_at: string | null;
  /** Set when a resend issues a newer invitation. */
  superseded_at: string | null;
  created_at: string;
}

export interface ActivationTokensTable {
  /** SHA-256 (hex) of the token handed to the device to choose its number. */
  token_hash: string;
  account_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface OutboxMessagesTable {
  /** Insertion order: the outbox list is oldest first. */
  seq: Generated<number>;
  id: string;
  /** For scoping the list to the caller's subtree. */
  organization_id: string;
  channel: 'email' | 'sms';
  to_address: string;
  subject: string | null;
  body: string;
  account_id: string | null;
  administrator_id: string | null;
  status: 'kept' | 'queued' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  /** A worker's claim; others skip the message until then. */
  claimed_until: string | null;
  last_error: string | null;
  /** Normalised reason of a final failure (migration 006; server/delivery/failure-reason.ts). */
  failure_reason: Generated<string | null>;
  created_at: string;
  sent_at: string | null;
  /** The invitation whose password the message carries (migration 005). */
  invitation_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** That password while it is still needed; null once replaced by `[removed]` (or never any). */
  secret: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Every table of the service (import tables: schema-imports.ts, migration 002). */
export interface Database extends ImportTables {
  organizations: OrganizationsTable;
  organization_settings: OrganizationSettingsTable;
  invitation_templates: InvitationTemplatesTable;
  permission_profiles: PermissionProfilesTable;
  administrators: AdministratorsTable;
  auth_sessions: AuthSessionsTable;
  refresh_tokens: RefreshTokensTable;
  rate_limit_counters: RateLimitCountersTable;
  service_secrets: ServiceSecretsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  numbers: NumbersTable;
  accounts: AccountsTable;
  invitations: InvitationsTable;
  activation_tokens: ActivationTokensTable;
  outbox_messages: OutboxMessagesTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type AdministratorRow = Selectable<AdministratorsTable>;
export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type NumberRow = Selectable<NumbersTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type OutboxMessageRow = Selectable<OutboxMessagesTable>;
export type NewOutboxMessage = Insertable<OutboxMessagesTable>;
export type PermissionProfileRow = Selectable<PermissionProfilesTable>;
