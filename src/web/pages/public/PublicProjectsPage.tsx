import { Card, Descriptions, Empty, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { PortalLayout } from '../portal/PortalLayout';
import { STATUS_COLORS, yuan } from '../projects/format';
import { describePerformance } from '../projects/PerformanceFields';

type PublicProject = Schemas['PublicProject'];
type PublicDetail = Schemas['PublicProjectDetail'];

/** 信息公开: projects in 公示 and the released implementation and fee use, for anyone, no sign-in (PP-7, PP-9). */
export default function PublicProjectsPage() {
  const { t } = useI18n();
  const [items, setItems] = useState<PublicProject[]>([]);
  const [isShowcase, setShowcase] = useState(false);
  const [detail, setDetail] = useState<PublicDetail | null>(null);

  useEffect(() => {
    unwrap(api.GET('/api/public/projects', { params: { query: isShowcase ? { isShowcase: 'true' } : {} } }))
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [isShowcase]);

  const open = async (id: number) =>
    setDetail(await unwrap(api.GET('/api/public/projects/{id}', { params: { path: { id } } })));

  return (
    <PortalLayout title={t('pub.title')}>
      <Card
        title={t('pub.subtitle')}
        extra={
          <Segmented
            value={isShowcase ? 'showcase' : 'all'}
            onChange={(v) => setShowcase(v === 'showcase')}
            options={[
              { value: 'all', label: t('pub.all') },
              { value: 'showcase', label: t('pub.showcase') },
            ]}
          />
        }
      >
        {items.length === 0 ? (
          <Empty />
        ) : (
          <Table
            rowKey="id"
            dataSource={items}
            data-testid="public-projects"
            onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('pp.title'), dataIndex: 'title' },
              { title: t('pp.jurisdiction'), key: 'j', render: (_, p) => p.jurisdiction.name },
              { title: t('pp.year'), dataIndex: 'year' },
              { title: t('pp.applicant'), dataIndex: 'applicantName' },
              { title: t('pp.type'), dataIndex: 'type', render: (v: string) => t(`pp.type.${v}`) },
              { title: t('pp.contract'), dataIndex: 'contractFen', render: yuan },
              { title: t('pp.paid'), dataIndex: 'paidFen', render: yuan },
              {
                title: t('pp.status'),
                dataIndex: 'status',
                render: (v: string, p) => (
                  <Space>
                    <Tag color={STATUS_COLORS[v]}>
                      {v === 'listed' ? t('pub.notice') : t('pub.disclosed')}
                    </Tag>
                    {p.isShowcase && <Tag color="gold">{t('pp.showcase')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={Boolean(detail)}
        footer={null}
        width={720}
        title={detail?.title}
        onCancel={() => setDetail(null)}
      >
        {detail && (
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('pp.applicant')}>{detail.applicantName}</Descriptions.Item>
            <Descriptions.Item label={t('pp.serviceOrg')}>
              {detail.serviceOrganisationName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.keyField')}>{detail.keyField}</Descriptions.Item>
            <Descriptions.Item label={t('pp.score')}>{detail.reviewScore ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pp.contract')}>{yuan(detail.contractFen)}</Descriptions.Item>
            <Descriptions.Item label={t('pp.deduction')}>{yuan(detail.deductionFen)}</Descriptions.Item>
            {detail.noticeFrom && (
              <Descriptions.Item
                label={t('pub.notice')}
                span={2}
              >{`${detail.noticeFrom} ~ ${detail.noticeTo}`}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('pp.paymentsTitle')} span={2}>
              {detail.payments
                .map((p) => `${t(`pp.payment.${p.kind}`)} ${yuan(p.amountFen)}（${p.paidAt.slice(0, 10)}）`)
                .join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.perf.targets')} span={2}>
              {describePerformance(t, detail.performanceTargets)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.perf.results')} span={2}>
              {describePerformance(t, detail.performanceResults)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.disclosureText')} span={2}>
              {detail.disclosureText ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.timeline')} span={2}>
              {detail.milestones.map((m) => `${m.at.slice(0, 10)} ${t(`pp.event.${m.action}`)}`).join(' → ')}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    </PortalLayout>
  );
}
