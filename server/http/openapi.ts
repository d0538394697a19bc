// The published contract's frame (GET /api/v1/openapi.json): document info, servers and the one
// name of every operation, so that `redocly lint` passes and client generators get stable method
// names. Route schemas stay the source of shapes and summaries; this adds what every route shares.
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * Each operation's operationId, by `METHOD /path` below /api/v1. A new route needs its line here:
 * the document refuses to build without it, and the contract tests read the document.
 */
export const operationIds: Record<string, string> = {
  'GET /health': 'getHealth',
  'POST /auth/login': 'signIn',
  'POST /auth/refresh': 'refreshSession',
  'POST /auth/logout': 'signOut',
  'POST /auth/password': 'changePassword',
  'GET /me': 'getMe',
  'GET /organizations': 'listOrganizations',
  'POST /organizations': 'createOrganization',
  'GET /organizations/{id}/settings': 'getOrganizationSettings',
  'PATCH /organizations/{id}/settings': 'updateOrganizationSettings',
  'GET /organizations/{id}/invitation-template': 'getInvitationTemplate',
  'PUT /organizations/{id}/invitation-template': 'replaceInvitationTemplate',
  'GET /permission-profiles': 'listPermissionProfiles',
  'POST /permission-profiles': 'createPermissionProfile',
  'GET /administrators': 'listAdministrators',
  'POST /administrators': 'createAdministrator',
  'PATCH /administrators/{id}': 'updateAdministrator',
  'DELETE /administrators/{id}': 'deleteAdministrator',
  'POST /administrators/resend-invitation': 'resendAdministratorInvitations',
  'POST /administrators/{id}/reset-password': 'resetAdministratorPassword',
  'GET /audit-events': 'listAuditEvents',
  'GET /audit-events.csv': 'exportAuditEventsCsv',
  'GET /reports/summary': 'getReportSummary',
  'GET /reports/follow-up': 'listFollowUps',
  'GET /imports/template.csv': 'getImportTemplateCsv',
  'POST /imports': 'openImport',
  'GET /imports': 'listImports',
  'PUT /imports/{id}/chunks/{index}': 'sendImportChunk',
  'POST /imports/{id}/complete': 'completeImport',
  'GET /imports/{id}': 'getImport',
  'GET /imports/{id}/results.csv': 'getImportResultsCsv',
  'POST /activation': 'activate',
  'POST /activation/number': 'chooseActivationNumber',
  'GET /numbers': 'listNumbers',
  'POST /numbers': 'addNumbers',
  'PATCH /numbers/{number}': 'updateNumber',
  'GET /accounts': 'listAccounts',
  'POST /accounts': 'createAccount',
  'GET /accounts/counts': 'countAccounts',
  'GET /accounts/move-check': 'checkAccountsMove',
  'GET /accounts/{id}': 'getAccount',
  'PATCH /accounts/{id}': 'updateAccount',
  'POST /accounts/invite': 'inviteAccounts',
  'POST /accounts/resend-invitation': 'resendAccountInvitations',
  'POST /accounts/suspend': 'suspendAccounts',
  'POST /accounts/unsuspend': 'unsuspendAccounts',
  'POST /accounts/move': 'moveAccounts',
  'POST /accounts/delete': 'deleteAccounts',
  'GET /accounts/export.csv': 'exportAccountsCsv',
  'GET /outbox': 'listOutboxMessages',
  'GET /openapi.json': 'getOpenApiDocument',
};

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;
type Schema = Record<string, unknown> & { response?: Record<string, unknown> };

/** The 2xx answer of a route that sends a file rather than JSON (its address ends in the type). */
function fileAnswer(url: string): Record<string, unknown> | undefined {
  if (url.endsWith('.csv')) {
    return {
      description: 'The CSV file (UTF-8, comma-separated, header row first).',
      content: { 'text/csv': { schema: { type: 'string' } } },
    };
  }
  if (url.endsWith('.json')) {
    return {
      description: 'The OpenAPI 3.0 document of this service.',
      content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
    };
  }
  return undefined;
}

/** jsonSchemaTransform (zod → JSON schema), plus each operation's id and a file route's answer. */
export function openApiTransform(prefix: string): Transform {
  return (input) => {
    const transformed = jsonSchemaTransform(input) as { schema: Schema; url: string };
    const path = transformed.url.slice(prefix.length).replace(/:(\w+)/g, '{$1}');
    const method = [input.route.method].flat()[0] ?? 'GET';
    const operationId = operationIds[`${method} ${path}`];
    // HEAD and OPTIONS twins are not documented; every other route must be named.
    if (!operationId) {
      if (method === 'HEAD' || method === 'OPTIONS') return transformed;
      throw new Error(`No operationId for ${method} ${path} in server/http/openapi.ts.`);
    }
    const response = { ...transformed.schema.response };
    const file = fileAnswer(transformed.url);
    if (file && !Object.keys(response).some((code) => code.startsWith('2'))) response['200'] = file;
    return { ...transformed, schema: { ...transformed.schema, operationId, response } };
  };
}

/** The document's frame: the routes fill `paths`. */
export function openApiDocument(version: string): FastifyDynamicSwaggerOptions['openapi'] {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Linedesk provisioning service',
      description: 'Accounts, numbers, invitations and imports for MultiLine.',
      version,
      // The product's placeholder domain (like the default activation link): replace it with the
      // real licence page when the product has one.
      license: { name: 'Proprietary', url: 'https://linedesk.example/license' },
    },
    // Relative: the document is served by the service it describes, wherever that listens.
    servers: [{ url: '/', description: 'The service that serves this document' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{ bearer: [] }],
  };
}
