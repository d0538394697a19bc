// Turns a bulk answer ({results:[{accountId, ok, error?}]}) into the snackbar's sentence and detail lines.
import type { Account, AccountActionResults } from '../../../../common/api/accounts';

export interface BulkSummary {
  ok: number;
  failed: number;
  text: string;
  details: string[];
}

/** "2 resent, 1 failed" with one line per failure: "Ana Silva — reason". */
export function summariseBulk(
  result: AccountActionResults,
  accounts: Account[],
  verb: string,
): BulkSummary {
  const names = new Map(
    accounts.map((account) => [account.id, `${account.firstName} ${account.lastName}`]),
  );
  const failures = result.results.filter((entry) => !entry.ok);
  const ok = result.results.length - failures.length;
  const details = failures.map(
    (entry) =>
      `${names.get(entry.accountId) ?? entry.accountId} — ${entry.error?.message ?? 'not done'}`,
  );
  const format = new Intl.NumberFormat();
  const text =
    failures.length === 0
      ? `${format.format(ok)} ${ok === 1 ? 'account' : 'accounts'} ${verb}.`
      : `${format.format(ok)} ${verb}, ${format.format(failures.length)} failed:`;
  return { ok, failed: failures.length, text, details };
}
