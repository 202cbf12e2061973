import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission, SESSION_COOKIE } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { errorResponses, pageOf, ZError, ZOk } from '../../platform/http/schemas.js';
import { refuseLocalPasswordIfUnified } from './oidc.service.js';
import { changeOwnPassword, describeActor, resolveSession, signIn, signOut } from './session.service.js';
import { issueApiToken, listApiTokens, resolveApiToken, revokeApiToken } from './tokens.service.js';
import {
  ZApiToken,
  ZChangePasswordInput,
  ZIssueApiTokenInput,
  ZIssuedApiToken,
  ZLoginInput,
  ZMe,
  ZResetPasswordInput,
  ZUser,
  ZUserCreate,
  ZUserListQuery,
  ZUserUpdate,
} from './users.schema.js';
import { createUser, getUser, listUsers, resetUserPassword, updateUser } from './users.service.js';

export function clientOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** The API-token resolver the auth guard calls for Authorization: Bearer requests. */
export function createTokenResolver(db: Db) {
  return (token: string, request: FastifyRequest) => resolveApiToken(db, token, clientOf(request));
}

/** The session resolver the auth guard calls on every request. */
export function createSessionResolver(db: Db, config: AppConfig) {
  return (token: string, request: FastifyRequest) => resolveSession(db, config, token, clientOf(request));
}

const ZId = z.object({ id: z.coerce.number().int().positive().describe('User id') });

export async function authRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.isSecureCookie,
  };
  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the HttpOnly session cookie',
        security: [],
        body: ZLoginInput,
        response: { 200: ZMe, 400: ZError, 401: ZError, 423: ZError },
      },
      config: { skipCsrf: true },
    },
    async (req, reply) => {
      await refuseLocalPasswordIfUnified(db, config.oidc, clientOf(req), req.body);
      const session = await signIn(db, config, clientOf(req), req.body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions,
        maxAge: config.sessionAbsoluteHours * 3600,
      });
      const actor = await resolveSession(db, config, session.token, clientOf(req));
      if (!actor) throw new Error('session vanished right after sign-in');
      return describeActor(db, actor);
    },
  );
  r.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session',
        response: { 200: ZOk, ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async (req, reply) => {
      await signOut(db, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, its scope and permissions, and the CSRF token',
        response: { 200: ZMe, ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async (req) => describeActor(db, actorOf(req)),
  );
  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (ends your other sessions)',
        body: ZChangePasswordInput,
        response: { 200: ZOk, ...errorResponses },
      },
      onRequest: requirePermission(null),
    },
    async (req) => {
      await changeOwnPassword(db, actorOf(req), req.body);
      return { ok: true as const };
    },
  );
}

export async function usersRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users of a jurisdiction and below (ORG-3)',
        querystring: ZUserListQuery,
        response: { 200: pageOf(ZUser), ...errorResponses },
      },
      onRequest: requirePermission('users:read'),
    },
    async (req) => listUsers(db, actorOf(req), req.query),
  );
  r.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One user',
        params: ZId,
        response: { 200: ZUser, ...errorResponses },
      },
      onRequest: requirePermission('users:read'),
    },
    async (req) => getUser(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user in your subtree',
        body: ZUserCreate,
        response: { 201: ZUser, 409: ZError, ...errorResponses },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req, reply) => reply.code(201).send(await createUser(db, actorOf(req), req.body)),
  );
  r.put(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Edit a user of your subtree',
        params: ZId,
        body: ZUserUpdate,
        response: { 200: ZUser, ...errorResponses },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req) => updateUser(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Set a temporary password and unlock the account',
        params: ZId,
        body: ZResetPasswordInput,
        response: { 200: ZOk, ...errorResponses },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req) => {
      await resetUserPassword(db, actorOf(req), req.params.id, req.body.newPassword);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/api-tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'API tokens of the member units in your scope (DX-2 machine submission)',
        response: {
          200: z.object({ items: z.array(ZApiToken), total: z.number().int() }),
          ...errorResponses,
        },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req) => listApiTokens(db, actorOf(req)),
  );
  r.post(
    '/api/api-tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'Issue an API token to a member unit; the secret is in this response only',
        body: ZIssueApiTokenInput,
        response: { 201: ZIssuedApiToken, ...errorResponses },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req, reply) => reply.code(201).send(await issueApiToken(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/api-tokens/:id/revoke',
    {
      schema: {
        tags: ['users'],
        summary: 'Revoke an API token at once',
        params: z.object({ id: z.coerce.number().int().positive().describe('Token id') }),
        response: { 200: ZApiToken, ...errorResponses },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req) => revokeApiToken(db, actorOf(req), req.params.id),
  );
}
