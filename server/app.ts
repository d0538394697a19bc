// Builds the provisioning service's Fastify app: zod validation and serialization, OpenAPI at
// GET /api/v1/openapi.json, CORS, uniform errors, and one route plugin per file in routes/.
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../common/errors';
import type { AppDeps } from './deps';
import { registerDeliveryWorker } from './delivery/delivery-plugin';
import { installErrorHandling } from './http/errors';
import { installInputGuards } from './http/input-guards';
import { installRequestLog } from './http/request-log';
import { openApiDocument, openApiTransform } from './http/openapi';
import { administratorRoutes } from './routes/administrators';
import { accountExportRoutes } from './routes/accounts-export';
import { accountRoutes } from './routes/accounts';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { activationRoutes } from './routes/activation';
import { invitationTemplateRoutes } from './routes/invitation-template';
import { meRoutes } from './routes/me';
import { numberRoutes } from './routes/numbers';
import { organizationRoutes } from './routes/organizations';
import { outboxRoutes } from './routes/outbox';
import { organizationSettingsRoutes } from './routes/organization-settings';
import { permissionProfileRoutes } from './routes/permission-profiles';
import { reportRoutes } from './routes/reports';

export const apiPrefix = '/api/v1';

export interface ApiRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on the app (method, url as written, e.g. `/api/v1/x/:id`). */
    apiRoutes: ApiRoute[];
  }
}

export interface BuildAppOptions {
  /** Fastify's logger (JSON lines); off by default (tests), the CLI turns it on to stderr. */
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(
  deps: AppDeps,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Fastify's own lines carry the URL with its query string; http/request-log.ts logs instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 8 * 1024 * 1024,
    // Long ids or query strings are refused by validation, not by a crash.
    routerOptions: { maxParamLength: 500 },
    // The per-address sign-in limit needs the client's address, not the load balancer's.
    trustProxy: deps.config.trustProxy,
  });
  app.decorate('deps', deps);
  app.decorateRequest('administrator', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installInputGuards(app);
  installRequestLog(app);
  // Every route as registered, so tests can check that the OpenAPI document lists them all.
  const routes: ApiRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    // Every documented route may answer the error shape; say so in the OpenAPI document.
    if (route.schema && route.url.startsWith(apiPrefix)) {
      const response = (route.schema.response ?? {}) as Record<string, unknown>;
      if (!('4XX' in response) && !('4xx' in response)) {
        route.schema.response = { ...response, '4XX': errorBodySchema };
      }
    }
  });
  registerDeliveryWorker(app);

  const allowed = new Set(deps.config.allowedOrigins);
  await app.register(cors, {
    // No Origin header = not a browser (the desktop main process, scripts, tests): allowed.
    origin: (origin, callback) => callback(null, origin === undefined || allowed.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Idempotent-Replayed', 'Content-Disposition'],
    credentials: false,
    maxAge: 600,
    // api.md: nothing answers 204, preflights included.
    optionsSuccessStatus: 200,
  });

  await app.register(swagger, {
    openapi: openApiDocument(deps.config.version),
    transform: openApiTransform(apiPrefix),
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(meRoutes);
      await api.register(organizationRoutes);
      await api.register(organizationSettingsRoutes);
      await api.register(invitationTemplateRoutes);
      await api.register(permissionProfileRoutes);
      await api.register(administratorRoutes);
      await api.register(auditRoutes);
      await api.register(reportRoutes);
      await api.register(importRoutes);
      await api.register(activationRoutes);
      await api.register(numberRoutes);
      await api.register(accountRoutes);
      await api.register(accountExportRoutes);
      await api.register(outboxRoutes);
    },
    { prefix: apiPrefix },
  );

  app.get(
    `${apiPrefix}/openapi.json`,
    { schema: { tags: ['meta'], summary: 'This OpenAPI document', security: [] } },
    async () => app.swagger(),
  );
  return app;
}
