import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, bearerOf, requirePermission, SESSION_COOKIE } from '../../platform/auth/guard.js';
import type { AppConfig } from '../../platform/config.js';
import { isLoopbackHost } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { isHttps } from '../../platform/http/hardening.js';
import { errorResponses, pageOf, ZError, ZOk } from '../../platform/http/schemas.js';
import { isKnownAddress } from './lockout.service.js';
import { refuseLocalPasswordIfUnified } from './oidc.service.js';
import {
  changeOwnPassword,
  describeActor,
  type OwnNameSource,
  resolveSession,
  signIn,
  signOut,
} from './session.service.js';
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

/** Rate checks the auth guard makes on every Bearer request: per client address and per token. */
export function createTokenLimits(app: FastifyInstance, config: AppConfig) {
  const window = { max: config.tokenRatePerMinute, timeWindow: 60_000 };
  return {
    perAddress: app.createRateLimit({ ...window, keyGenerator: (request) => `token-ip:${request.ip}` }),
    perToken: app.createRateLimit({
      ...window,
      keyGenerator: (request) =>
        `token:${createHash('sha256')
          .update(bearerOf(request) ?? '')
          .digest('hex')}`,
    }),
  };
}

/** The session resolver the auth guard calls on every request. */
export function createSessionResolver(db: Db, config: AppConfig) {
  return (token: string, request: FastifyRequest) => resolveSession(db, config, token, clientOf(request));
}

function usernameOf(req: FastifyRequest): string {
  const body = req.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
}

const ZId = z.object({ id: z.coerce.number().int().positive().describe('User id') });

export async function authRoutes(
  app: FastifyInstance,
  { db, config, ownName }: { db: Db; config: AppConfig; ownName?: OwnNameSource },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Secure whenever the browser came over HTTPS (directly or via a trusted proxy), decision 0020.
  const cookieOptions = (req: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: isHttps(req, config),
  });
  // Per username, across addresses; an address the user has signed in from before is exempt, so
  // a flood from elsewhere cannot keep the owner out (decision 0020).
  const perAccount = app.createRateLimit({
    max: config.loginRatePerAccount,
    timeWindow: 60_000,
    keyGenerator: (req) => `login-account:${usernameOf(req)}`,
    allowList: (req) => isKnownAddress(db, usernameOf(req), req.ip),
  });
  r.get(
    '/api/auth/login-options',
    {
      schema: {
        tags: ['auth'],
        summary: 'What the sign-in page may show before anyone signs in',
        security: [],
        response: {
          200: z.object({
            showDemoAccounts: z
              .boolean()
              .describe('Demo mode on a loopback address only: the page may show the demo accounts'),
          }),
        },
      },
    },
    async () => ({ showDemoAccounts: config.isDemo && isLoopbackHost(config.host) }),
  );
  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with username and password; sets the HttpOnly session cookie. Unknown users, wrong passwords and locked accounts get the same 401.',
        security: [],
        body: ZLoginInput,
        response: { 200: ZMe, 400: ZError, 401: ZError, 429: ZError },
      },
      config: {
        skipCsrf: true,
        rateLimit: { max: config.loginRatePerAddress, timeWindow: 60_000, groupId: 'login-address' },
      },
      preHandler: async (req, reply) => {
        const limit = await perAccount(req);
        if (!limit.isAllowed && limit.isExceeded) {
          reply.header('retry-after', String(limit.ttlInSeconds));
          throw new AppError(429, 'rate_limited');
        }
      },
    },
    async (req, reply) => {
      await refuseLocalPasswordIfUnified(db, config.oidc, clientOf(req), req.body);
      const session = await signIn(db, config, clientOf(req), req.body, req.cookies[SESSION_COOKIE]);
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions(req),
        maxAge: config.sessionAbsoluteHours * 3600,
      });
      const actor = await resolveSession(db, config, session.token, clientOf(req));
      if (!actor) throw new Error('session vanished right after sign-in');
      return describeActor(db, actor, ownName);
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
      reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
      return { ok: true as const };
    },
  );
  r.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Whether a session is open: the signed-in user (as /api/auth/me) or null. Public, so that the sign-in and public pages learn it without a 401.',
        security: [],
        response: { 200: z.object({ me: ZMe.nullable() }) },
      },
    },
    async (req) => ({ me: req.actor ? await describeActor(db, req.actor, ownName) : null }),
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
    async (req) => describeActor(db, actorOf(req), ownName),
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
      await changeOwnPassword(db, actorOf(req), config, req.body);
      return { ok: true as const };
    },
  );
}

export async function usersRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
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
    async (req, reply) => reply.code(201).send(await issueApiToken(db, actorOf(req), config, req.body)),
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
