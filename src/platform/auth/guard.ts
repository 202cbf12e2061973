import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { AppError } from '../http/errors.js';
import type { Actor } from './actor.js';
import type { Permission } from './permissions.js';

export const SESSION_COOKIE = 'yf_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Sign-in has no session yet, so no CSRF token to echo. */
    skipCsrf?: boolean;
    /**
     * An API token (Bearer) may call this route. Tokens are refused everywhere else: they exist to
     * submit and read their own unit's batches (DX-2, decision 0020), not to act as an officer.
     */
    allowsToken?: boolean;
    /** The route checks its own credentials (/metrics: loopback or METRICS_TOKEN), not a user's. */
    ownAuth?: boolean;
  }
}

/** Finds the actor of a session token (and touches the session), or null when it is unknown or expired. */
export type SessionResolver = (token: string, request: FastifyRequest) => Promise<Actor | null>;

/** Finds the actor of an API token (Authorization: Bearer …), or null. */
export type TokenResolver = (token: string, request: FastifyRequest) => Promise<Actor | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A rate check made with @fastify/rate-limit's createRateLimit. */
export type RateCheck = (
  request: FastifyRequest,
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerOf(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/**
 * Resolves the session cookie into `request.actor` on every request, and refuses cookie-authenticated
 * writes without the session's CSRF token in the X-CSRF-Token header (double submit).
 */
export function registerAuthGuard(
  app: FastifyInstance,
  resolveSession: SessionResolver,
  resolveToken: TokenResolver,
  tokenLimits: { perAddress: RateCheck; perToken: RateCheck },
): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.ownAuth === true) return;
    const bearer = bearerOf(request);
    if (bearer) {
      // Counted before the token is looked up, so guessing tokens is limited per address too.
      for (const check of [tokenLimits.perAddress, tokenLimits.perToken]) {
        const limit = await check(request);
        if (!limit.isAllowed && limit.isExceeded) {
          reply.header('retry-after', String(limit.ttlInSeconds ?? 60));
          throw new AppError(429, 'rate_limited');
        }
      }
      if (request.routeOptions.config?.allowsToken !== true)
        throw new AppError(403, 'auth.token_not_allowed');
      // A machine client: no cookie, so no CSRF to guard against. An unknown token is refused outright.
      const actor = await resolveToken(bearer, request);
      if (!actor) throw new AppError(401, 'auth.invalid_token');
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const actor = await resolveSession(token, request);
    if (!actor) return;
    const skipsCsrf = request.routeOptions.config?.skipCsrf === true;
    if (
      !SAFE_METHODS.has(request.method) &&
      !skipsCsrf &&
      !isSameToken(request.headers[CSRF_HEADER], actor.csrfToken)
    ) {
      throw new AppError(403, 'auth.csrf');
    }
    request.actor = actor;
  });
}

function isSameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Route hook (onRequest, so it runs before body validation): a signed-in actor holding
 * `permission`, else 401 or 403.
 */
export function requirePermission(permission: Permission | null): preHandlerHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.actor) throw new AppError(401, 'auth.required');
    if (permission && request.actor.mustChangePassword) throw new AppError(403, 'auth.must_change_password');
    if (permission && !request.actor.permissions.has(permission)) throw new AppError(403, 'auth.forbidden');
  };
}

/** The actor of a route behind requirePermission. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, 'auth.required');
  return request.actor;
}
