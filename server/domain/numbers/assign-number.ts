// Taking a number for an account and giving it back. Taking is one conditional UPDATE, so two
// simultaneous requests for the same number cannot both win: the second finds it no longer free.
import type { NumberDisposition } from '../../../common/api/accounts';
import { isoNow } from '../../db/values';
import { failure, success, type Outcome } from '../outcome';
import type { Db } from '../organization-context';

export const RE_INVITE_TAG = 'RE-INVITE';

export interface TakeNumber {
  number: string;
  organizationId: string;
  accountId: string;
  /** `assigned` before activation, `registered` once the account is activated. */
  state: 'assigned' | 'registered';
  now: Date;
}

/** Whether the number was Available (costs capacity) or Reserved when it was taken. */
export type TakenFrom = 'available' | 'reserved';

/** 409 NUMBER_UNAVAILABLE with a sentence naming the number. */
export const numberUnavailable = (number: string) =>
  failure(
    'NUMBER_UNAVAILABLE',
    `The number ${number} is not available in this organization: it may be assigned to another account or belong to another organization.`,
    { number },
  );

/** What state the number is in now, if it is free for this organization. */
export async function freeNumberState(
  db: Db,
  number: string,
  organizationId: string,
): Promise<TakenFrom | null> {
  const row = await db
    .selectFrom('numbers')
    .select('state')
    .where('number', '=', number)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row?.state === 'available' || row?.state === 'reserved' ? row.state : null;
}

/** Assigns an Available or Reserved number of the organization to the account (atomically). */
export async function takeNumber(db: Db, take: TakeNumber): Promise<Outcome<TakenFrom>> {
  const from = await freeNumberState(db, take.number, take.organizationId);
  if (from === null) return numberUnavailable(take.number);
  const result = await db
    .updateTable('numbers')
    .set({ state: take.state, account_id: take.accountId, updated_at: isoNow(take.now) })
    .where('number', '=', take.number)
    .where('organization_id', '=', take.organizationId)
    .where('state', '=', from)
    .where('account_id', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return numberUnavailable(take.number);
  return success(from);
}

/** Gives a number back to the pool: Available, or Reserved with the RE-INVITE tag. */
export async function releaseNumber(
  db: Db,
  number: string,
  disposition: NumberDisposition,
  now: Date,
): Promise<void> {
  await db
    .updateTable('numbers')
    .set({
      state: disposition === 'reserve' ? 'reserved' : 'available',
      tag: disposition === 'reserve' ? RE_INVITE_TAG : null,
      account_id: null,
      updated_at: isoNow(now),
    })
    .where('number', '=', number)
    .execute();
}
