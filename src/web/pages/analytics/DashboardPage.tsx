import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, downloadFile, type Schemas, showError, unwrap } from '../../api/client';
import { useJurisdiction } from '../../auth/jurisdiction';
import { Chart, type ChartOption } from '../../components/Chart';
import { useI18n } from '../../i18n/i18n';
import { type Counting, CountingControls, RefreshingNotice } from './CountingControls';
import { formatChange, formatValue } from './format';

type QueryResult = Schemas['QueryResult'];
type Axis = QueryResult['rows']['axis'];

const AXES: Axis[] = [
  'jurisdiction',
  'year',
  'section',
  'industry',
  'keyIndustry',
  'category',
  'post',
  'age',
  'sex',
];

/** 共享分析与指标 (AN-1): every indicator at a glance, drill from province to county, any two dimensions as a pivot. */
export default function DashboardPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { current, byCode } = useJurisdiction();
  // The drill-down stays on this page and in its URL (?at=code): the header's jurisdiction does not
  // change, Back climbs one level, and a link shows the same place.
  const [search, setSearch] = useSearchParams();
  const drilled = byCode.get(search.get('at') ?? '');
  const place = drilled && current && drilled.path.startsWith(`${current.path}/`) ? drilled : current;
  const drillTo = (code: string) => setSearch(code === current?.code ? {} : { at: code });
  const drillPath = place && current ? place.path.split('/').slice(current.path.split('/').length - 1) : [];
  const [year, setYear] = useState<number | null>(null);
  const [indicator, setIndicator] = useState('injury_rate_per_1000');
  const [counting, setCounting] = useState<Partial<Counting>>({});
  const [rows, setRows] = useState<Axis>('industry');
  const [columns, setColumns] = useState<Axis | undefined>('sex');

  // TanStack Query (decision 0030): a change of place, year or option cancels the request under way,
  // and only the answer for the current inputs is shown (a slow answer never overwrites a newer one).
  const dashboardQuery = place
    ? { jurisdiction: place.code, year: year ?? undefined, indicator, ...counting }
    : null;
  const dashboardResult = useQuery({
    queryKey: ['analytics', 'dashboard', dashboardQuery, language],
    enabled: dashboardQuery !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/analytics/dashboard', {
          params: { query: dashboardQuery ?? { jurisdiction: '' } },
          signal,
        }),
      ),
  });
  const dashboard = dashboardResult.data ?? null;
  useEffect(() => {
    if (year === null && dashboardResult.data) setYear(dashboardResult.data.year);
  }, [year, dashboardResult.data]);

  const pivotQuery = useMemo(
    () =>
      place && year
        ? {
            indicator,
            jurisdiction: place.code,
            year,
            rows,
            ...(columns && columns !== rows ? { columns } : {}),
            ...counting,
          }
        : null,
    [place, year, indicator, rows, columns, counting],
  );
  const pivotResult = useQuery({
    queryKey: ['analytics', 'query', pivotQuery, language],
    enabled: pivotQuery !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/analytics/query', {
          params: { query: pivotQuery ?? { indicator, jurisdiction: '', year: 0, rows } },
          signal,
        }),
      ),
  });
  const pivot = pivotResult.isError ? null : (pivotResult.data ?? null);
  const failure = dashboardResult.error ?? pivotResult.error;
  useEffect(() => {
    if (failure) showError(failure, (m) => message.error(m));
  }, [failure, message]);

  const main = dashboard?.main;
  const decimals = main?.indicator.decimals ?? 2;
  const childOption = useMemo<ChartOption | null>(() => {
    if (!main) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 80 },
      xAxis: {
        type: 'category',
        data: main.children.map((c) => c.label),
        axisLabel: { interval: 0, rotate: 35 },
        // A place's name drills into it as its bar does (a place with no figure has no bar).
        triggerEvent: true,
      },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          data: main.children.map((c) => (c.value === null ? null : Number(c.value.toFixed(decimals)))),
          itemStyle: { color: '#1f5fa8' },
        },
      ],
    };
  }, [main, decimals]);
  const trendOption = useMemo<ChartOption | null>(() => {
    if (!main) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: main.trend.map((c) => (c.partial ? `${c.label}*` : c.label)) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          data: main.trend.map((c) => (c.value === null ? null : Number(c.value.toFixed(decimals)))),
          itemStyle: { color: '#e8684a' },
        },
      ],
    };
  }, [main, decimals]);

  const heat = useMemo(() => {
    const values = (pivot?.cells ?? []).map((c) => c.value).filter((v): v is number => v !== null);
    return { max: values.length ? Math.max(...values) : 0 };
  }, [pivot]);

  const pivotColumns = useMemo(() => {
    if (!pivot) return { main: [], listed: [] };
    const pd = pivot.indicator.decimals;
    const render = (row: string, column: string, listed: boolean) => {
      const cell = (listed ? (pivot.listed?.cells ?? []) : pivot.cells).find(
        (c) => c.row === row && c.column === column,
      );
      const v = cell?.value ?? null;
      if (listed) return <div style={{ textAlign: 'right' }}>{formatValue(v, pd)}</div>;
      const alpha = v !== null && heat.max > 0 ? 0.08 + 0.6 * (v / heat.max) : 0;
      return (
        <Tooltip title={cell ? `${cell.numerator} / ${cell.denominator ?? '—'}` : undefined}>
          <div style={{ background: `rgba(232,104,74,${alpha})`, padding: '2px 6px', textAlign: 'right' }}>
            {pivot.measure === 'share' ? `${formatValue(v, 1)}%` : formatValue(v, pd)}
          </div>
        </Tooltip>
      );
    };
    const first = {
      title: t(`analytics.axis.${pivot.rows.axis}`),
      dataIndex: 'label',
      key: 'label',
      fixed: 'left' as const,
    };
    const rest = (pivot.columns?.items ?? [{ key: '', label: t('analytics.value') }]).map((c) => ({
      title: c.label,
      key: c.key || 'value',
      render: (_: unknown, row: { key: string }) => render(row.key, c.key, false),
    }));
    const listed = rest.map((c, i) => ({
      ...c,
      render: (_: unknown, row: { key: string }) =>
        render(row.key, (pivot.columns?.items ?? [{ key: '' }])[i]?.key ?? '', true),
    }));
    return { main: [first, ...rest], listed: [first, ...listed] };
  }, [pivot, heat, t]);

  const indicatorOptions = (dashboard?.headline ?? []).map((h) => ({ value: h.code, label: h.name }));
  const pivotAxes = (pivot?.indicator.axes ?? dashboard?.main.indicator.axes ?? AXES) as Axis[];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('analytics.title')} · {place?.name}
          {dashboard?.partial && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('analytics.partialYear')}
            </Tag>
          )}
        </Typography.Title>
        <Space wrap>
          <InputNumber
            data-testid="analytics-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            addonBefore={t('ledger.year')}
          />
          <CountingControls
            value={dashboard?.options ?? null}
            onChange={(c) => setCounting({ ...counting, ...c })}
          />
        </Space>
      </Space>
      {drillPath.length > 1 && (
        <Breadcrumb
          data-testid="drill-path"
          items={drillPath.map((code, i) => {
            const name = byCode.get(code)?.name ?? code;
            return {
              key: code,
              title:
                i === drillPath.length - 1 ? (
                  name
                ) : (
                  <Link to={i === 0 ? '/analytics' : `/analytics?at=${code}`}>{name}</Link>
                ),
            };
          })}
        />
      )}
      {!dashboard ? (
        <Card loading />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {dashboard.headline.map((h) => (
              <Col key={h.code} xs={12} md={8} xl={4}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => setIndicator(h.code)}
                  style={h.code === indicator ? { borderColor: '#1f5fa8' } : undefined}
                  data-testid={`kpi-${h.code}`}
                >
                  <Tooltip title={h.definition}>
                    <Statistic
                      title={h.name}
                      value={formatValue(h.value, h.decimals)}
                      suffix={h.value === null ? undefined : h.unit}
                    />
                  </Tooltip>
                  <Typography.Text
                    type={
                      h.changePct === null
                        ? 'secondary'
                        : h.changePct < 0 === (h.direction === 'lower')
                          ? 'success'
                          : 'danger'
                    }
                  >
                    {t('analytics.vsPrevious')} {formatChange(h.changePct)}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <RefreshingNotice refreshing={dashboard.refreshing} />
          <Alert
            type="info"
            showIcon
            data-testid="definition"
            message={`${t('analytics.definition')}：${main?.definition}`}
          />
          <Row gutter={12}>
            <Col xs={24} xl={14}>
              <Card
                title={`${language === 'zh' ? main?.indicator.nameZh : main?.indicator.nameEn} · ${t('analytics.byChild')}`}
                extra={
                  <Select
                    style={{ width: 240 }}
                    value={indicator}
                    options={indicatorOptions}
                    onChange={setIndicator}
                    data-testid="indicator-select"
                  />
                }
              >
                {main && main.children.length > 0 && childOption ? (
                  <>
                    <Chart
                      option={childOption}
                      height={300}
                      testId="children-chart"
                      onClick={({ dataIndex, category }) => {
                        const child =
                          main.children[dataIndex ?? main.children.findIndex((c) => c.label === category)];
                        if (child?.row && byCode.has(child.row)) drillTo(child.row);
                      }}
                    />
                    <Space wrap>
                      {main.children
                        .filter((c) => c.row && byCode.has(c.row))
                        .map((c) => (
                          <Button
                            key={c.row}
                            size="small"
                            onClick={() => drillTo(c.row)}
                            data-testid={`drill-${c.row}`}
                          >
                            {c.label}：{formatValue(c.value, decimals)}
                          </Button>
                        ))}
                    </Space>
                  </>
                ) : (
                  <Empty description={t('analytics.noChildren')} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('analytics.trend')}>
                {trendOption && <Chart option={trendOption} height={300} testId="trend-chart" />}
                {dashboard.main.trend.some((c) => c.partial) && (
                  <Typography.Text type="secondary">* {t('analytics.partialYear')}</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <Card
            title={t('analytics.pivot')}
            extra={
              <Space wrap>
                <Select
                  style={{ width: 140 }}
                  value={rows}
                  onChange={setRows}
                  data-testid="pivot-rows"
                  options={pivotAxes.map((a) => ({ value: a, label: t(`analytics.axis.${a}`) }))}
                />
                ×
                <Select
                  style={{ width: 140 }}
                  allowClear
                  value={columns}
                  onChange={setColumns}
                  data-testid="pivot-columns"
                  options={pivotAxes
                    .filter((a) => a !== rows)
                    .map((a) => ({ value: a, label: t(`analytics.axis.${a}`) }))}
                />
                <Button
                  icon={<DownloadOutlined />}
                  data-testid="pivot-export"
                  disabled={!pivotQuery}
                  onClick={() => {
                    if (!pivotQuery) return;
                    const qs = new URLSearchParams(
                      Object.entries(pivotQuery).map(([k, v]) => [k, String(v)]) as [string, string][],
                    );
                    downloadFile(`/api/analytics/query.xlsx?${qs}`).catch((e) =>
                      showError(e, (m) => message.error(m)),
                    );
                  }}
                >
                  {t('ledger.export')}
                </Button>
              </Space>
            }
          >
            {pivot ? (
              <>
                <Typography.Paragraph type="secondary">
                  {pivot.definition}
                  {pivot.notes.map((n) => (
                    <span key={n}>
                      <br />
                      {n}
                    </span>
                  ))}
                </Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="key"
                  scroll={{ x: true }}
                  pagination={false}
                  data-testid="pivot-table"
                  dataSource={pivot.rows.items}
                  columns={pivotColumns.main}
                  summary={() => (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>{t('analytics.total')}</Table.Summary.Cell>
                      <Table.Summary.Cell index={1}>
                        {formatValue(pivot.total.value, pivot.indicator.decimals)}
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  )}
                />
                {pivot.listed && (
                  <>
                    <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                      {t('analytics.listedRates', { n: pivot.listed.employers })}
                    </Typography.Paragraph>
                    <Table
                      size="small"
                      rowKey="key"
                      scroll={{ x: true }}
                      pagination={false}
                      data-testid="pivot-listed"
                      dataSource={pivot.rows.items}
                      columns={pivotColumns.listed}
                    />
                  </>
                )}
              </>
            ) : (
              <Empty />
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
