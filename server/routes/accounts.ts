// /api/v1/accounts: create, read, edit, list, and the bulk actions (invite, suspend, unsuspend,
// resend-invitation, move-check, move, delete). Rules live in domain/accounts/.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountActionResultsSchema,
  accountCountsQuerySchema,
  accountCountsSchema,
  accountIdsBodySchema,
  accountPageSchema,
  accountSchema,
  createAccountBodySchema,
  deleteAccountsBodySchema,
  deleteAccountsResultSchema,
  listAccountsQuerySchema,
  moveAccountsBodySchema,
  moveAccountsResultSchema,
  moveCheckQuerySchema,
  moveCheckResultSchema,
  patchAccountBodySchema,
} from '../../common/api/accounts';
import { idParamsSchema } from '../../common/api/paging';
import { countAccounts } from '../domain/accounts/count-accounts';
import { createAccount } from '../domain/accounts/create-account';
import { deleteAccounts } from '../domain/accounts/delete-accounts';
import { inviteAccounts, resendInvitations } from '../domain/accounts/invite-accounts';
import { getAccount, listAccounts } from '../domain/accounts/list-accounts';
import { moveAccounts, moveCheck } from '../domain/accounts/move-accounts';
import { suspendAccounts, unsuspendAccounts } from '../domain/accounts/suspend-accounts';
import { updateAccount } from '../domain/accounts/update-account';
import { success } from '../domain/outcome';
import { accountsContextOf, replyWithOutcome, valueOrThrow } from '../http/outcome-reply';
import { authenticate, requirePrivilege } from '../http/auth';

const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const accounts = requirePrivilege('accounts');

  app.get(
    '/accounts',
    {
      onRequest: authenticate,
      schema: {
        tags,
        summary: 'Accounts, paged, filtered and sorted',
        querystring: listAccountsQuerySchema,
        response: { 200: accountPageSchema },
      },
    },
    async (request) =>
      valueOrThrow(await listAccounts(db, accountsContextOf(request).scope, request.query)),
  );

  app.get(
    '/accounts/counts',
    {
      onRequest: authenticate,
      schema: {
        tags,
        summary: 'Accounts per status for the status chips (the list filters except status)',
        querystring: accountCountsQuerySchema,
        response: { 200: accountCountsSchema },
      },
    },
    async (request) =>
      valueOrThrow(await countAccounts(db, accountsContextOf(request).scope, request.query)),
  );

  app.post(
    '/accounts',
    {
      onRequest: accounts,
      schema: {
        tags,
        summary: 'Create an account (Save, or Save & Invite)',
        body: createAccountBodySchema,
        response: { 201: accountSchema },
      },
    },
    async (request, reply) => {
      const context = accountsContextOf(request);
      return replyWithOutcome(request, reply, 201, async (trx) => {
        const created = await createAccount(trx, context, request.body);
        return created.ok ? success(created.value.account) : created;
      });
    },
  );

  app.get(
    '/accounts/move-check',
    {
      onRequest: authenticate,
      schema: {
        tags,
        summary: 'Whether the selection may move to the organization',
        querystring: moveCheckQuerySchema,
        response: { 200: moveCheckResultSchema },
      },
    },
    async (request) =>
      valueOrThrow(
        await moveCheck(
          db,
          accountsContextOf(request),
          request.query.accountIds,
          request.query.targetOrganizationId,
        ),
      ),
  );

  app.get(
    '/accounts/:id',
    {
      onRequest: authenticate,
      schema: {
        tags,
        summary: 'One account',
        params: idParamsSchema,
        response: { 200: accountSchema },
      },
    },
    async (request) =>
      valueOrThrow(await getAccount(db, accountsContextOf(request).scope, request.params.id)),
  );

  app.patch(
    '/accounts/:id',
    {
      onRequest: accounts,
      schema: {
        tags,
        summary: 'Edit names, contact, lines, profile or number',
        params: idParamsSchema,
        body: patchAccountBodySchema,
        response: { 200: accountSchema },
      },
    },
    async (request, reply) => {
      const context = accountsContextOf(request);
      return replyWithOutcome(request, reply, 200, (trx) =>
        updateAccount(trx, context, request.params.id, request.body),
      );
    },
  );

  const bulk = [
    ['invite', 'Invite Not Invited accounts (capacity rule)', inviteAccounts],
    ['resend-invitation', 'Resend invitations with new passwords', resendInvitations],
    ['suspend', 'Suspend accounts', suspendAccounts],
    ['unsuspend', 'Unsuspend accounts', unsuspendAccounts],
  ] as const;
  for (const [path, summary, action] of bulk) {
    app.post(
      `/accounts/${path}`,
      {
        onRequest: accounts,
        schema: {
          tags,
          summary,
          body: accountIdsBodySchema,
          response: { 200: accountActionResultsSchema },
        },
      },
      async (request, reply) => {
        const context = accountsContextOf(request);
        return replyWithOutcome(request, reply, 200, (trx) =>
          action(trx, context, request.body.accountIds),
        );
      },
    );
  }

  app.post(
    '/accounts/move',
    {
      onRequest: accounts,
      schema: {
        tags,
        summary: 'Move accounts (and their numbers) to another organization',
        body: moveAccountsBodySchema,
        response: { 200: moveAccountsResultSchema },
      },
    },
    async (request, reply) => {
      const context = accountsContextOf(request);
      const { accountIds, targetOrganizationId } = request.body;
      return replyWithOutcome(request, reply, 200, (trx) =>
        moveAccounts(trx, context, accountIds, targetOrganizationId),
      );
    },
  );

  app.post(
    '/accounts/delete',
    {
      onRequest: accounts,
      schema: {
        tags,
        summary: 'Delete accounts, releasing or reserving their numbers',
        body: deleteAccountsBodySchema,
        response: { 200: deleteAccountsResultSchema },
      },
    },
    async (request, reply) => {
      const context = accountsContextOf(request);
      const { accountIds, numberDisposition } = request.body;
      return replyWithOutcome(request, reply, 200, (trx) =>
        deleteAccounts(trx, context, accountIds, numberDisposition),
      );
    },
  );
};
