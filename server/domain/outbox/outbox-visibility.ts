// Who reads which invitation messages: account messages of the subtree need the Accounts
// privilege; an administrator's invitation needs the Administrators privilege and every privilege
// of that administrator (the messages carry passwords). Neither privilege: FORBIDDEN.
import type { Kysely } from 'kysely';
import { privilegesBeyond, type Privilege } from '../../../common/api/administrators';
import type { Database } from '../../db/schema';
import { parseJson } from '../../db/values';
import { failure, success, type Outcome } from '../outcome';
import { inSubtree } from '../scope';

export interface OutboxReader {
  privileges: readonly Privilege[];
  organizationPath: string;
}

export interface OutboxVisibility {
  accountMessages: boolean;
  /** Administrators whose invitations the reader may see. */
  administratorIds: string[];
}

/** What the reader may see in the outbox, or FORBIDDEN. */
export async function outboxVisibility(
  db: Kysely<Database>,
  reader: OutboxReader,
): Promise<Outcome<OutboxVisibility>> {
  const accountMessages = reader.privileges.includes('accounts');
  const managesAdministrators = reader.privileges.includes('administrators');
  if (!accountMessages && !managesAdministrators) {
    return failure('FORBIDDEN', 'The outbox needs the Accounts or the Administrators privilege.');
  }
  let administratorIds: string[] = [];
  if (managesAdministrators) {
    const colleagues = await inSubtree(
      db
        .selectFrom('administrators as a')
        .innerJoin('organizations as o', 'o.id', 'a.organization_id')
        .select(['a.id', 'a.privileges']),
      'o.path',
      reader.organizationPath,
    ).execute();
    administratorIds = colleagues
      .filter(
        (colleague) =>
          privilegesBeyond(reader.privileges, parseJson<Privilege[]>(colleague.privileges, []))
            .length === 0,
      )
      .map((colleague) => colleague.id);
  }
  return success({ accountMessages, administratorIds });
}
