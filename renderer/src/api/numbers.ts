// Numbers of an organization's pool (paged), e.g. the Available and Reserved ones an account can get.
import { api } from './client';
import type { NumberState, Paged, PhoneNumber } from './types';

export interface NumberQuery {
  organizationId: string;
  states?: NumberState[];
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function listNumbers(query: NumberQuery): Promise<Paged<PhoneNumber>> {
  const params: Record<string, string | number> = {
    organizationId: query.organizationId,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 100,
  };
  if (query.states?.length) params.state = query.states.join(',');
  if (query.q) params.q = query.q;
  return (await api.get<Paged<PhoneNumber>>('/numbers', { params })).data;
}
