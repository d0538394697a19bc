// Runs domain work in one transaction and rolls it back when the work answers a Failure, so a
// refused request never leaves half of its changes behind.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { FailureSignal, type Outcome } from './outcome';

export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const outcome = await work(trx);
      if (!outcome.ok) throw new FailureSignal(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof FailureSignal) return error.failure;
    throw error;
  }
}
