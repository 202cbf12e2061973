import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function Forbidden() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('common.forbidden')}
      extra={<Link to="/">{t('common.backHome')}</Link>}
    />
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={<Link to="/">{t('common.backHome')}</Link>}
    />
  );
}

/**
 * What a detail page shows when its record cannot be loaded, instead of an endless skeleton: the
 * server answers 404 for unknown ids and for ids outside the user's jurisdiction alike (nothing
 * about a sibling's records leaks), 403 without the permission.
 */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 404 || status === 400)
    return (
      <Result
        status="404"
        title={t('common.recordNotFound')}
        subTitle={t('common.recordNotFoundHint')}
        extra={<Link to="/">{t('common.backHome')}</Link>}
        data-testid="record-not-found"
      />
    );
  if (status === 403) return <Forbidden />;
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
