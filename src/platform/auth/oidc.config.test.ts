import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../modules/users/oidc.service.js';
import { readOidcConfig } from './oidc.config.js';

const BASE = {
  OIDC_ISSUER: 'https://idp.example.gov.cn/oidc',
  OIDC_CLIENT_ID: 'yufang',
  OIDC_REDIRECT_URI: 'https://yufang.example.gov.cn/api/auth/oidc/callback',
};

describe('OIDC configuration from the environment', () => {
  it('is off without an issuer, and fills the defaults with one', () => {
    expect(readOidcConfig({})).toBeNull();
    expect(readOidcConfig({ ...BASE, OIDC_SCOPES: 'profile  employee' })).toEqual({
      issuer: 'https://idp.example.gov.cn/oidc',
      clientId: 'yufang',
      clientSecret: undefined,
      redirectUri: 'https://yufang.example.gov.cn/api/auth/oidc/callback',
      scopes: 'profile employee openid',
      linkClaim: 'sub',
      unknownIdentity: 'refuse',
      isHttpAllowed: false,
    });
  });

  it('refuses a wrong value naming the variable', () => {
    expect(() => readOidcConfig({ ...BASE, OIDC_CLIENT_ID: ' ' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => readOidcConfig({ ...BASE, OIDC_ISSUER: 'http://idp.local' })).toThrow(/OIDC_ISSUER/);
    expect(() => readOidcConfig({ ...BASE, OIDC_REDIRECT_URI: 'not a url' })).toThrow(/OIDC_REDIRECT_URI/);
    expect(() => readOidcConfig({ ...BASE, OIDC_LINK_CLAIM: 'a b' })).toThrow(/OIDC_LINK_CLAIM/);
    expect(() => readOidcConfig({ ...BASE, OIDC_UNKNOWN_IDENTITY: 'create' })).toThrow(
      /OIDC_UNKNOWN_IDENTITY/,
    );
    expect(
      readOidcConfig({ ...BASE, OIDC_ISSUER: 'http://idp.local', OIDC_ALLOW_HTTP: 'true' })?.issuer,
    ).toBe('http://idp.local');
  });
});

describe('the path to return to after sign-in', () => {
  it('keeps local paths and sends anything else home (no open redirect)', () => {
    expect(safeReturnPath('/projects/3?tab=panel')).toBe('/projects/3?tab=panel');
    for (const bad of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/api/auth/me',
    ])
      expect(safeReturnPath(bad)).toBe('/');
  });
});
