// The name (and contact) of an audit event's target as it is when the event is recorded, so the
// Activity report shows who an event was about even after a rename or a deletion.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface TargetName {
  name: string;
  contact: string | null;
}

interface Target {
  targetType: string;
  targetId: string | null;
}

const chunk = 500;

async function lookUp(
  db: Kysely<Database>,
  type: string,
  ids: string[],
): Promise<[string, TargetName][]> {
  switch (type) {
    case 'account':
      return (
        await db
          .selectFrom('accounts')
          .select(['id', 'first_name', 'last_name', 'contact'])
          .where('id', 'in', ids)
          .execute()
      ).map((row) => [
        row.id,
        { name: `${row.first_name} ${row.last_name}`, contact: row.contact },
      ]);
    case 'administrator':
      return (
        await db
          .selectFrom('administrators')
          .select(['id', 'name', 'email'])
          .where('id', 'in', ids)
          .execute()
      ).map((row) => [row.id, { name: row.name, contact: row.email }]);
    case 'organization':
      return (
        await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute()
      ).map((row) => [row.id, { name: row.name, contact: null }]);
    case 'import':
      return (
        await db
          .selectFrom('import_jobs')
          .select(['id', 'file_name'])
          .where('id', 'in', ids)
          .execute()
      ).map((row) => [row.id, { name: row.file_name, contact: null }]);
    case 'permission_profile':
      return (
        await db
          .selectFrom('permission_profiles')
          .select(['id', 'name'])
          .where('id', 'in', ids)
          .execute()
      ).map((row) => [row.id, { name: row.name, contact: null }]);
    default:
      return [];
  }
}

/** Names by target id; a target already gone (a deletion) keeps the name its last event recorded. */
export async function targetNames(
  db: Kysely<Database>,
  targets: readonly Target[],
): Promise<Map<string, TargetName>> {
  const byType = new Map<string, Set<string>>();
  for (const { targetType, targetId } of targets) {
    if (targetId === null) continue;
    const ids = byType.get(targetType) ?? new Set<string>();
    ids.add(targetId);
    byType.set(targetType, ids);
  }
  const names = new Map<string, TargetName>();
  const missing: string[] = [];
  for (const [type, idSet] of byType) {
    const ids = [...idSet];
    for (let start = 0; start < ids.length; start += chunk) {
      const part = ids.slice(start, start + chunk);
      for (const [id, name] of await lookUp(db, type, part)) names.set(id, name);
      missing.push(...part.filter((id) => !names.has(id)));
    }
  }
  for (let start = 0; start < missing.length; start += chunk) {
    const earlier = await db
      .selectFrom('audit_events')
      .select(['target_id', 'target_name', 'target_contact'])
      .where('target_id', 'in', missing.slice(start, start + chunk))
      .where('target_name', 'is not', null)
      .orderBy('seq', 'desc')
      .execute();
    for (const row of earlier) {
      if (row.target_id && row.target_name && !names.has(row.target_id)) {
        names.set(row.target_id, { name: row.target_name, contact: row.target_contact });
      }
    }
  }
  return names;
}
