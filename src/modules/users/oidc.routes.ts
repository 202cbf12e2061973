import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission, SESSION_COOKIE } from '../../platform/auth/guard.js';
import { createOidcClient } from '../../platform/auth/oidc.client.js';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses, ZError, ZOk } from '../../platform/http/schemas.js';
import {
  ZAuthProviders,
  ZIdentity,
  ZIdentityList,
  ZLinkIdentityInput,
  ZOidcCallbackQuery,
  ZOidcStartQuery,
} from './oidc.schema.js';
import {
  finishOidcSignIn,
  linkUserIdentity,
  listPendingIdentities,
  listUserIdentities,
  startOidcSignIn,
  unlinkUserIdentity,
} from './oidc.service.js';
import { clientOf } from './users.routes.js';

/** Holds the state between the redirect to the identity service and its callback. */
export const OIDC_STATE_COOKIE = 'yf_oidc_state';
const START_PATH = '/api/auth/oidc/start';
const ZRedirect = z.null().describe('Redirect (302): see the Location header');

/** Sign-in through the unified identity service (统一身份认证, ORG-5) and identity links. */
export async function oidcRoutes(app: FastifyInstance, { db, config }: { db: Db; config: AppConfig }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const oidc = config.oidc ? createOidcClient(config.oidc) : null;
  const stateCookie = {
    path: '/api/auth/oidc',
    httpOnly: true,
    // Lax, not Strict: the callback is a top-level navigation coming from the identity service.
    sameSite: 'lax' as const,
    secure: config.isSecureCookie,
  };
  const loginWithError = (code: string) => `/login?oidcError=${encodeURIComponent(code)}`;

  r.get(
    '/api/auth/providers',
    {
      schema: {
        tags: ['auth'],
        summary: 'How one may sign in here: the login page reads it before sign-in',
        security: [],
        response: { 200: ZAuthProviders },
      },
    },
    async () => ({ local: true as const, oidc: oidc ? { startUrl: START_PATH } : null }),
  );

  r.get(
    START_PATH,
    {
      schema: {
        tags: ['auth'],
        summary: 'Start sign-in at the unified identity service: redirects there (code flow with PKCE)',
        security: [],
        querystring: ZOidcStartQuery,
        response: { 302: ZRedirect, 404: ZError },
      },
    },
    async (req, reply) => {
      if (!oidc) throw new AppError(404, 'oidc.not_configured');
      try {
        const started = await startOidcSignIn(db, oidc, req.query);
        reply.setCookie(OIDC_STATE_COOKIE, started.state, { ...stateCookie, maxAge: 600 });
        return reply.redirect(started.url.href, 302);
      } catch (error) {
        req.log.error({ err: error }, 'unified identity service unavailable');
        return reply.redirect(loginWithError('oidc.unavailable'), 302);
      }
    },
  );

  r.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Return from the unified identity service: verifies state, code, ID token; signs the linked user in and redirects to the app (or to /login?oidcError=…)',
        security: [],
        querystring: ZOidcCallbackQuery,
        response: { 302: ZRedirect, 404: ZError },
      },
    },
    async (req, reply) => {
      if (!oidc) throw new AppError(404, 'oidc.not_configured');
      reply.clearCookie(OIDC_STATE_COOKIE, stateCookie);
      // The URL the identity service redirected to, rebuilt from the registered redirect URI, so a
      // proxy's host or scheme cannot change what is checked.
      const callbackUrl = new URL(oidc.config.redirectUri);
      callbackUrl.search = new URLSearchParams(req.query as Record<string, string>).toString();
      try {
        const session = await finishOidcSignIn(db, oidc, config, clientOf(req), {
          callbackUrl,
          stateCookie: req.cookies[OIDC_STATE_COOKIE],
        });
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: config.isSecureCookie,
          maxAge: config.sessionAbsoluteHours * 3600,
        });
        return reply.redirect(session.returnTo, 302);
      } catch (error) {
        if (error instanceof AppError) return reply.redirect(loginWithError(error.code), 302);
        req.log.error({ err: error }, 'unified sign-in failed');
        return reply.redirect(loginWithError('oidc.failed'), 302);
      }
    },
  );

  const ZUserId = z.object({ id: z.coerce.number().int().positive().describe('User id') });
  r.get(
    '/api/users/:id/identities',
    {
      schema: {
        tags: ['users'],
        summary: 'Unified identities (统一身份认证) linked to a user',
        params: ZUserId,
        response: { 200: ZIdentityList, ...errorResponses },
      },
      onRequest: requirePermission('users:read'),
    },
    async (req) => listUserIdentities(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/users/:id/identities',
    {
      schema: {
        tags: ['users'],
        summary:
          'Link a unified identity to a user (by the configured claim); the user keeps its own role and scope',
        params: ZUserId,
        body: ZLinkIdentityInput,
        response: { 201: ZIdentity, 409: ZError, ...errorResponses },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req, reply) =>
      reply.code(201).send(await linkUserIdentity(db, config.oidc, actorOf(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/users/:id/identities/:identityId',
    {
      schema: {
        tags: ['users'],
        summary: 'Unlink a unified identity from a user',
        params: ZUserId.extend({
          identityId: z.coerce.number().int().positive().describe('Identity id'),
        }),
        response: { 200: ZOk, ...errorResponses },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req) => {
      await unlinkUserIdentity(db, actorOf(req), req.params.id, req.params.identityId);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/identities/pending',
    {
      schema: {
        tags: ['users'],
        summary:
          'Unified identities that signed in but await an administrator to link them (province-level managers)',
        response: { 200: ZIdentityList, ...errorResponses },
      },
      onRequest: requirePermission('users:manage'),
    },
    async (req) => listPendingIdentities(db, config.oidc, actorOf(req)),
  );
}
