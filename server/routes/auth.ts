// /api/v1/auth/*: sign in, refresh (rotating), sign out, change password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  loginRequestSchema,
  logoutRequestSchema,
  logoutResponseSchema,
  passwordChangeRequestSchema,
  passwordChangeResponseSchema,
  refreshRequestSchema,
  sessionSchema,
} from '../../common/api/auth';
import { authenticate, signedIn } from '../http/auth';
import { changePassword, signIn } from '../domain/auth/sign-in';
import { rotateRefreshToken, signOut } from '../domain/auth/sessions';
import { valueOrThrow } from '../http/outcome-reply';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        security: [],
        body: loginRequestSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request) =>
      valueOrThrow(
        await signIn(app.deps, {
          email: request.body.email,
          password: request.body.password,
          address: request.ip,
        }),
      ),
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange the refresh token for a new pair (the old one stops working)',
        security: [],
        body: refreshRequestSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request) => valueOrThrow(await rotateRefreshToken(app.deps, request.body.refreshToken)),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revokes the refresh token and its access tokens',
        security: [],
        body: logoutRequestSchema,
        response: { 200: logoutResponseSchema },
      },
    },
    async (request) => {
      await signOut(app.deps, request.body.refreshToken);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    {
      onRequest: authenticate,
      schema: {
        tags: ['auth'],
        summary: 'Change the signed-in administrator’s password',
        body: passwordChangeRequestSchema,
        response: { 200: passwordChangeResponseSchema },
      },
    },
    async (request) => {
      valueOrThrow(await changePassword(app.deps, signedIn(request), request.body));
      return { ok: true as const };
    },
  );
};
