import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.js';
import { AppError } from './errors.js';

/** One year, with subdomains: what HSTS preload lists ask for. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * True when the browser reached us over HTTPS: directly, or through a trusted proxy that says
 * X-Forwarded-Proto: https (Fastify believes the header only when trustProxy is set), or when the
 * operator forces it (COOKIE_SECURE=true).
 */
export function isHttps(request: FastifyRequest, config: Pick<AppConfig, 'isSecureCookie'>): boolean {
  return config.isSecureCookie || request.protocol === 'https';
}

/** The query parameter (or "path") holding a NUL character, or null. */
export function findNulField(url: string): string | null {
  const q = url.indexOf('?');
  const pathPart = q < 0 ? url : url.slice(0, q);
  if (/%00|\0/i.test(pathPart)) return 'path';
  if (q < 0) return null;
  const query = url.slice(q + 1);
  if (!/%00|\0/i.test(query)) return null;
  for (const pair of query.split('&')) {
    if (!/%00|\0/i.test(pair)) continue;
    const key = pair.split('=')[0] ?? '';
    try {
      return decodeURIComponent(key.replaceAll('+', ' ')).replaceAll('\0', '') || 'query';
    } catch {
      return 'query';
    }
  }
  return 'query';
}

/**
 * Request-level hardening every route shares: a NUL character anywhere in the URL is refused with 400
 * before any route runs (PostgreSQL text cannot hold it, so it used to surface as a 500), and HSTS is
 * sent on HTTPS responses only (decision 0020).
 */
export function registerRequestHardening(app: FastifyInstance, config: AppConfig): void {
  app.addHook('onRequest', async (request) => {
    const field = findNulField(request.raw.url ?? request.url);
    if (field) throw new AppError(400, 'request.nul_byte', {}, field);
  });
  app.addHook('onSend', async (request, reply) => {
    if (isHttps(request, config)) reply.header('strict-transport-security', HSTS);
  });
}
