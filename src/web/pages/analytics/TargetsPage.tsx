import { Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useJurisdiction } from '../../auth/jurisdiction';
import { Chart, type ChartOption } from '../../components/Chart';
import { useI18n } from '../../i18n/i18n';
import { type Counting, CountingControls, RefreshingNotice } from './CountingControls';
import { formatChange, formatValue } from './format';

type Targets = Schemas['Targets'];
type Assessment = Targets['jurisdiction'];

const STATUS_COLOR: Record<Assessment['status'], string> = {
  on_track: 'green',
  at_risk: 'orange',
  off_track: 'red',
  no_baseline: 'default',
  not_started: 'blue',
};

/** 目标进度 (AN-2): the key-industry rate against the plan period's path, with a projection. */
export default function TargetsPage() {
  const { t } = useI18n();
  const { current } = useJurisdiction();
  // A link may name the plan period (a scorecard score of a past year: ?planPeriod=2021-2025).
  const [searchParams] = useSearchParams();
  const [planPeriod, setPlanPeriod] = useState<string | undefined>(
    searchParams.get('planPeriod') ?? undefined,
  );
  const [counting, setCounting] = useState<Partial<Counting>>({});
  // The same key as the training configuration's plan periods (TrainingConfigTab.tsx).
  const periodList = useListQuery({
    queryKey: ['plan-periods'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plan-periods', { signal })),
  });
  const periods = (periodList.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }));
  const code = current?.code;
  // The key holds the jurisdiction, the period and the counting rules: a late answer for earlier
  // ones cannot fill the page.
  const { data } = useListQuery({
    queryKey: ['analytics', 'targets', code, planPeriod, counting],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/analytics/targets', {
          params: { query: { jurisdiction: code as string, planPeriod, ...counting } },
          signal,
        }),
      ),
  });

  const chart = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const j = data.jurisdiction;
    const years = [...j.series.map((p) => p.year)];
    if (j.projection && !years.includes(j.projection.year)) years.push(j.projection.year);
    const at = (y: number) => j.series.find((p) => p.year === y);
    const round = (v: number | null | undefined) =>
      v === null || v === undefined ? null : Number(v.toFixed(3));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value' },
      series: [
        { name: t('targets.actual'), type: 'line', data: years.map((y) => round(at(y)?.value)) },
        {
          name: t('targets.required'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: years.map((y) =>
            round(at(y)?.required ?? (j.baseline && y === data.planPeriod.endYear ? j.target : null)),
          ),
        },
        {
          name: t('targets.projection'),
          type: 'line',
          lineStyle: { type: 'dotted' },
          data: years.map((y) =>
            j.projection && y === j.projection.year ? round(j.projection.value) : null,
          ),
        },
      ],
    };
  }, [data, t]);

  const pneumo = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: {
        type: 'category',
        data: data.pneumoconiosis.series.map((p) => (p.partial ? `${p.year}*` : String(p.year))),
      },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          data: data.pneumoconiosis.series.map((p) => (p.value === null ? null : Number(p.value.toFixed(2)))),
        },
      ],
    };
  }, [data]);

  const rows = data ? [data.jurisdiction, ...data.children] : [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('targets.title')} · {current?.name}
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ width: 260 }}
            placeholder={t('ledger.planPeriod')}
            value={planPeriod ?? data?.planPeriod.code}
            options={periods}
            onChange={setPlanPeriod}
          />
          <CountingControls
            value={data?.options ?? null}
            onChange={(c) => setCounting({ ...counting, ...c })}
          />
        </Space>
      </Space>
      <RefreshingNotice refreshing={data?.refreshing} />
      {data && (
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('targets.period')}>{data.planPeriod.name}</Descriptions.Item>
            <Descriptions.Item label={t('targets.baselineYear')}>
              {data.planPeriod.baselineYear}
            </Descriptions.Item>
            <Descriptions.Item label={t('targets.goal')}>
              −{data.planPeriod.targetReductionPct}%
              {data.planPeriod.annualReductionPct !== null &&
                ` · ${t('targets.annual', { n: data.planPeriod.annualReductionPct })}`}
              {data.planPeriod.targetsDefinedAt &&
                ` (${t('targets.setBy', { code: data.planPeriod.targetsDefinedAt })})`}
            </Descriptions.Item>
            {data.planPeriod.targetsSource && (
              <Descriptions.Item label={t('targets.source')} span={3}>
                <span data-testid="targets-source">{data.planPeriod.targetsSource}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('analytics.definition')} span={3}>
              {t('targets.keyIndustries')}：{data.definition}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Table<Assessment>
        rowKey="code"
        size="small"
        loading={!data}
        pagination={false}
        dataSource={rows}
        data-testid="targets-table"
        scroll={{ x: true }}
        columns={[
          { title: t('analytics.axis.jurisdiction'), dataIndex: 'name' },
          { title: t('targets.baseline'), render: (_, r) => formatValue(r.baseline, 3) },
          {
            title: t('targets.latest'),
            render: (_, r) =>
              r.latestYear
                ? `${formatValue(r.latest, 3)} (${r.latestYear}${r.latestProvisional ? ` ${t('targets.provisional')}` : ''})`
                : '—',
          },
          { title: t('targets.change'), render: (_, r) => formatChange(r.changePct) },
          { title: t('targets.requiredNow'), render: (_, r) => formatValue(r.requiredLatest, 3) },
          { title: t('targets.target'), render: (_, r) => formatValue(r.target, 3) },
          {
            title: t('targets.projectionCol'),
            render: (_, r) =>
              r.projection
                ? `${formatValue(r.projection.value, 3)} [${formatValue(r.projection.low, 3)}–${formatValue(r.projection.high, 3)}]`
                : '—',
          },
          {
            title: t('targets.status'),
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`targets.status.${r.status}`)}</Tag>,
          },
        ]}
      />
      <Typography.Text type="secondary">{t('targets.method')}</Typography.Text>
      <Space align="start" wrap style={{ width: '100%' }}>
        <Card title={t('targets.chart')} style={{ minWidth: 420 }}>
          {chart && <Chart option={chart} height={280} testId="targets-chart" />}
        </Card>
        <Card title={t('targets.pneumo')} style={{ minWidth: 420 }}>
          {pneumo && <Chart option={pneumo} height={280} />}
          <Typography.Text type="secondary">{data?.pneumoconiosis.definition}</Typography.Text>
        </Card>
      </Space>
    </Space>
  );
}
