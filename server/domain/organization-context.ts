// What the domain reads about an organization: the settings, template and default profile it
// uses, inherited from the nearest ancestor (the tenant rule itself lives in scope.ts).
import {
  defaultInvitationTemplate,
  type InvitationTemplate,
} from '../../common/api/invitation-template';
import { defaultOrganizationSettings, type OrganizationSettings } from '../../common/api/settings';
import { PostgresAdapter, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, OrganizationRow, OrganizationSettingsTable } from '../db/schema';
import { isSet, parseJson } from '../db/values';
import { lineage } from './scope';

export type Db = Kysely<Database> | Transaction<Database>;

export type { InvitationTemplate, OrganizationSettings };

export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Picks the row of the nearest organization in the lineage (self first, then parent, …). */
function nearest<T extends { organization_id: string }>(rows: T[], ids: string[]): T | undefined {
  for (const id of [...ids].reverse()) {
    const row = rows.find((candidate) => candidate.organization_id === id);
    if (row) return row;
  }
  return undefined;
}

/** A stored settings row as the API shows it. */
export function toOrganizationSettings(
  row: Selectable<OrganizationSettingsTable>,
): OrganizationSettings {
  const domains = parseJson<unknown>(row.allowed_email_domains, []);
  return {
    invitationExpiryDays: row.invitation_expiry_days,
    singleUseInvitations: isSet(row.single_use_invitations),
    allowedEmailDomains: Array.isArray(domains)
      ? domains.filter((domain): domain is string => typeof domain === 'string')
      : [],
    maxLinesAllowed: row.max_lines_allowed,
    followUpDays: row.follow_up_days,
  };
}

/** The settings an organization uses: its own, else the nearest ancestor's, else the defaults. */
export async function settingsFor(
  db: Db,
  organization: Pick<OrganizationRow, 'path'>,
): Promise<OrganizationSettings> {
  const ids = lineage(organization);
  const rows = await db
    .selectFrom('organization_settings')
    .selectAll()
    .where('organization_id', 'in', ids)
    .execute();
  const row = nearest(rows, ids);
  return row ? toOrganizationSettings(row) : defaultOrganizationSettings;
}

export async function invitationTemplateFor(
  db: Db,
  organization: Pick<OrganizationRow, 'path'>,
): Promise<InvitationTemplate> {
  const ids = lineage(organization);
  const rows = await db
    .selectFrom('invitation_templates')
    .selectAll()
    .where('organization_id', 'in', ids)
    .execute();
  const row = nearest(rows, ids);
  if (!row) return defaultInvitationTemplate;
  return { emailSubject: row.email_subject, emailBody: row.email_body, smsBody: row.sms_body };
}

/** A profile the organization may use: its own or one of an ancestor's. */
export async function findVisibleProfile(
  db: Db,
  organization: Pick<OrganizationRow, 'path'>,
  profileId: string,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('permission_profiles')
    .select(['id', 'name'])
    .where('id', '=', profileId)
    .where('organization_id', 'in', lineage(organization))
    .executeTakeFirst();
}

/** The organization's `Default User Permissions (Default)` profile (inherited when it has none). */
export async function defaultProfileFor(
  db: Db,
  organization: Pick<OrganizationRow, 'path'>,
): Promise<string | null> {
  const ids = lineage(organization);
  const rows = await db
    .selectFrom('permission_profiles')
    .select(['id', 'organization_id', 'is_default', 'created_at'])
    .where('organization_id', 'in', ids)
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .execute();
  const defaults = rows.filter((row) => isSet(row.is_default));
  return nearest(defaults, ids)?.id ?? nearest(rows, ids)?.id ?? null;
}

/**
 * Serialises every change to an organization's capacity: on PostgreSQL the organizations' rows are
 * locked (in id order, so two transactions never wait on each other in a circle); SQLite runs one
 * write transaction at a time already.
 */
export async function lockOrganizations(db: Db, ids: Iterable<string>): Promise<void> {
  if (!isPostgres(db)) return;
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  await db
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', sorted)
    .orderBy('id')
    .forUpdate()
    .execute();
}
