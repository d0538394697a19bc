// What every account operation needs: who acts, within which subtree, and how invitations are issued.
import type { AccountRow } from '../../db/schema';
import { type Actor } from '../audit/record-audit';
import type { InvitationContext } from '../invitations/issue-invitation';
import { type Db } from '../organization-context';
import { type Scope, inSubtree } from '../scope';

export interface AccountsContext {
  scope: Scope;
  actor: Actor;
  invitation: InvitationContext;
}

/** The accounts with these ids that are inside the scope, with their organization's path. */
export async function accountsInScope(
  db: Db,
  scope: Scope,
  ids: readonly string[],
): Promise<Map<string, AccountRow & { organization_path: string }>> {
  const found = new Map<string, AccountRow & { organization_path: string }>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await inSubtree(
      db
        .selectFrom('accounts')
        .innerJoin('organizations', 'organizations.id', 'accounts.organization_id')
        .selectAll('accounts')
        .select('organizations.path as organization_path')
        .where('accounts.id', 'in', unique.slice(start, start + 500)),
      'organizations.path',
      scope,
    ).execute();
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}
