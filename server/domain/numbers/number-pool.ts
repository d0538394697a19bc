// The number pool of an organization: list, add, change the state or tag of a free number, and
// allocate Available numbers to a sub-organization or withdraw them to the parent.
import type {
  ListNumbersQuery,
  NumberPage,
  PatchNumberBody,
  PoolNumber,
} from '../../../common/api/numbers';
import { isoNow } from '../../db/values';
import { computeCapacity } from '../capacity';
import { recordAudit, type Actor } from '../audit/record-audit';
import { lockOrganizations, type Db } from '../organization-context';
import { organizationInScope, type Scope, inSubtree, inScope, isPathWithin } from '../scope';
import { failure, notFoundFailure, success, type Outcome } from '../outcome';
import { paginate } from '../paging';
import { containsDigits, containsText, phoneDigitsPattern } from '../phone-search';
import { toPoolNumber } from './number-view';

/** One page of numbers in the caller's subtree, filtered by organization, state and text. */
export async function listNumbers(
  db: Db,
  scope: Scope,
  query: ListNumbersQuery,
): Promise<Outcome<NumberPage>> {
  let base = db
    .selectFrom('numbers')
    .innerJoin('organizations', 'organizations.id', 'numbers.organization_id')
    .leftJoin('accounts', 'accounts.id', 'numbers.account_id')
    .selectAll('numbers')
    .select([
      'accounts.first_name as account_first_name',
      'accounts.last_name as account_last_name',
      'accounts.contact as account_contact',
    ]);
  if (query.organizationId !== undefined) {
    const organizationFound = await organizationInScope(db, scope, query.organizationId);
    if (!organizationFound.ok) return organizationFound;
    const organization = organizationFound.value;
    base = query.includeSubOrganizations
      ? inSubtree(base, 'organizations.path', organization)
      : base.where('numbers.organization_id', '=', organization.id);
  } else {
    base = inSubtree(base, 'organizations.path', scope);
  }
  if (query.state && query.state.length > 0) base = base.where('numbers.state', 'in', query.state);
  const q = query.q?.trim();
  if (q) {
    const digits = phoneDigitsPattern(q);
    base = base.where((eb) =>
      eb.or([
        digits ? containsDigits('numbers.number', digits) : containsText('numbers.number', q),
        containsText('numbers.tag', q),
      ]),
    );
  }
  const page = await paginate(base.orderBy('numbers.number'), query, toPoolNumber);
  return success(page);
}

/** Adds E.164 numbers (already validated) to an organization's pool as Available. */
export async function addNumbers(
  db: Db,
  scope: Scope,
  actor: Actor,
  input: { organizationId: string; numbers: string[] },
  now: Date,
): Promise<Outcome<PoolNumber[]>> {
  const organizationFound = await organizationInScope(db, scope, input.organizationId);
  if (!organizationFound.ok) return organizationFound;
  const organization = organizationFound.value;
  const numbers = [...new Set(input.numbers)];
  const existing: string[] = [];
  for (let start = 0; start < numbers.length; start += 500) {
    const rows = await db
      .selectFrom('numbers')
      .select('number')
      .where('number', 'in', numbers.slice(start, start + 500))
      .execute();
    existing.push(...rows.map((row) => row.number));
  }
  if (existing.length > 0) {
    return failure(
      'NUMBER_EXISTS',
      existing.length === 1
        ? `The number ${existing[0]} is already in a number pool.`
        : `${existing.length} of these numbers are already in a number pool.`,
      { numbers: existing },
    );
  }
  const rows = numbers.map((number) => ({
    number,
    organization_id: organization.id,
    state: 'available' as const,
    tag: null,
    account_id: null,
    created_at: isoNow(now),
    updated_at: isoNow(now),
  }));
  // ON CONFLICT DO NOTHING: a number added by someone else a moment ago is answered as
  // NUMBER_EXISTS (the caller rolls back) instead of aborting the transaction with an error.
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 200) {
    const result = await db
      .insertInto('numbers')
      .values(rows.slice(start, start + 200))
      .onConflict((oc) => oc.column('number').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  if (inserted !== rows.length) {
    return failure('NUMBER_EXISTS', 'Some of these numbers were just added to a number pool.');
  }
  await recordAudit(db, {
    actor: actor,
    action: 'numbers.added',
    targetType: 'organization',
    targetId: organization.id,
    organizationId: organization.id,
    details: { numbers },
  });
  return success(rows.map(toPoolNumber));
}

const notEnoughAfter = (what: string) =>
  failure(
    'NOT_ENOUGH_NUMBERS',
    `${what} would leave invited accounts of this organization without a number to choose at onboarding.`,
  );

/** Changes a free number's state or tag, or moves an Available number between parent and child. */
export async function patchNumber(
  db: Db,
  scope: Scope,
  actor: Actor,
  number: string,
  patch: PatchNumberBody,
  now: Date,
): Promise<Outcome<PoolNumber>> {
  const current = await db
    .selectFrom('numbers')
    .innerJoin('organizations', 'organizations.id', 'numbers.organization_id')
    .selectAll('numbers')
    .select('organizations.path')
    .where('numbers.number', '=', number)
    .executeTakeFirst();
  if (!current || !inScope(scope, current)) return notFoundFailure('That number');

  if ('organizationId' in patch) {
    const targetFound = await organizationInScope(db, scope, patch.organizationId);
    if (!targetFound.ok) return targetFound;
    const target = targetFound.value;
    if (target.id === current.organization_id) return success(toPoolNumber(current));
    // Allocation goes down the tree, withdrawal back up; never sideways to another branch.
    const allocating = isPathWithin(target.path, current);
    const withdrawing = isPathWithin(current.path, target);
    if (!allocating && !withdrawing) {
      return failure(
        'CONFLICT',
        'A number can only be allocated to a sub-organization or withdrawn to a parent organization.',
      );
    }
    await lockOrganizations(db, [current.organization_id, target.id]);
    const moved = await db
      .updateTable('numbers')
      .set({ organization_id: target.id, updated_at: isoNow(now) })
      .where('number', '=', number)
      .where('state', '=', 'available')
      .where('organization_id', '=', current.organization_id)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      return failure(
        'NUMBER_UNAVAILABLE',
        `Only Available numbers can be allocated or withdrawn; ${number} is not Available.`,
        { number },
      );
    }
    if ((await computeCapacity(db, current.organization_id)) < 0) {
      return notEnoughAfter(`Moving ${number} out`);
    }
    await recordAudit(db, {
      actor: actor,
      action: allocating ? 'number.allocated' : 'number.withdrawn',
      targetType: 'number',
      targetId: number,
      organizationId: target.id,
      details: { from: current.organization_id, to: target.id },
    });
    return success(toPoolNumber({ ...current, organization_id: target.id }));
  }

  if (current.state !== 'available' && current.state !== 'reserved') {
    return failure(
      'NUMBER_UNAVAILABLE',
      `The number ${number} is held by an account; only Available and Reserved numbers can change state.`,
      { number },
    );
  }
  const tag = patch.state === 'reserved' ? (patch.tag ?? current.tag ?? null) : (patch.tag ?? null);
  await lockOrganizations(db, [current.organization_id]);
  const changed = await db
    .updateTable('numbers')
    .set({ state: patch.state, tag, updated_at: isoNow(now) })
    .where('number', '=', number)
    .where('state', 'in', ['available', 'reserved'])
    .where('account_id', 'is', null)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) {
    return failure('NUMBER_UNAVAILABLE', `The number ${number} was just taken by an account.`, {
      number,
    });
  }
  if (
    current.state === 'available' &&
    patch.state === 'reserved' &&
    (await computeCapacity(db, current.organization_id)) < 0
  ) {
    return notEnoughAfter(`Reserving ${number}`);
  }
  await recordAudit(db, {
    actor: actor,
    action: 'number.updated',
    targetType: 'number',
    targetId: number,
    organizationId: current.organization_id,
    details: { state: patch.state, tag, previousState: current.state, previousTag: current.tag },
  });
  return success(toPoolNumber({ ...current, state: patch.state, tag }));
}
