import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';
import { PortalLayout } from './PortalLayout';

/** Published accident bulletins (典型事故通报), newest first, for anyone. */
export default function PublicBulletinsPage() {
  const { t } = useI18n();
  const { data, error, isLoading } = useQuery({
    queryKey: ['public', 'bulletins'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/public/bulletins', { params: { query: {} }, signal })),
  });
  return (
    <PortalLayout title={t('portal.bulletins')}>
      {error ? (
        <LoadFailed error={error} />
      ) : (
        <List
          loading={isLoading}
          data-testid="public-bulletins"
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t('portal.noData')} /> }}
          renderItem={(b) => (
            <List.Item>
              <Card style={{ width: '100%' }}>
                <Typography.Title level={2} style={{ fontSize: 18 }}>
                  {b.title}
                </Typography.Title>
                <Typography.Paragraph>
                  {b.jurisdiction.name} · {t('portal.publishedAt')} {b.publishedAt?.slice(0, 10) ?? ''}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{b.body}</Typography.Paragraph>
              </Card>
            </List.Item>
          )}
        />
      )}
    </PortalLayout>
  );
}
