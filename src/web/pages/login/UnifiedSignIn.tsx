import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Divider } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

/** Codes the server's OIDC callback sends back in /login?oidcError=…, and their messages. */
const ERRORS: Record<string, MessageKey> = {
  'oidc.state': 'oidc.error.state',
  'oidc.denied': 'oidc.error.denied',
  'oidc.failed': 'oidc.error.failed',
  'oidc.unavailable': 'oidc.error.unavailable',
  'oidc.claim_missing': 'oidc.error.claimMissing',
  'oidc.unknown_identity': 'oidc.error.unknownIdentity',
  'oidc.pending': 'oidc.error.pending',
  'auth.inactive': 'oidc.error.inactive',
};

/**
 * "统一身份认证登录": shown when the server offers sign-in through the province's unified identity
 * service (ORG-5), with the reason a previous attempt came back refused.
 */
export function UnifiedSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [startUrl, setStartUrl] = useState<string | null>(null);
  const error = params.get('oidcError');

  useEffect(() => {
    api.GET('/api/auth/providers').then(({ data }) => setStartUrl(data?.oidc?.startUrl ?? null));
  }, []);

  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="oidc-error"
          style={{ marginBottom: 16 }}
          title={t(ERRORS[error] ?? 'oidc.error.failed')}
        />
      )}
      {startUrl && (
        <>
          <Divider plain>{t('oidc.or')}</Divider>
          <Button
            block
            icon={<SafetyCertificateOutlined />}
            href={`${startUrl}?${new URLSearchParams({ returnTo })}`}
            data-testid="oidc-sign-in"
          >
            {t('oidc.signIn')}
          </Button>
        </>
      )}
    </>
  );
}
