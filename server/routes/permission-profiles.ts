// /api/v1/permission-profiles: the profiles visible to an organization (own + inherited), and
// creating profiles (Setup).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createPermissionProfileSchema,
  permissionProfileListQuerySchema,
  permissionProfilePageSchema,
  permissionProfileSchema,
} from '../../common/api/permission-profiles';
import { isUniqueViolation, newId } from '../db/values';
import { recordAudit } from '../domain/audit/record-audit';
import { toPermissionProfile, visibleProfiles } from '../domain/setup/permission-profiles';
import { authenticate, requirePrivilege, signedIn } from '../http/auth';
import { AppError } from '../http/errors';
import { replyIdempotent } from '../http/idempotency';
import { pageOf } from '../domain/paging';
import { inSubtree, organizationInScope } from '../domain/scope';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';

const nameTaken = (name: string) =>
  new AppError(
    'PROFILE_NAME_EXISTS',
    `A permission profile named "${name}" is already available to this organization.`,
    { fields: { name: 'This name is already used by this organization or one above it.' } },
  );

export const permissionProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/permission-profiles',
    {
      onRequest: authenticate,
      schema: {
        tags: ['setup'],
        summary: 'Permission profiles visible to an organization (own and inherited)',
        querystring: permissionProfileListQuerySchema,
        response: { 200: permissionProfilePageSchema },
      },
    },
    async (request) => {
      const administrator = signedIn(request);
      if (request.query.organizationId !== undefined) {
        const organization = valueOrThrow(
          await organizationInScope(db, scopeOf(administrator), request.query.organizationId),
        );
        const rows = await visibleProfiles(db, organization);
        return pageOf(
          rows.map((row) => toPermissionProfile(row, organization.id, organization.path)),
          request.query,
        );
      }
      // The whole subtree: what the caller's organization inherits, then every profile below.
      const inheritedAndOwn = await visibleProfiles(db, { path: administrator.organizationPath });
      const below = await inSubtree(
        db
          .selectFrom('permission_profiles as p')
          .innerJoin('organizations as o', 'o.id', 'p.organization_id')
          .selectAll('p'),
        'o.path',
        administrator.organizationPath,
        { belowOnly: true },
      )
        .orderBy('o.depth')
        .orderBy('o.name')
        .orderBy('p.is_default', 'desc')
        .orderBy('p.name')
        .execute();
      return pageOf(
        [...inheritedAndOwn, ...below].map((row) =>
          toPermissionProfile(row, administrator.organizationId, administrator.organizationPath),
        ),
        request.query,
      );
    },
  );

  app.post(
    '/permission-profiles',
    {
      onRequest: requirePrivilege('setup'),
      schema: {
        tags: ['setup'],
        summary: 'Create a permission profile',
        body: createPermissionProfileSchema,
        response: { 201: permissionProfileSchema },
      },
    },
    async (request, reply) => {
      const administrator = signedIn(request);
      const organization = valueOrThrow(
        await organizationInScope(db, scopeOf(administrator), request.body.organizationId),
      );
      const { name, settings } = request.body;
      const visible = await visibleProfiles(db, organization);
      if (visible.some((profile) => profile.name.toLowerCase() === name.toLowerCase())) {
        throw nameTaken(name);
      }
      return replyIdempotent(request, reply, async (trx) => {
        const now = app.deps.now().toISOString();
        const row = {
          id: newId(),
          organization_id: organization.id,
          name,
          settings: JSON.stringify(settings),
          is_default: 0 as const,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('permission_profiles').values(row).execute();
        await recordAudit(trx, {
          actor: administrator,
          organizationId: organization.id,
          action: 'permission_profile.created',
          targetType: 'permission_profile',
          targetId: row.id,
          details: { name, settings },
          at: app.deps.now(),
        });
        return {
          statusCode: 201,
          body: toPermissionProfile(row, organization.id, organization.path),
        };
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw nameTaken(name);
        throw error;
      });
    },
  );
};
