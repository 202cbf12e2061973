import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** Settings of sign-in through the unified identity service (ORG-5); app.ts registers them. */
export const OIDC_SETTINGS = {
  /**
   * Whether a user linked to a unified identity may still sign in with a local password. A province
   * that mandates 统一身份认证 turns it off; users without a linked identity keep their password.
   */
  localPasswordWhenLinked: defineSetting({
    key: 'auth.localPasswordWhenLinked',
    module: 'users',
    schema: z.boolean(),
    default: true,
    description: {
      zh: '已关联统一身份认证的用户是否仍可使用本地密码登录',
      en: 'Users linked to the unified identity service may still sign in with a local password',
    },
  }),
};
