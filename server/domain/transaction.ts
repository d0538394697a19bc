// The one way to run work in a transaction: what the work returns is committed, a Failure it
// answers rolls everything back (a refused request never leaves half of its changes behind).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { isFailure } from './outcome';

/** Carries a Failure out of Kysely's transaction so that it rolls back; never leaves this module. */
class RolledBack<T> extends Error {
  constructor(readonly answer: T) {
    super('rolled back');
    this.name = 'RolledBack';
  }
}

/**
 * Runs `work` in one transaction. When it answers a Failure, everything is rolled back and that
 * Failure is returned; any other answer is committed. Anything thrown rolls back and propagates.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const answer = await work(trx);
      if (isFailure(answer)) throw new RolledBack(answer);
      return answer;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.answer as T;
    throw error;
  }
}
