import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useListQuery } from '../../api/use-list-query';
import { useI18n } from '../../i18n/i18n';

type Notification = Schemas['Notification'];

/** The in-app inbox: assignments, deadlines approaching, overdue items, escalations. */
export default function InboxPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The workbench links here with ?unread=true (decision 0041).
  const [searchParams, setSearchParams] = useSearchParams();
  const isUnreadOnly = searchParams.get('unread') === 'true';
  // The key holds the unread filter: a late answer for the other view cannot fill the list.
  const list = useListQuery({
    queryKey: ['notifications', 'list', isUnreadOnly],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/notifications', {
          params: { query: { pageSize: 100, ...(isUnreadOnly ? { unreadOnly: 'true' as const } : {}) } },
          signal,
        }),
      ),
  });
  const items: Notification[] = list.data?.items ?? [];
  const markRead = async (ids?: number[]) => {
    await unwrap(api.POST('/api/notifications/read', { body: ids ? { ids } : {} }));
    // The list and the header's bell (both under ['notifications']) and the workbench's counts.
    queryClient.invalidateQueries({ queryKey: ['notifications'] });
    queryClient.invalidateQueries({ queryKey: queryKeys.workbench });
  };
  return (
    <Card
      title={t('nav.inbox')}
      extra={
        <Space>
          {isUnreadOnly && <Button onClick={() => setSearchParams({})}>{t('wb.clearFilter')}</Button>}
          <Button onClick={() => markRead()}>{t('inbox.readAll')}</Button>
        </Space>
      }
    >
      <List
        dataSource={items}
        locale={{ emptyText: t('inbox.empty') }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification"
            actions={[
              n.link && (
                <Button
                  key="open"
                  type="link"
                  onClick={async () => {
                    if (!n.readAt) await markRead([n.id]);
                    navigate(n.link as string);
                  }}
                >
                  {t('report.open')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  {!n.readAt && <Badge status="processing" />}{' '}
                  {t(`notification.${n.kind}`, n.params as Record<string, string>)}
                </>
              }
              description={
                <Typography.Text type="secondary">
                  {n.createdAt.slice(0, 16).replace('T', ' ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
