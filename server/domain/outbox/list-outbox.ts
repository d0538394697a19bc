// The outbox list: the invitation messages of the reader's subtree that they may see (see
// outbox-visibility.ts), oldest first; expired invitations' passwords are removed first.
import type { Kysely } from 'kysely';
import type { Paged } from '../../../common/api/paging';
import type { ListOutboxQuery, OutboxMessage } from '../../../common/api/outbox';
import type { Database } from '../../db/schema';
import { success, type Outcome } from '../outcome';
import { paginate } from '../paging';
import { inSubtree } from '../scope';
import { toOutboxMessage } from './enqueue';
import { outboxVisibility, type OutboxReader } from './outbox-visibility';
import { removeSpentPasswords } from './spent-passwords';

/** One page of the messages the reader may see; FORBIDDEN without Accounts or Administrators. */
export async function listOutbox(
  db: Kysely<Database>,
  reader: OutboxReader,
  query: ListOutboxQuery,
  now: Date,
): Promise<Outcome<Paged<OutboxMessage>>> {
  const visibility = await outboxVisibility(db, reader);
  if (!visibility.ok) return visibility;
  const visible = visibility.value;
  // Expired invitations are noticed here; every other way a password is spent removes it at once.
  await removeSpentPasswords(db, now);
  let messages = inSubtree(
    db
      .selectFrom('outbox_messages')
      .innerJoin('organizations', 'organizations.id', 'outbox_messages.organization_id')
      .selectAll('outbox_messages'),
    'organizations.path',
    reader.organizationPath,
  ).where((eb) => {
    const shown = [];
    if (visible.accountMessages) shown.push(eb('outbox_messages.administrator_id', 'is', null));
    if (visible.administratorIds.length > 0) {
      shown.push(eb('outbox_messages.administrator_id', 'in', visible.administratorIds));
    }
    return shown.length > 0 ? eb.or(shown) : eb.lit(false);
  });
  if (query.accountId !== undefined) {
    messages = messages.where('outbox_messages.account_id', '=', query.accountId);
  }
  return success(await paginate(messages.orderBy('outbox_messages.seq'), query, toOutboxMessage));
}
