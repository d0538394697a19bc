// Pool management (Numbers privilege): add numbers, reserve/release, allocate/withdraw, and new
// sub-organizations (Setup). Listing numbers is GRID's numbers.ts.
import { api } from './client';
import { parseAnswer } from './answer';
import { addNumbersResultSchema, numberSchema, type PoolNumber } from '../../../common/api/numbers';
import { organizationSchema, type Organization } from '../../../common/api/organizations';

const numberPath = (number: string) => `/numbers/${encodeURIComponent(number)}`;

/** Adds E.164 numbers to an organization's pool (409 NUMBER_EXISTS when one is already known). */
export async function addNumbers(organizationId: string, numbers: string[]): Promise<PoolNumber[]> {
  const response = await api.post('/numbers', { organizationId, numbers });
  return parseAnswer(addNumbersResultSchema, response.data, 'the added numbers').numbers;
}

/** Sets a free number aside with a tag (e.g. PORTED). */
export async function reserveNumber(number: string, tag: string): Promise<PoolNumber> {
  const response = await api.patch(numberPath(number), { state: 'reserved', tag });
  return parseAnswer(numberSchema, response.data, 'the number');
}

/** Makes a reserved number Available again. */
export async function releaseNumber(number: string): Promise<PoolNumber> {
  const response = await api.patch(numberPath(number), { state: 'available', tag: null });
  return parseAnswer(numberSchema, response.data, 'the number');
}

/** Moves an unused number to another organization: down to allocate, up to withdraw. */
export async function moveNumber(number: string, organizationId: string): Promise<PoolNumber> {
  const response = await api.patch(numberPath(number), { organizationId });
  return parseAnswer(numberSchema, response.data, 'the number');
}

export async function createOrganization(name: string, parentId: string): Promise<Organization> {
  const response = await api.post('/organizations', { name, parentId });
  return parseAnswer(organizationSchema, response.data, 'the new organization');
}
