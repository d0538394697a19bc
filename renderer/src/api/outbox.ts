// The invitation outbox: every message with its delivery state, oldest first.
import { outboxPageSchema, type OutboxPage } from '../../../common/api/outbox';
import { pageParams, type PageRequest } from './paging';
import { request } from './request';

export interface OutboxQuery extends PageRequest {
  accountId?: string;
}

/** One page of the outbox, optionally of one account's messages. */
export function listOutbox(query: OutboxQuery = {}): Promise<OutboxPage> {
  const params: Record<string, string | number> = pageParams(query);
  if (query.accountId) params.accountId = query.accountId;
  return request(outboxPageSchema, { url: '/outbox', params, what: 'the outbox' });
}
