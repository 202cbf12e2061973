import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Typography } from 'antd';
import { api, showError, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';

// 催办 (decision 0041): the button that reminds the unit owing an item, and the item's reminders.

export interface ChaseTarget {
  targetType: 'action_item' | 'rectification' | 'member_report';
  /** The item's id; for a member report, the unit's organisation id. */
  targetId: number;
  /** The report's year (member_report only). */
  year?: number;
}

const keyOf = (target: ChaseTarget) =>
  ['reminders', target.targetType, target.targetId, target.year ?? null] as const;

/** 催办 with a confirmation; only a convener (meetings:manage) sees it. */
export function ChaseButton({ target, unit, size }: { target: ChaseTarget; unit: string; size?: 'small' }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const chase = useMutation({
    mutationFn: () => unwrap(api.POST('/api/reminders', { body: target })),
    onSuccess: (reminder) => {
      message.success(t('chase.sent', { unit, count: reminder.recipients }));
      queryClient.invalidateQueries({ queryKey: keyOf(target) });
      queryClient.invalidateQueries({ queryKey: queryKeys.workbench });
    },
    onError: (e) => showError(e, (m) => message.error(m)),
  });
  if (!can('meetings:manage')) return null;
  return (
    <Popconfirm
      title={t('chase.confirm', { unit })}
      onConfirm={() => chase.mutateAsync().catch(() => undefined)}
    >
      <Button size={size} icon={<BellOutlined />} loading={chase.isPending} data-testid="chase">
        {t('chase.button')}
      </Button>
    </Popconfirm>
  );
}

/** The reminders sent for an item, oldest first. */
export function ReminderList({ target }: { target: ChaseTarget }) {
  const { t } = useI18n();
  const { data } = useQuery({
    queryKey: keyOf(target),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/reminders', { params: { query: target as never }, signal }))).items,
  });
  if (!data) return null;
  if (data.length === 0) return <Typography.Text type="secondary">{t('chase.none')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid="reminders"
      dataSource={data}
      renderItem={(r) => (
        <List.Item>
          {t('chase.entry', { sentOn: r.sentOn, username: r.username, recipients: String(r.recipients) })}
        </List.Item>
      )}
    />
  );
}
