// The Activity report: audit events filtered by administrator, action, organization and dates,
// each with its actor's name and its target's name as it was — for the paged list and the CSV.
import type { AuditEvent, AuditEventFilter } from '../../../common/api/audit';
import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../../db/schema';
import { parseJson } from '../../db/values';
import type { Db } from '../organization-context';
import { addDays, startOfDay } from '../../../common/time/local-day';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `from` as an instant: a date is the start of that day in the zone. */
function fromInstant(value: string, zone: string): string {
  return isDate(value)
    ? new Date(startOfDay(value, zone)).toISOString()
    : new Date(value).toISOString();
}

/** `to` as an exclusive instant: a date is the start of the next day in the zone. */
function toInstant(value: string, zone: string): string {
  if (!isDate(value)) return new Date(value).toISOString();
  return new Date(startOfDay(addDays(value, 1), zone)).toISOString();
}

/** The filtered events of these organizations, oldest first (not yet paged). */
export function filteredAuditEvents(
  db: Db,
  organizationIds: readonly string[],
  filter: AuditEventFilter,
) {
  const zone = filter.timeZone ?? 'UTC';
  const actor = filter.administratorId ?? filter.actorId;
  let query = db
    .selectFrom('audit_events')
    .leftJoin('administrators', 'administrators.id', 'audit_events.actor_id')
    .selectAll('audit_events')
    .select('administrators.name as actor_name')
    .where('audit_events.organization_id', 'in', organizationIds);
  if (filter.action) query = query.where('audit_events.action', '=', filter.action);
  if (filter.targetId) query = query.where('audit_events.target_id', '=', filter.targetId);
  if (actor) query = query.where('audit_events.actor_id', '=', actor);
  // Stored times are UTC ISO strings, so comparing normalised text compares instants.
  if (filter.from)
    query = query.where('audit_events.created_at', '>=', fromInstant(filter.from, zone));
  if (filter.to) query = query.where('audit_events.created_at', '<', toInstant(filter.to, zone));
  return query.orderBy('audit_events.seq');
}

/** One stored event as the API shows it. */
export function toAuditEvent(
  row: Selectable<AuditEventsTable> & { actor_name: string | null },
): AuditEvent {
  return {
    id: row.id,
    createdAt: row.created_at,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    actorName: row.actor_name,
    organizationId: row.organization_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetName: row.target_name,
    targetContact: row.target_contact,
    details: parseJson<Record<string, unknown>>(row.details, {}),
  };
}

/** The CSV's header and one event's cells (the writer neutralises formula-looking cells). */
export const auditCsvHeader = [
  'Time',
  'Administrator',
  'Administrator email',
  'Action',
  'Organization',
  'Target type',
  'Target',
  'Target contact',
  'Target id',
  'Details',
];

export function auditCsvCells(event: AuditEvent, organizationName: string | undefined): string[] {
  return [
    event.createdAt,
    event.actorName ?? '',
    event.actorEmail ?? '',
    event.action,
    organizationName ?? event.organizationId ?? '',
    event.targetType,
    event.targetName ?? '',
    event.targetContact ?? '',
    event.targetId ?? '',
    JSON.stringify(event.details),
  ];
}

/** The names of these organizations by id (the CSV's Organization column). */
export async function organizationNames(
  db: Db,
  organizationIds: readonly string[],
): Promise<Map<string, string>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', 'in', organizationIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
