// Numbers of organization pools: the paged list (e.g. the Available and Reserved ones an account
// can get), and pool management — add, reserve, release, move between organizations.
import {
  addNumbersResultSchema,
  numberPageSchema,
  numberSchema,
  type NumberPage,
  type NumberState,
  type PatchNumberBody,
  type PoolNumber,
} from '../../../common/api/numbers';
import type { PageRequest } from './paging';
import { request } from './request';

export interface NumberQuery extends PageRequest {
  organizationId: string;
  states?: NumberState[];
  q?: string;
}

const numberPath = (number: string) => `/numbers/${encodeURIComponent(number)}`;

/** One page of an organization's pool (100 a page unless asked otherwise). */
export function listNumbers(query: NumberQuery): Promise<NumberPage> {
  const params: Record<string, string | number> = {
    organizationId: query.organizationId,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 100,
  };
  if (query.states?.length) params.state = query.states.join(',');
  if (query.q) params.q = query.q;
  return request(numberPageSchema, { url: '/numbers', params, what: 'the numbers' });
}

/** Adds E.164 numbers to an organization's pool (409 NUMBER_EXISTS when one is already known). */
export async function addNumbers(organizationId: string, numbers: string[]): Promise<PoolNumber[]> {
  const result = await request(addNumbersResultSchema, {
    method: 'POST',
    url: '/numbers',
    data: { organizationId, numbers },
    what: 'the added numbers',
  });
  return result.numbers;
}

function patchNumber(number: string, change: PatchNumberBody): Promise<PoolNumber> {
  return request(numberSchema, {
    method: 'PATCH',
    url: numberPath(number),
    data: change,
    what: 'the number',
  });
}

/** Sets a free number aside with a tag (e.g. PORTED). */
export function reserveNumber(number: string, tag: string): Promise<PoolNumber> {
  return patchNumber(number, { state: 'reserved', tag });
}

/** Makes a reserved number Available again. */
export function releaseNumber(number: string): Promise<PoolNumber> {
  return patchNumber(number, { state: 'available', tag: null });
}

/** Moves an unused number to another organization: down to allocate, up to withdraw. */
export function moveNumber(number: string, organizationId: string): Promise<PoolNumber> {
  return patchNumber(number, { organizationId });
}
