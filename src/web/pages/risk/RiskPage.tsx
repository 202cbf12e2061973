import { useQuery } from '@tanstack/react-query';
import { Card, InputNumber, Segmented, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useJurisdiction } from '../../auth/jurisdiction';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';

export const GRADE_COLOURS = { green: 'green', yellow: 'gold', orange: 'orange', red: 'red' } as const;
export type Grade = keyof typeof GRADE_COLOURS;
const GRADES: Grade[] = ['green', 'yellow', 'orange', 'red'];
/** The index is of the last complete year by default (the current year fills up as data arrive). */
const DEFAULT_YEAR = currentYearInChina() - 1;

export function GradeTag({ grade }: { grade: Grade }) {
  const { t } = useI18n();
  return <Tag color={GRADE_COLOURS[grade]}>{t(`risk.grade.${grade}`)}</Tag>;
}

function ScoresTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { current: jurisdiction } = useJurisdiction();
  const [grade, setGrade] = useState<Grade | 'all'>('all');
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useQuery({
    queryKey: ['risk', 'scores', jurisdiction?.code, year, grade, page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/risk/scores', {
          params: {
            query: {
              year,
              page,
              pageSize: 20,
              ...(jurisdiction ? { jurisdiction: jurisdiction.code } : {}),
              ...(grade === 'all' ? {} : { grade }),
            },
          },
          signal,
        }),
      ),
  });
  if (error) return <LoadFailed error={error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size="large" wrap data-testid="risk-grades">
        {(data?.grades ?? []).map((g) => (
          <Statistic
            key={g.grade}
            title={<GradeTag grade={g.grade} />}
            value={g.employers}
            valueStyle={{ color: GRADE_COLOURS[g.grade] === 'gold' ? '#d4b106' : GRADE_COLOURS[g.grade] }}
          />
        ))}
      </Space>
      <Segmented
        data-testid="risk-grade-filter"
        value={grade}
        onChange={(v) => {
          setGrade(v as Grade | 'all');
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('risk.grade.all') },
          ...GRADES.map((g) => ({ value: g, label: t(`risk.grade.${g}`) })),
        ]}
      />
      <Table
        size="small"
        rowKey="employerId"
        loading={isFetching}
        data-testid="risk-scores"
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('risk.employer'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Link to={`/risk/employers/${r.employerId}?year=${year}`}>{name}</Link>
            ),
          },
          { title: t('risk.place'), dataIndex: 'jurisdictionName' },
          { title: t('risk.industry'), dataIndex: 'industryCode' },
          { title: t('risk.score'), dataIndex: 'score', align: 'right', render: (v: number) => v.toFixed(1) },
          { title: t('risk.gradeCol'), dataIndex: 'grade', render: (g: Grade) => <GradeTag grade={g} /> },
        ]}
      />
      {data && <Formula formula={data.formula} />}
    </Space>
  );
}

export function Formula({ formula }: { formula: { zh: string; en: string } }) {
  const { t, language } = useI18n();
  return (
    <Card size="small" title={t('risk.formula')} data-testid="risk-formula">
      <Typography.Paragraph style={{ margin: 0 }}>
        {language === 'en' ? formula.en : formula.zh}
      </Typography.Paragraph>
    </Card>
  );
}

function AlertsTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { current: jurisdiction } = useJurisdiction();
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useQuery({
    queryKey: ['risk', 'alerts', jurisdiction?.code, year, page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/risk/alerts', {
          params: {
            query: { year, page, pageSize: 20, ...(jurisdiction ? { jurisdiction: jurisdiction.code } : {}) },
          },
          signal,
        }),
      ),
  });
  if (error) return <LoadFailed error={error} />;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={isFetching}
      data-testid="risk-alerts"
      dataSource={data?.items ?? []}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
      columns={[
        { title: t('risk.alertAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 10) },
        {
          title: t('risk.employer'),
          dataIndex: 'employerName',
          render: (name: string, r) => (
            <Link to={`/risk/employers/${r.employerId}?year=${r.year}`}>{name}</Link>
          ),
        },
        {
          title: t('risk.alertKind'),
          dataIndex: 'kind',
          render: (k: 'rate_above_industry' | 'grade_worsened', r) =>
            k === 'grade_worsened'
              ? t('risk.alert.grade_worsened', {
                  from: t(`risk.grade.${r.details.from as Grade}`),
                  to: t(`risk.grade.${r.details.to as Grade}`),
                })
              : t('risk.alert.rate_above_industry', {
                  rate: (Number(r.details.rate) * 1000).toFixed(2),
                  industryRate: (Number(r.details.industryRate) * 1000).toFixed(2),
                  margin: Math.round(Number(r.details.margin) * 100),
                }),
        },
        { title: t('risk.alertUnit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

/** 风险指数 (AN-5): the indexes of a year by grade, the alerts ledger and the formula. */
export default function RiskPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(DEFAULT_YEAR);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('risk.title')}
        </Typography.Title>
        <Space>
          <span>{t('risk.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            data-testid="risk-year"
          />
        </Space>
      </Space>
      <Tabs
        items={[
          { key: 'scores', label: t('risk.tab.scores'), children: <ScoresTab year={year} /> },
          { key: 'alerts', label: t('risk.tab.alerts'), children: <AlertsTab year={year} /> },
        ]}
      />
    </Space>
  );
}
