import * as client from 'openid-client';
import type { OidcConfig } from './oidc.config.js';

/** What the browser is sent to the identity service with, and what must be kept until it returns. */
export interface OidcAuthorization {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What a verified sign-in at the identity service yields. */
export interface OidcIdentity {
  issuer: string;
  /** The ID token's subject. */
  sub: string;
  /** ID token claims, completed from the userinfo endpoint. */
  claims: Record<string, unknown>;
}

/**
 * The relying party of the unified identity service: authorization code flow with PKCE (S256),
 * state and nonce, through `openid-client` (decision 0021). The issuer's metadata is discovered on
 * first use, so the app starts while the identity service is down; a failed discovery is retried on
 * the next sign-in.
 */
export interface OidcClient {
  readonly config: OidcConfig;
  /** A new authorization request: fresh state, nonce and PKCE verifier. */
  authorize(): Promise<OidcAuthorization>;
  /**
   * Redeems the code of a callback URL: checks state, exchanges the code with the PKCE verifier,
   * verifies the ID token (signature against the issuer's JWKS, iss, aud, exp, iat, nonce) and
   * fetches userinfo when the linking claim is not in the ID token.
   */
  redeem(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<OidcIdentity>;
}

export function createOidcClient(config: OidcConfig): OidcClient {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        { redirect_uris: [config.redirectUri], response_types: ['code'] },
        config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None(),
        {
          // Verify the ID token's JWS signature too, not only its claims: the token endpoint is
          // trusted by TLS alone in the spec, but an assessor expects the signature checked.
          execute: [
            client.enableNonRepudiationChecks,
            ...(config.isHttpAllowed ? [client.allowInsecureRequests] : []),
          ],
          ...(config.fetch ? { [client.customFetch]: config.fetch } : {}),
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    config,
    async authorize() {
      const server = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(server, {
        redirect_uri: config.redirectUri,
        scope: config.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },
    async redeem(callbackUrl, checks) {
      const server = await configuration();
      const tokens = await client.authorizationCodeGrant(server, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      let claims: Record<string, unknown> = { ...idToken };
      if (claims[config.linkClaim] === undefined && tokens.access_token) {
        const userInfo = await client.fetchUserInfo(server, tokens.access_token, idToken.sub);
        claims = { ...userInfo, ...idToken };
      }
      return { issuer: idToken.iss, sub: idToken.sub, claims };
    },
  };
}
