// The audit trail, the one way to record a change: recordAudit (or recordAudits for many) inside
// the change's transaction, so a change and its audit event are stored together or not at all.
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../common/api/audit';
import { batches } from '../../db/batches';
import type { Database } from '../../db/schema';
import { newId } from '../../db/values';
import { targetNames, type TargetName } from './target-names';

/** Who made a change. */
export interface AuditActor {
  id: string;
  email: string;
}

/** The signed-in administrator, or null for the service itself (bootstrap, demo seed, a device). */
export type Actor = AuditActor | null;

export interface AuditEntry {
  /** null for the service itself (bootstrap, delivery worker) or an anonymous device. */
  actor: AuditActor | null;
  organizationId: string | null;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the current time. */
  at?: Date;
}

function auditRow(entry: AuditEntry, names: Map<string, TargetName>) {
  const target = entry.targetId === null ? undefined : names.get(entry.targetId);
  return {
    id: newId(),
    created_at: (entry.at ?? new Date()).toISOString(),
    actor_id: entry.actor?.id ?? null,
    actor_email: entry.actor?.email ?? null,
    organization_id: entry.organizationId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    target_name: target?.name ?? null,
    target_contact: target?.contact ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/** Records one audit event (pass the transaction of the change). */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const names = await targetNames(db, [entry]);
  await db.insertInto('audit_events').values(auditRow(entry, names)).execute();
}

/** Records many events in batches (imports, bulk actions). */
export async function recordAudits(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  for (const batch of batches(entries)) {
    const names = await targetNames(db, batch);
    await db
      .insertInto('audit_events')
      .values(batch.map((entry) => auditRow(entry, names)))
      .execute();
  }
}
