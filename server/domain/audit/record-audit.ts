// The audit trail: every change calls recordAudit inside its transaction, so a change and its
// audit event are stored together or not at all.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../db/values';

export interface AuditActor {
  id: string;
  email: string;
}

export interface AuditEntry {
  /** null for the service itself (bootstrap, delivery worker) or an anonymous device. */
  actor: AuditActor | null;
  organizationId: string | null;
  /** `noun.verb`, e.g. `account.created`, `administrator.invited`, `organization.created`. */
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the current time. */
  at?: Date;
}

function auditRow(entry: AuditEntry) {
  return {
    id: newId(),
    created_at: (entry.at ?? new Date()).toISOString(),
    actor_id: entry.actor?.id ?? null,
    actor_email: entry.actor?.email ?? null,
    organization_id: entry.organizationId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/** Records one audit event (pass the transaction of the change). */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_events').values(auditRow(entry)).execute();
}

/** Records many events in batches (imports, bulk actions). */
export async function recordAudits(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  const batchSize = 500;
  for (let start = 0; start < entries.length; start += batchSize) {
    await db
      .insertInto('audit_events')
      .values(entries.slice(start, start + batchSize).map(auditRow))
      .execute();
  }
}
