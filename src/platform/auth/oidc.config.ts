import type { CustomFetch } from 'openid-client';

/**
 * Configuration of sign-in through a province's unified identity service (统一身份认证) over OpenID
 * Connect (ORG-5), read from the environment. Absent OIDC_ISSUER means the deployment has local
 * accounts only. See docs/security/oidc.md.
 */
export interface OidcConfig {
  /** Issuer identifier; its /.well-known/openid-configuration is discovered on first use. */
  issuer: string;
  clientId: string;
  /** Confidential client secret (client_secret_basic); undefined for a public client (PKCE only). */
  clientSecret: string | undefined;
  /** This application's callback, as registered at the identity service: …/api/auth/oidc/callback. */
  redirectUri: string;
  /** Space-separated scopes; always includes openid. */
  scopes: string;
  /** Claim whose value links an identity to a local user: `sub`, or e.g. `preferred_username`. */
  linkClaim: string;
  /** An identity linked to no local user: refused (default) or queued for an administrator to link. */
  unknownIdentity: 'refuse' | 'queue';
  /** Plain-HTTP identity service: for tests and local trials only, never in production. */
  isHttpAllowed: boolean;
  /** Transport override (an outbound proxy, a private CA); the global fetch when undefined. */
  fetch?: CustomFetch;
}

const CLAIM = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

/** Reads OIDC_* variables; null when OIDC_ISSUER is unset. Throws naming the variable that is wrong. */
export function readOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const need = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`${name} must be set when OIDC_ISSUER is set`);
    return value;
  };
  const isHttpAllowed = env.OIDC_ALLOW_HTTP === 'true';
  for (const name of ['OIDC_ISSUER', 'OIDC_REDIRECT_URI']) {
    const url = parseUrl(need(name));
    if (!(url?.protocol === 'https:' || (isHttpAllowed && url?.protocol === 'http:')))
      throw new Error(`${name} must be an https:// URL (http:// only with OIDC_ALLOW_HTTP=true)`);
  }
  const scopes = new Set((env.OIDC_SCOPES ?? 'openid profile').split(/\s+/).filter(Boolean));
  scopes.add('openid');
  const linkClaim = env.OIDC_LINK_CLAIM?.trim() || 'sub';
  if (!CLAIM.test(linkClaim)) throw new Error('OIDC_LINK_CLAIM must be a claim name such as sub');
  const unknownIdentity = env.OIDC_UNKNOWN_IDENTITY?.trim() || 'refuse';
  if (unknownIdentity !== 'refuse' && unknownIdentity !== 'queue')
    throw new Error('OIDC_UNKNOWN_IDENTITY must be refuse or queue');
  return {
    issuer,
    clientId: need('OIDC_CLIENT_ID'),
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() || undefined,
    redirectUri: need('OIDC_REDIRECT_URI'),
    scopes: [...scopes].join(' '),
    linkClaim,
    unknownIdentity,
    isHttpAllowed,
  };
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
