import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ConfigProvider, Select, theme } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { useJurisdiction } from '../../auth/jurisdiction';
import { Chart, type ChartOption } from '../../components/Chart';
import { useI18n } from '../../i18n/i18n';
import { formatChange, formatValue } from '../analytics/format';
import { OverviewMap } from './OverviewMap';

type Overview = Schemas['Overview'];

/** How often the screen asks whether the figures changed, and rotates its panels (ms). */
const VERSION_POLL_MS = 15_000;
const ROTATE_MS = 12_000;
/** A backstop: panels outside the version (training, publicity, later ones) are fetched this often. */
const FULL_REFRESH_MS = 5 * 60_000;
const MAP_INDICATORS = ['injury_rate_per_1000', 'injury_count', 'fatality_rate_per_100k', 'accident_deaths'];

const C = {
  bg: '#06122b',
  panel: '#0c1f45',
  border: '#1f4b8f',
  text: '#e6efff',
  dim: '#8fa8d6',
  good: '#3ecf7a',
  warn: '#f5c542',
  bad: '#ff5c5c',
  accent: '#4fb3ff',
};
const TONE = { good: C.good, warn: C.warn, bad: C.bad } as const;
const STATUS_TONE = {
  on_track: C.good,
  at_risk: C.warn,
  off_track: C.bad,
  no_baseline: C.dim,
  not_started: C.dim,
};

function Panel({
  title,
  children,
  style,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <section
      data-testid={testId}
      style={{
        background: C.panel,
        border: `1px solid ${C.border}`,
        borderRadius: 8,
        padding: '12px 18px',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        ...style,
      }}
    >
      <h2 style={{ color: C.accent, fontSize: 26, margin: '0 0 8px', fontWeight: 600 }}>{title}</h2>
      <div style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>{children}</div>
    </section>
  );
}

/** Up is worse for a "lower is better" indicator. */
function changeTone(pct: number | null, direction: 'lower' | 'higher') {
  if (pct === null || pct === 0) return C.dim;
  return pct < 0 === (direction === 'lower') ? C.good : C.bad;
}

const darkAxis = {
  axisLabel: { color: C.dim, fontSize: 18 },
  axisLine: { lineStyle: { color: C.border } },
  splitLine: { lineStyle: { color: '#173463' } },
};

/** 数据大屏 (AN-7): the jurisdiction at a glance for a meeting room, 1920×1080, read from 5 m. */
export default function OverviewPage() {
  const { t, language } = useI18n();
  const { current } = useJurisdiction();
  const [search, setSearch] = useSearchParams();
  const jurisdiction = search.get('jurisdiction') ?? current?.code ?? undefined;
  const indicator = search.get('indicator') ?? 'injury_rate_per_1000';
  const year = search.get('year') ? Number(search.get('year')) : undefined;

  // A short poll of the version (primary-key maxima and counters, decision 0037); the data is fetched
  // again only when it moves — no reload, the screen keeps its place.
  const version = useQuery({
    queryKey: ['overview', 'version', jurisdiction],
    enabled: jurisdiction !== undefined,
    refetchInterval: VERSION_POLL_MS,
    refetchIntervalInBackground: true,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/overview/version', { params: { query: { jurisdiction } }, signal })),
  });
  const result = useQuery({
    queryKey: ['overview', jurisdiction, year, indicator, language, version.data?.version],
    enabled: version.data !== undefined,
    placeholderData: keepPreviousData,
    refetchInterval: FULL_REFRESH_MS,
    refetchIntervalInBackground: true,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/overview', { params: { query: { jurisdiction, year, indicator } }, signal })),
  });
  const data = result.data;
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (data) setUpdatedAt(new Date());
  }, [data]);

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      {/* The screen is laid out for a wall display (at least 1280 px): a smaller window scrolls it inside this box, not the page. */}
      <div style={{ width: '100vw', height: '100vh', overflow: 'auto' }}>
        <div
          data-testid="overview-screen"
          data-version={data?.version ?? ''}
          style={{
            background: C.bg,
            color: C.text,
            width: '100vw',
            height: '100vh',
            minWidth: 1280,
            minHeight: 720,
            padding: 20,
            boxSizing: 'border-box',
            display: 'grid',
            gridTemplateRows: '72px 1fr 300px',
            gap: 16,
            overflow: 'hidden',
            fontSize: 20,
          }}
        >
          <header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
            <h1 style={{ fontSize: 40, margin: 0, color: C.text, letterSpacing: 2 }}>
              {t('ov.title')}
              {data ? ` · ${data.jurisdiction.name} · ${t('ov.year', { year: data.year })}` : ''}
            </h1>
            {data?.partial && <span style={{ color: C.warn, fontSize: 22 }}>{t('ov.partial')}</span>}
            <span style={{ flex: 1 }} />
            {data && data.refreshing.batches > 0 && (
              <span style={{ color: C.warn, fontSize: 20 }}>
                {t('ov.refreshing', { count: data.refreshing.batches })}
              </span>
            )}
            <Select
              data-testid="overview-indicator"
              value={indicator}
              style={{ width: 260 }}
              aria-label={t('ov.indicator')}
              options={MAP_INDICATORS.map((code) => ({
                value: code,
                label: data?.headline.find((h) => h.code === code)?.name ?? code,
              }))}
              onChange={(value) => {
                const next = new URLSearchParams(search);
                next.set('indicator', value);
                setSearch(next);
              }}
            />
            <span style={{ color: C.dim, fontSize: 20 }} data-testid="overview-updated">
              {updatedAt
                ? t('ov.updated', {
                    time: updatedAt.toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-GB'),
                  })
                : ''}
            </span>
            <Link to="/" style={{ color: C.dim, fontSize: 20 }}>
              {t('ov.exit')}
            </Link>
          </header>
          {!data ? (
            <div
              style={{ gridRow: '2 / 4', color: C.dim, fontSize: 28, textAlign: 'center', paddingTop: 200 }}
            >
              {result.isError || version.isError ? t('common.loadFailed') : '…'}
            </div>
          ) : (
            <Screen data={data} />
          )}
        </div>
      </div>
    </ConfigProvider>
  );
}

function Screen({ data }: { data: Overview }) {
  const { t } = useI18n();
  const head = data.headline.slice(0, 6);
  const main = data.map.indicator;
  const trendOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 70, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: data.trend.map((p) => String(p.year)), ...darkAxis },
      yAxis: { type: 'value', ...darkAxis },
      series: [
        {
          type: 'line',
          data: data.trend.map((p) => p.value),
          lineStyle: { width: 4, color: C.accent },
          itemStyle: { color: C.accent },
          symbolSize: 12,
          label: {
            show: true,
            color: C.text,
            fontSize: 18,
            formatter: (p: { value: number | null }) => formatValue(p.value, main.decimals),
          },
        },
      ],
    }),
    [data.trend, main.decimals],
  );
  const industryOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 150, right: 80, top: 10, bottom: 10 },
      xAxis: { type: 'value', max: 100, show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.keyIndustries.items.map((k) => k.name),
        ...darkAxis,
      },
      series: [
        {
          type: 'bar',
          data: data.keyIndustries.items.map((k) => k.sharePct ?? 0),
          itemStyle: { color: C.warn, borderRadius: 4 },
          barWidth: 22,
          label: {
            show: true,
            position: 'right',
            color: C.text,
            fontSize: 18,
            formatter: (p: { value: number }) => `${p.value.toFixed(1)}%`,
          },
        },
      ],
    }),
    [data.keyIndustries.items],
  );
  return (
    <>
      <div style={{ display: 'grid', gridTemplateColumns: '520px 1fr 560px', gap: 16, minHeight: 0 }}>
        <div style={{ display: 'grid', gridTemplateRows: '1fr auto', gap: 16, minHeight: 0 }}>
          <Panel title={t('ov.headline')} testId="overview-headline">
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 14 }}>
              {head.map((h) => (
                <div key={h.code} data-testid={`ov-kpi-${h.code}`}>
                  <div
                    style={{
                      color: C.dim,
                      fontSize: 19,
                      whiteSpace: 'nowrap',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                    }}
                  >
                    {h.name}
                  </div>
                  <div
                    style={{ fontSize: 44, fontWeight: 700, lineHeight: 1.15 }}
                    data-testid={`ov-kpi-value-${h.code}`}
                  >
                    {formatValue(h.value, h.decimals)}
                    <span style={{ fontSize: 18, color: C.dim, marginLeft: 6 }}>{h.unit}</span>
                  </div>
                  <div style={{ fontSize: 18, color: changeTone(h.changePct, h.direction) }}>
                    {t('ov.vsLastYear')} {formatChange(h.changePct)}
                  </div>
                </div>
              ))}
            </div>
          </Panel>
          <Panel title={t('ov.target')} testId="overview-target">
            {data.target ? (
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
                <Figure
                  label={t('ov.baseline', { year: data.target.planPeriod.baselineYear })}
                  value={formatValue(data.target.baseline, 3)}
                />
                <Figure
                  label={t('ov.targetValue', { year: data.target.planPeriod.endYear })}
                  value={formatValue(data.target.target, 3)}
                />
                <Figure
                  label={t('ov.latest', { year: data.target.latestYear ?? '—' })}
                  value={formatValue(data.target.latest, 3)}
                  color={STATUS_TONE[data.target.status]}
                />
                <div style={{ gridColumn: '1 / 4', fontSize: 22, color: STATUS_TONE[data.target.status] }}>
                  {t(`ov.status.${data.target.status}`)}
                  {data.target.requiredLatest !== null &&
                    ` · ${t('ov.required')} ${formatValue(data.target.requiredLatest, 3)}`}
                </div>
              </div>
            ) : (
              <div style={{ color: C.dim }}>{t('ov.noTarget')}</div>
            )}
          </Panel>
        </div>
        <Panel title={t('ov.map', { indicator: main.name })} testId="overview-map-panel">
          <OverviewMap
            provinceCode={data.jurisdiction.provinceCode}
            areas={data.map.children}
            direction={main.direction}
            decimals={main.decimals}
            unit={main.unit}
            height={560}
          />
        </Panel>
        <div style={{ display: 'grid', gridTemplateRows: '1fr 1fr', gap: 16, minHeight: 0 }}>
          <Panel title={`${t('ov.trend')} · ${main.name}`} testId="overview-trend">
            <Chart option={trendOption} height={250} />
          </Panel>
          <Panel title={t('ov.keyIndustries')} testId="overview-key-industries">
            <Chart option={industryOption} height={250} />
          </Panel>
        </div>
      </div>
      <RotatingPanels data={data} />
    </>
  );
}

function Figure({ label, value, color = C.text }: { label: string; value: string; color?: string }) {
  return (
    <div>
      <div style={{ color: C.dim, fontSize: 18 }}>{label}</div>
      <div style={{ fontSize: 34, fontWeight: 700, color }}>{value}</div>
    </div>
  );
}

/** The bottom row: overdue work first, then each extra panel, two at a time, rotating. */
function RotatingPanels({ data }: { data: Overview }) {
  const { t } = useI18n();
  const pages: { key: string; title: string; body: ReactNode }[] = [
    {
      key: 'actionItems',
      title: `${t('ov.overdueItems')} · ${t('ov.total', { count: data.overdue.actionItems.total })}`,
      body: (
        <Rows
          rows={data.overdue.actionItems.items.map((i) => ({
            key: i.id,
            text: `${i.jurisdictionName} · ${i.unitName} · ${i.title}`,
            days: i.daysOverdue,
          }))}
        />
      ),
    },
    {
      key: 'rectifications',
      title: `${t('ov.overdueRects')} · ${t('ov.total', { count: data.overdue.rectifications.total })}`,
      body: (
        <Rows
          rows={data.overdue.rectifications.items.map((r) => ({
            key: r.id,
            text: `${r.jurisdictionName} · ${t(`ov.finding.${r.findingKind}`)} · ${r.responsibleName}${r.isEscalated ? ` · ${t('ov.escalated')}` : ''}`,
            days: r.daysOverdue,
          }))}
        />
      ),
    },
    ...data.panels.map((p) => ({
      key: p.key,
      title: p.title,
      body:
        p.status === 'ok' ? (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '12px 40px' }}>
            {p.figures.map((f) => (
              <div key={f.label}>
                <div style={{ color: C.dim, fontSize: 19 }}>{f.label}</div>
                <div style={{ fontSize: 40, fontWeight: 700, color: f.tone ? TONE[f.tone] : C.text }}>
                  {f.value.toLocaleString('zh-CN')}
                  {f.unit && <span style={{ fontSize: 18, color: C.dim, marginLeft: 4 }}>{f.unit}</span>}
                </div>
              </div>
            ))}
          </div>
        ) : (
          <div style={{ color: C.dim, fontSize: 24 }}>
            {t(p.status === 'no_data' ? 'ov.noData' : 'ov.unavailable')}
          </div>
        ),
    })),
  ];
  const [start, setStart] = useState(0);
  useEffect(() => {
    if (pages.length <= 2) return;
    const timer = setInterval(() => setStart((s) => (s + 2) % pages.length), ROTATE_MS);
    return () => clearInterval(timer);
  }, [pages.length]);
  const shown = pages.length <= 2 ? pages : [pages[start % pages.length], pages[(start + 1) % pages.length]];
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16, minHeight: 0 }}
      data-testid="overview-rotating"
    >
      {shown.map(
        (p) =>
          p && (
            <Panel key={p.key} title={p.title} testId={`overview-panel-${p.key}`}>
              {p.body}
            </Panel>
          ),
      )}
    </div>
  );
}

function Rows({ rows }: { rows: { key: number; text: string; days: number }[] }) {
  const { t } = useI18n();
  if (rows.length === 0) return <div style={{ color: C.good, fontSize: 26 }}>{t('ov.none')}</div>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {rows.slice(0, 5).map((r) => (
        <div key={r.key} style={{ display: 'flex', gap: 16, fontSize: 22 }}>
          <span style={{ flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {r.text}
          </span>
          <span style={{ color: r.days > 30 ? C.bad : C.warn, whiteSpace: 'nowrap' }}>
            {t('ov.daysOverdue', { days: r.days })}
          </span>
        </div>
      ))}
    </div>
  );
}
