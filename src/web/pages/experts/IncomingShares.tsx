import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useI18n } from '../../i18n/i18n';

type Share = Schemas['IncomingExpertShare'];

export const SHARE_COLORS: Record<string, string> = { pending: 'orange', accepted: 'green', declined: 'red' };

/**
 * 共享专家接收: experts other pools offered into this scope. Only an accepted share makes the
 * expert drawable here (EX-4); the expert's 身份证号 and phone are not shown.
 */
export function IncomingShares() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const fail = (e: unknown) => showError(e, (m) => message.error(m));
  const list = useListQuery({
    queryKey: ['expert-shares', 'incoming'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/expert-shares', { signal })),
  });
  const items: Share[] = list.data?.items ?? [];
  // An accepted share makes the expert drawable here: the pool's list changes too.
  const load = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['expert-shares'] }),
      queryClient.invalidateQueries({ queryKey: ['experts'] }),
    ]);
  const answer = (id: number, isAccepted: boolean) =>
    unwrap(
      api.POST('/api/expert-shares/{id}/answer', {
        params: { path: { id } },
        body: { isAccepted, reason: reason || undefined },
      }),
    )
      .then(() => {
        setReason('');
        message.success(t(isAccepted ? 'ex.shareAccepted' : 'ex.shareDeclined'));
        return load();
      })
      .catch(fail);
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('ex.incomingShares')} style={{ marginTop: 16 }} data-testid="incoming-shares">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('ex.name'), dataIndex: 'expertName' },
          { title: t('ex.shareFrom'), key: 'from', render: (_, s) => s.from.name },
          { title: t('ex.shareWith'), key: 'to', render: (_, s) => s.to.name },
          { title: t('ex.fields'), key: 'fields', render: (_, s) => s.fields.join('、') },
          { title: t('ex.agreement'), dataIndex: 'agreement' },
          { title: t('ex.validTo'), key: 'term', render: (_, s) => `${s.validFrom} ~ ${s.validTo}` },
          {
            title: t('ex.shareStatus'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={SHARE_COLORS[v]}>{t(`ex.shareStatus.${v}`)}</Tag>,
          },
          {
            key: 'answer',
            render: (_, s) =>
              s.status === 'pending' && (
                <Space>
                  <Popconfirm
                    title={t('ex.shareAccept')}
                    description={
                      <Input
                        placeholder={t('ex.shareReason')}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      />
                    }
                    onConfirm={() => answer(s.id, true)}
                  >
                    <Button size="small" type="primary" data-testid={`accept-share-${s.id}`}>
                      {t('ex.shareAccept')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('ex.shareDecline')}
                    description={
                      <Input
                        placeholder={t('ex.shareReason')}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      />
                    }
                    onConfirm={() => answer(s.id, false)}
                  >
                    <Button size="small" danger>
                      {t('ex.shareDecline')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
