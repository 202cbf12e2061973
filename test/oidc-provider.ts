import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const TEST_CLIENT_ID = 'yufang';
export const TEST_CLIENT_SECRET = 'test-client-secret-0123456789';

/**
 * A real OpenID provider (`oidc-provider`) on a random local port, with one confidential client and
 * its development login and consent forms (any login name signs in as that account). Accounts claim
 * `sub-<login>`, a name, `preferred_username = <login>` and a `roles` claim of system_admin, which
 * the app must ignore.
 */
export async function startTestProvider(redirectUri: string) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({
        sub: `sub-${id}`,
        name: `统一身份${id}`,
        preferred_username: id,
        roles: ['system_admin'],
      }),
    }),
  });
  server.on('request', provider.callback());
  return {
    issuer,
    /** The provider's signing key, to forge tokens in tests. */
    privateKey,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
