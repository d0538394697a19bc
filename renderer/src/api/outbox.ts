// The invitation outbox: every message with its delivery state, oldest first.
import { api } from './client';
import { parseAnswer } from './answer';
import { outboxPageSchema, type OutboxPage } from '../../../common/api/outbox';

export interface OutboxQuery {
  accountId?: string;
  page?: number;
  pageSize?: number;
}

export async function listOutbox(query: OutboxQuery = {}): Promise<OutboxPage> {
  const params: Record<string, string | number> = {
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 50,
  };
  if (query.accountId) params.accountId = query.accountId;
  const response = await api.get('/outbox', { params });
  return parseAnswer(outboxPageSchema, response.data, 'the outbox');
}
