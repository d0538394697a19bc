// Every change the accounts and numbers domain makes goes to the audit trail through this one
// function (CORE's recordAudit, in the change's own transaction), so no change is left unrecorded.
import { recordAudit, type AuditActor } from './audit/record-audit';
import type { Db } from './organization-context';

/** Who made a change: the signed-in administrator, or null for the service itself (demo seed). */
export type Actor = AuditActor | null;

export interface Change {
  action: string;
  targetType: string;
  targetId: string | null;
  organizationId: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

export async function recordChange(db: Db, actor: Actor, change: Change): Promise<void> {
  await recordAudit(db, {
    actor: actor ? { id: actor.id, email: actor.email } : null,
    organizationId: change.organizationId,
    action: change.action,
    targetType: change.targetType,
    targetId: change.targetId,
    ...(change.details ? { details: change.details } : {}),
    ...(change.at ? { at: change.at } : {}),
  });
}
