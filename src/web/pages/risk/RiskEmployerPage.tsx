import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';
import { Formula, type Grade, GradeTag } from './RiskPage';

const COMPONENTS = [
  'injuryRate',
  'deathsSerious',
  'occupational',
  'rectifications',
  'insurance',
  'rateTier',
  'training',
] as const;

/** One employer's risk index: components, the records behind them, the formula and settings (AN-5). */
export default function RiskEmployerPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const [search] = useSearchParams();
  const year = Number(search.get('year') ?? currentYearInChina() - 1);
  const { data, error } = useQuery({
    queryKey: ['risk', 'employer', id, year],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/risk/scores/{employerId}', {
          params: { path: { employerId: Number(id) }, query: { year } },
          signal,
        }),
      ),
  });
  if (error) return <LoadFailed error={error} />;
  if (!data) return <Card loading />;
  const i = data.inputs;
  const perThousand = (v: number | null) => (v === null ? '—' : (v * 1000).toFixed(2));
  const detailOf: Record<(typeof COMPONENTS)[number], string> = {
    injuryRate: t('risk.detail.injuryRate', {
      cases: i.cases,
      insured: i.insured ?? '—',
      z: i.credibility === null ? '—' : i.credibility.toFixed(3),
      shrunk: perThousand(i.shrunkRate),
      industry: perThousand(i.industryRate),
    }),
    deathsSerious: t('risk.detail.deathsSerious', { deaths: i.deaths, serious: i.serious }),
    occupational: t('risk.detail.occupational', { diseases: i.diseases, factors: i.overLimitFactors }),
    rectifications: t('risk.detail.rectifications', {
      open: i.openRectifications,
      overdue: i.overdueRectifications,
    }),
    insurance: i.insuranceStatus ? t(`risk.insurance.${i.insuranceStatus}`) : '—',
    rateTier: i.rateMultiplierPct === null ? '—' : `${i.rateMultiplierPct}%`,
    training: t('risk.detail.training', { holders: i.keyPostHolders, trained: i.keyPostTrained }),
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="risk-employer-title">
        {data.name} · {year} · {data.score.toFixed(1)} <GradeTag grade={data.grade as Grade} />
      </Typography.Title>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('risk.creditCode')}>{data.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('risk.place')}>{data.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label={t('risk.industry')}>{data.industryCode ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('risk.components')}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          data-testid="risk-components"
          dataSource={COMPONENTS.map((key) => ({ key, ...data.components[key] }))}
          columns={[
            { title: t('risk.component'), dataIndex: 'key', render: (k: string) => t(`risk.component.${k}`) },
            {
              title: t('risk.inputs'),
              dataIndex: 'key',
              render: (k: (typeof COMPONENTS)[number], r) => (
                <>
                  {detailOf[k]} {!r.applicable && <Tag>{t('risk.noData')}</Tag>}
                </>
              ),
            },
            {
              title: t('risk.subScore'),
              dataIndex: 'value',
              align: 'right',
              render: (v: number) => v.toFixed(3),
            },
            { title: t('risk.weight'), dataIndex: 'weight', align: 'right' },
            {
              title: t('risk.points'),
              dataIndex: 'points',
              align: 'right',
              render: (v: number) => v.toFixed(1),
            },
          ]}
        />
      </Card>
      <Formula formula={data.formula} />
      <Card size="small" title={t('risk.records')}>
        <Typography.Text strong>{t('risk.records.injuries')}</Typography.Text>
        <Table
          size="small"
          rowKey="id"
          data-testid="risk-records-injuries"
          dataSource={data.records.injuries}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('risk.caseNo'), dataIndex: 'caseNo' },
            { title: t('risk.determinedOn'), dataIndex: 'determinedOn' },
            { title: t('risk.ground'), dataIndex: 'ground' },
            { title: t('risk.severity'), dataIndex: 'severity' },
          ]}
        />
        <Typography.Text strong>{t('risk.records.accidents')}</Typography.Text>
        <Table
          size="small"
          rowKey="id"
          dataSource={data.records.accidents}
          pagination={false}
          columns={[
            { title: t('risk.caseNo'), dataIndex: 'accidentNo' },
            { title: t('risk.occurredOn'), dataIndex: 'occurredOn' },
            { title: t('risk.deaths'), dataIndex: 'deaths' },
            { title: t('risk.serious'), dataIndex: 'seriousInjuries' },
          ]}
        />
        <Typography.Text strong>{t('risk.records.diseases')}</Typography.Text>
        <Table
          size="small"
          rowKey="id"
          dataSource={data.records.diseases}
          pagination={false}
          columns={[
            { title: t('risk.caseNo'), dataIndex: 'caseNo' },
            { title: t('risk.diagnosedOn'), dataIndex: 'diagnosedOn' },
            { title: t('risk.disease'), dataIndex: 'diseaseName' },
          ]}
        />
        <Typography.Text strong>{t('risk.records.rectifications')}</Typography.Text>
        <Table
          size="small"
          rowKey="id"
          dataSource={data.records.rectifications}
          pagination={false}
          columns={[
            { title: t('risk.finding'), dataIndex: 'finding' },
            { title: t('risk.deadline'), dataIndex: 'deadline' },
            { title: t('risk.status'), dataIndex: 'status' },
          ]}
        />
      </Card>
    </Space>
  );
}
