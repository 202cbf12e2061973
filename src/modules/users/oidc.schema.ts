import { z } from 'zod';

/** What the login page may offer: the public part of the sign-in configuration. */
export const ZAuthProviders = z
  .object({
    local: z.literal(true).describe('Username and password sign-in is always offered'),
    oidc: z
      .object({
        startUrl: z.string().describe('Navigate the browser here to sign in through the identity service'),
      })
      .nullable()
      .describe('Unified identity service (统一身份认证, OIDC); null when not configured'),
  })
  .meta({ id: 'AuthProviders' });

export const ZOidcStartQuery = z.object({
  returnTo: z.string().max(500).optional().describe('Local path to open after sign-in (default /)'),
});

export const ZOidcCallbackQuery = z
  .object({
    state: z.string().max(500).optional().describe('State sent with the authorization request'),
    code: z.string().max(2000).optional().describe('Authorization code'),
    error: z.string().max(500).optional().describe('Error from the identity service'),
  })
  .catchall(z.string().max(2000));

export const ZIdentity = z
  .object({
    id: z.number().int(),
    issuer: z.string().describe('Issuer URL of the identity service'),
    subject: z.string().describe('Value of the configured linking claim (sub, employee number…)'),
    userId: z.number().int().nullable().describe('Local user it signs in as; null while queued'),
    displayHint: z.string().nullable().describe('Name the identity service gave, for queued identities'),
    createdAt: z.string(),
    linkedAt: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
  })
  .meta({ id: 'Identity' });

export const ZIdentityList = z.object({ items: z.array(ZIdentity), total: z.number().int() });

export const ZLinkIdentityInput = z.object({
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Value of the linking claim at the identity service (e.g. the sub or employee number)'),
});
