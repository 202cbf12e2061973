import { useQueryClient } from '@tanstack/react-query';
import { Card, Col, Empty, InputNumber, Row, Space, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useJurisdiction } from '../../auth/jurisdiction';
import { Chart, type ChartOption } from '../../components/Chart';
import { useI18n } from '../../i18n/i18n';

function bars(labels: string[], values: number[], horizontal = false): ChartOption {
  const category = {
    type: 'category',
    data: labels,
    axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 },
  };
  const value = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 90 : 40, right: 20, top: 20, bottom: horizontal ? 30 : 70 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, itemStyle: { color: '#1f5fa8' } }],
  };
}

/** 共享分析 (DX-4): what every member unit of the scope sees of injuries, accidents, disease and the fund. */
export default function SharedPicturePage() {
  const { t } = useI18n();
  const { current } = useJurisdiction();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | null>(null);
  const code = current?.code;
  // The key holds the jurisdiction and the year: a late answer for earlier ones cannot fill the page.
  const { data: picture } = useListQuery({
    queryKey: ['shared-picture', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/shared-picture', {
          params: { query: { jurisdiction: code as string, year: year ?? undefined } },
          signal,
        }),
      ),
  });
  // Without a year chosen, the answer's (latest) year becomes the box's value.
  // The answer is that year's picture too: cached under it, the page does not go blank meanwhile.
  useEffect(() => {
    if (!picture || year !== null) return;
    queryClient.setQueryData(['shared-picture', code, picture.year], picture);
    setYear(picture.year);
  }, [picture, year, code, queryClient]);

  const charts = useMemo(() => {
    if (!picture) return null;
    return {
      category: bars(
        picture.byCategory.map((c) => (c.key ? (c.name ?? c.key) : t('picture.noCategory'))),
        picture.byCategory.map((c) => c.count),
      ),
      posts: bars(
        picture.topPosts.map((p) => p.key || '—'),
        picture.topPosts.map((p) => p.count),
        true,
      ),
      ageSex: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 20, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: picture.byAgeSex.map((b) => b.band) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: t('picture.male'),
            type: 'bar',
            stack: 'sex',
            data: picture.byAgeSex.map((b) => b.male),
            itemStyle: { color: '#1f5fa8' },
          },
          {
            name: t('picture.female'),
            type: 'bar',
            stack: 'sex',
            data: picture.byAgeSex.map((b) => b.female),
            itemStyle: { color: '#e8684a' },
          },
        ],
      } satisfies ChartOption,
      severity: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            data: picture.bySeverity.map((s) => ({
              name: t(`severity.${s.key}`),
              value: Math.round(s.fundExpenditureFen / 1_000_000),
            })),
          },
        ],
      } satisfies ChartOption,
      month: {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 20, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: Array.from({ length: 12 }, (_, i) => `${i + 1}`) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'line',
            smooth: false,
            data: Array.from(
              { length: 12 },
              (_, i) => picture.byMonth.find((m) => Number(m.key) === i + 1)?.count ?? 0,
            ),
            itemStyle: { color: '#1f5fa8' },
          },
        ],
      } satisfies ChartOption,
    };
  }, [picture, t]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${t('picture.title')} · ${picture?.jurisdiction.name ?? current?.name ?? ''}`}
        extra={
          <Space>
            {t('ledger.year')}
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => setYear(v)}
              data-testid="picture-year"
            />
          </Space>
        }
      >
        {picture && (
          <Typography.Paragraph type="secondary" data-testid="picture-counting">
            {t('picture.counting', { rule: picture.counting.label })}
          </Typography.Paragraph>
        )}
        {picture && (
          <Row gutter={16}>
            <Col xs={12} md={4}>
              <Statistic title={t('picture.cases')} value={picture.injuries.cases} />
              <Typography.Text type="secondary">
                {t('picture.previous', { n: picture.injuries.previousYearCases })}
              </Typography.Text>
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('picture.persons')} value={picture.injuries.persons} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('picture.deaths')} value={picture.injuries.deaths} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic
                title={t('picture.fund')}
                value={(picture.injuries.fundExpenditureFen / 1_000_000).toFixed(1)}
              />
            </Col>
            <Col xs={12} md={4}>
              <Statistic
                title={t('picture.accidents')}
                value={picture.accidents.count}
                suffix={`/ ${picture.accidents.deaths} ${t('picture.deaths')}`}
              />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('picture.diseases')} value={picture.diseases.count} />
              <Typography.Text type="secondary">
                {t('picture.pneumo', { n: picture.diseases.pneumoconiosis })}
              </Typography.Text>
            </Col>
          </Row>
        )}
      </Card>
      {picture && picture.injuries.cases === 0 && <Empty description={t('picture.empty')} />}
      {charts && picture && picture.injuries.cases > 0 && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('picture.byCategory')}>
              <Chart option={charts.category} testId="chart-category" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('picture.topPosts')}>
              <Chart option={charts.posts} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('picture.byAgeSex')}>
              <Chart option={charts.ageSex} />
            </Card>
          </Col>
          <Col xs={24} lg={6}>
            <Card title={t('picture.bySeverity')}>
              <Chart option={charts.severity} />
            </Card>
          </Col>
          <Col xs={24} lg={6}>
            <Card title={t('picture.byMonth')}>
              <Chart option={charts.month} />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
