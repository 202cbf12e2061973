import { Card, Table, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { yuan } from './format';
import type { Detail } from './projectActions';

/** Payments of the project: one prepayment, one balance (PP-5). */
export function PaymentsCard({ project }: { project: Detail }) {
  const { t } = useI18n();
  return (
    <Card title={t('pp.paymentsTitle')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={project.payments}
        data-testid="payments-table"
        columns={[
          { title: t('pp.paymentKind'), dataIndex: 'kind', render: (v: string) => t(`pp.payment.${v}`) },
          { title: t('pp.amount'), dataIndex: 'amountFen', render: yuan },
          { title: t('pp.paidBy'), dataIndex: 'paidBy' },
          {
            title: t('pp.paidAt'),
            dataIndex: 'paidAt',
            render: (v: string) => new Date(v).toLocaleString(),
          },
        ]}
      />
    </Card>
  );
}

/** The whole-process timeline (PP-6). */
export function TimelineCard({ project }: { project: Detail }) {
  const { t } = useI18n();
  return (
    <Card title={t('pp.timeline')}>
      <Timeline
        items={project.timeline.map((e) => ({
          children: (
            <div>
              <strong>{t(`pp.event.${e.action}`)}</strong>
              {e.toStatus && <Tag style={{ marginLeft: 8 }}>{t(`pp.status.${e.toStatus}`)}</Tag>}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {new Date(e.at).toLocaleString()} · {e.actorName}
              </Typography.Text>
              {e.reason && <div>{e.reason}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
