import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { Chart, type ChartOption } from '../../components/Chart';
import { useI18n } from '../../i18n/i18n';

type Counting = 'cases' | 'persons';
type Grounds = 'all' | 'determined' | 'production';
type Denominator = 'insured' | 'paying';
type YearBasis = 'determined' | 'occurred';
interface Options {
  year?: number;
  yearBasis: YearBasis;
  counting: Counting;
  grounds: Grounds;
  denominator: Denominator;
}
type EnterpriseRanking = Schemas['EnterpriseRanking'];
type EnterpriseRow = Schemas['EnterpriseRankingRow'];
type IndustryRanking = Schemas['IndustryRanking'];
type Adoption = Schemas['Adoption'];

/** A rate per 1,000, or — when there is no denominator. */
const rate = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined ? '—' : v.toFixed(digits);

function OptionsBar({ options, onChange }: { options: Options; onChange: (o: Options) => void }) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <span>{t('rank.year')}</span>
      <InputNumber
        min={2000}
        max={2100}
        value={options.year}
        onChange={(v) => onChange({ ...options, year: v ?? undefined })}
        data-testid="rank-year"
      />
      <Select
        style={{ width: 150 }}
        value={options.yearBasis}
        options={(['determined', 'occurred'] as const).map((v) => ({
          value: v,
          label: t(v === 'determined' ? 'analytics.yearDetermined' : 'analytics.yearOccurred'),
        }))}
        onChange={(v: YearBasis) => onChange({ ...options, yearBasis: v })}
        data-testid="rank-year-basis"
      />
      <span>{t('rank.counting')}</span>
      <Select
        style={{ width: 200 }}
        value={options.counting}
        options={(['cases', 'persons'] as const).map((v) => ({ value: v, label: t(`rank.counting.${v}`) }))}
        onChange={(v: Counting) => onChange({ ...options, counting: v })}
        data-testid="rank-counting"
      />
      <span>{t('rank.grounds')}</span>
      <Select
        style={{ width: 200 }}
        value={options.grounds}
        options={(['all', 'determined', 'production'] as const).map((v) => ({
          value: v,
          label: t(`rank.grounds.${v}`),
        }))}
        onChange={(v: Grounds) => onChange({ ...options, grounds: v })}
      />
      <span>{t('rank.denominator')}</span>
      <Select
        style={{ width: 150 }}
        value={options.denominator}
        options={(['insured', 'paying'] as const).map((v) => ({
          value: v,
          label: t(`rank.denominator.${v}`),
        }))}
        onChange={(v: Denominator) => onChange({ ...options, denominator: v })}
      />
    </Space>
  );
}

function Definition({ options, year }: { options: Options; year?: number }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="rank-definition">
      {t('rank.definition', {
        counting: t(`rank.counting.${options.counting}`),
        grounds: t(`rank.grounds.${options.grounds}`),
        denominator: t(`rank.denominator.${options.denominator}`),
        year: year ?? '',
      })}{' '}
      {t(options.yearBasis === 'determined' ? 'analytics.yearDetermined' : 'analytics.yearOccurred')}
    </Typography.Paragraph>
  );
}

function AdoptModal({
  open,
  ranking,
  options,
  selected,
  onClose,
  onDone,
}: {
  open: boolean;
  ranking: EnterpriseRanking;
  options: Options;
  selected: number[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ mode: 'top' | 'selected'; top: number; reason: string }>();
  const [isSaving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const adoption = await unwrap(
        api.POST('/api/ranking/adoptions', {
          body: {
            jurisdictionCode: ranking.jurisdiction.code,
            year: ranking.year,
            yearBasis: options.yearBasis,
            counting: options.counting,
            grounds: options.grounds,
            denominator: options.denominator,
            reason: values.reason,
            ...(values.mode === 'top' ? { top: values.top } : { employerIds: selected }),
          },
        }),
      );
      message.success(t('rank.adoptedDone', { n: adoption.items.length }));
      form.resetFields();
      onDone();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('rank.adoptTitle', { year: ranking.year })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={isSaving}
      okText={t('rank.adopt')}
      destroyOnHidden
    >
      {ranking.currentAdoption && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('rank.current', {
            year: ranking.year,
            who: ranking.currentAdoption.adoptedByName,
            at: ranking.currentAdoption.adoptedAt.slice(0, 10),
            n: ranking.currentAdoption.employers,
            reason: ranking.currentAdoption.reason,
          })}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: selected.length > 0 ? 'selected' : 'top', top: 10 }}
        data-testid="adopt-form"
      >
        <Form.Item name="mode" label={t('rank.adoptMode')}>
          <Radio.Group>
            <Radio value="top">{t('rank.adoptTop')}</Radio>
            <Radio value="selected" disabled={selected.length === 0}>
              {t('rank.adoptSelected', { n: selected.length })}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() =>
            form.getFieldValue('mode') === 'top' && (
              <Form.Item name="top" label="N" rules={[{ required: true }]}>
                <InputNumber min={1} max={500} data-testid="adopt-top" />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="reason" label={t('rank.reason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} placeholder={t('rank.reasonHint')} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EnterpriseRankingTab({ options, onYear }: { options: Options; onYear: (year: number) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const [sort, setSort] = useState<'shrunk' | 'raw' | 'count'>('shrunk');
  const [selected, setSelected] = useState<number[]>([]);
  const [isAdopting, setAdopting] = useState(false);
  const queryClient = useQueryClient();
  const code = current?.code;

  // The key holds the jurisdiction, every option and the sort: a late answer for earlier ones
  // cannot fill the page.
  const rankingQuery = useListQuery({
    queryKey: ['ranking', 'enterprises', code, options, sort],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ranking/enterprises', {
          params: { query: { ...options, jurisdiction: code, sort, limit: 100 } },
          signal,
        }),
      ),
  });
  const ranking: EnterpriseRanking | null = rankingQuery.data ?? null;
  const isLoading = rankingQuery.isFetching;
  // Without a year chosen, the answer's (latest) year becomes the options' year; the answer is that
  // year's ranking too: cached under it, the page does not go blank meanwhile.
  useEffect(() => {
    if (!ranking || options.year !== undefined) return;
    queryClient.setQueryData(
      ['ranking', 'enterprises', code, { ...options, year: ranking.year }, sort],
      ranking,
    );
    onYear(ranking.year);
  }, [ranking, options, code, sort, queryClient, onYear]);
  const load = () => queryClient.invalidateQueries({ queryKey: ['ranking'] });

  const chart = useMemo<ChartOption>(() => {
    const top = (ranking?.items ?? []).filter((r) => r.shrunkRatePer1000 !== null).slice(0, 15);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('rank.raw'), t('rank.shrunk')] },
      grid: { left: 180, right: 24, top: 32, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => `${r.rank}. ${r.name}`) },
      series: [
        {
          name: t('rank.raw'),
          type: 'bar',
          data: top.map((r) => Number(rate(r.rawRatePer1000))),
          itemStyle: { color: '#bfbfbf' },
        },
        {
          name: t('rank.shrunk'),
          type: 'bar',
          data: top.map((r) => Number(rate(r.shrunkRatePer1000))),
          itemStyle: { color: '#1f5fa8' },
        },
      ],
    };
  }, [ranking, t]);

  const columns: ColumnsType<EnterpriseRow> = [
    { title: t('rank.rank'), dataIndex: 'rank', width: 60 },
    {
      title: t('rank.name'),
      dataIndex: 'name',
      width: 240,
      render: (v: string, r) => (
        <>
          {v} {r.isAdopted && <Tag color="blue">{t('rank.adopted')}</Tag>}
        </>
      ),
    },
    {
      title: t('rank.industry'),
      dataIndex: 'divisionName',
      width: 160,
      render: (v: string | null, r) => (r.division ? `${r.division} ${v ?? ''}` : '—'),
    },
    { title: t('org.jurisdiction'), dataIndex: 'jurisdictionName', width: 90 },
    { title: t('rank.exposure'), dataIndex: 'exposure', width: 90, render: (v: number | null) => v ?? '—' },
    { title: t('rank.cases'), dataIndex: 'cases', width: 70 },
    { title: t('rank.raw'), dataIndex: 'rawRatePer1000', width: 110, render: (v: number | null) => rate(v) },
    {
      title: t('rank.credibility'),
      dataIndex: 'credibility',
      width: 110,
      render: (v: number | null) => rate(v, 3),
    },
    {
      title: t('rank.industryRate'),
      dataIndex: 'industryRatePer1000',
      width: 110,
      render: (v: number | null) => rate(v),
    },
    {
      title: t('rank.shrunk'),
      dataIndex: 'shrunkRatePer1000',
      width: 110,
      render: (v: number | null) => <Typography.Text strong>{rate(v)}</Typography.Text>,
    },
  ];

  const k = ranking?.method.k;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('rank.helpTitle')}
        description={
          <div data-testid="credibility-help">
            <div>{t('rank.help')}</div>
            {ranking && (
              <div style={{ marginTop: 8 }}>
                <Typography.Text strong>
                  {k === null || k === undefined
                    ? t('rank.helpKNone')
                    : t('rank.helpK', { k: Math.round(k) })}
                </Typography.Text>
                {ranking.method.kFromYear < ranking.method.kToYear &&
                  t('rank.kPooled', { from: ranking.method.kFromYear, to: ranking.method.kToYear })}
              </div>
            )}
          </div>
        }
      />
      {ranking?.method.weightsZeroBecause && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="credibility-zero"
          title={t('rank.zeroTitle')}
          description={t(`rank.zero.${ranking.method.weightsZeroBecause}`, {
            year: ranking.year,
            n: ranking.method.employersRated,
          })}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('rank.sort')}</span>
        <Select
          style={{ width: 180 }}
          value={sort}
          options={(['shrunk', 'raw', 'count'] as const).map((v) => ({
            value: v,
            label: t(`rank.sort.${v}`),
          }))}
          onChange={setSort}
        />
        {can('analytics:adopt') && (
          <Button type="primary" disabled={!ranking || ranking.total === 0} onClick={() => setAdopting(true)}>
            {t('rank.adopt')}
          </Button>
        )}
      </Space>
      {ranking?.currentAdoption && (
        <Alert
          type="success"
          style={{ marginBottom: 16 }}
          title={t('rank.current', {
            year: ranking.year,
            who: ranking.currentAdoption.adoptedByName,
            at: ranking.currentAdoption.adoptedAt.slice(0, 10),
            n: ranking.currentAdoption.employers,
            reason: ranking.currentAdoption.reason,
          })}
          data-testid="current-adoption"
        />
      )}
      <Definition options={options} year={ranking?.year} />
      <Typography.Text type="secondary">{t('rank.chartTitle', { n: 15 })}</Typography.Text>
      <Chart option={chart} height={420} testId="ranking-chart" />
      <Table
        rowKey="employerId"
        size="small"
        loading={isLoading}
        columns={columns}
        dataSource={ranking?.items ?? []}
        scroll={{ x: 1200 }}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { total: n }) }}
        rowSelection={
          can('analytics:adopt')
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }
            : undefined
        }
        locale={{ emptyText: t('rank.noData') }}
        data-testid="enterprise-ranking"
      />
      {ranking && (
        <AdoptModal
          open={isAdopting}
          ranking={ranking}
          options={options}
          selected={selected}
          onClose={() => setAdopting(false)}
          onDone={() => {
            setAdopting(false);
            setSelected([]);
            load();
          }}
        />
      )}
    </>
  );
}

/**
 * The joint meeting lists a ranked GB/T 4754 division as a key industry of a plan period for this
 * jurisdiction and below (through the key-industry list, KI-1), with the decision as its source.
 */
const NO_PERIODS: { code: string; startYear: number; endYear: number }[] = [];

function AddKeyIndustryModal({
  row,
  year,
  onClose,
}: {
  row: IndustryRanking['items'][number] | null;
  year: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [form] = Form.useForm<{ planPeriod: string; source: string }>();
  const periodList = useQuery({
    queryKey: ['plan-periods'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plan-periods', { signal })),
  });
  const periods = periodList.data?.items ?? NO_PERIODS;
  useEffect(() => {
    if (!row) return;
    // The ranking of a year decides the key industries of the years that follow it.
    const next = periods.find((p) => year + 1 >= p.startYear && year + 1 <= p.endYear) ?? periods.at(-1);
    form.setFieldsValue({ planPeriod: next?.code, source: t('rank.keySource', { year }) });
  }, [row, periods, year, form, t]);
  const submit = async () => {
    if (!row || !current) return;
    const values = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/key-industries', {
          body: {
            planPeriod: values.planPeriod,
            category: 'key',
            name: row.name,
            industryPrefixes: [row.code],
            jurisdictionCode: current.code,
            source: values.source,
          },
        }),
      );
      message.success(t('rank.keyAdded', { name: row.name }));
      onClose();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  return (
    <Modal
      open={row !== null}
      title={t('rank.addKeyTitle', { name: row ? `${row.code} ${row.name}` : '' })}
      onCancel={onClose}
      onOk={submit}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item name="planPeriod" label={t('ledger.planPeriod')} rules={[{ required: true }]}>
          <Select options={periods.map((p) => ({ value: p.code, label: p.code }))} />
        </Form.Item>
        <Form.Item name="source" label={t('rank.reason')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IndustryRankingTab({ options }: { options: Options }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const [adding, setAdding] = useState<IndustryRanking['items'][number] | null>(null);
  const [level, setLevel] = useState<'division' | 'key'>('key');
  const [sort, setSort] = useState<'rate' | 'count'>('rate');
  const code = current?.code;
  const rankingQuery = useListQuery({
    queryKey: ['ranking', 'industries', code, options, level, sort],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ranking/industries', {
          params: { query: { ...options, jurisdiction: code, level, sort } },
          signal,
        }),
      ),
  });
  const ranking: IndustryRanking | null = rankingQuery.data ?? null;
  const chart = useMemo<ChartOption>(() => {
    const top = (ranking?.items ?? []).slice(0, 15);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 160, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => r.name) },
      series: [
        {
          type: 'bar',
          name: sort === 'rate' ? t('rank.rate') : t('rank.cases'),
          data: top.map((r) => (sort === 'rate' ? Number(rate(r.ratePer1000)) : r.cases)),
          itemStyle: { color: '#1f5fa8' },
        },
      ],
    };
  }, [ranking, sort, t]);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('rank.level')}</span>
        <Select
          style={{ width: 180 }}
          value={level}
          data-testid="industry-level"
          options={(['key', 'division'] as const).map((v) => ({ value: v, label: t(`rank.level.${v}`) }))}
          onChange={setLevel}
        />
        <span>{t('rank.sort')}</span>
        <Select
          style={{ width: 140 }}
          value={sort}
          options={[
            { value: 'rate', label: t('rank.rate') },
            { value: 'count', label: t('rank.sort.count') },
          ]}
          onChange={setSort}
        />
      </Space>
      <Definition options={options} year={ranking?.year} />
      <Chart option={chart} height={360} testId="industry-chart" />
      <Table
        rowKey="code"
        size="small"
        dataSource={ranking?.items ?? []}
        pagination={false}
        data-testid="industry-ranking"
        columns={[
          { title: t('rank.rank'), dataIndex: 'rank', width: 60 },
          {
            title: t('rank.industry'),
            dataIndex: 'name',
            render: (v: string, r) => (level === 'division' ? `${r.code} ${v}` : v),
          },
          { title: t('rank.employers'), dataIndex: 'employers', width: 90 },
          { title: t('rank.exposure'), dataIndex: 'exposure', width: 110 },
          { title: t('rank.cases'), dataIndex: 'cases', width: 80 },
          { title: t('rank.unrated'), dataIndex: 'unratedCases', width: 120 },
          {
            title: t('rank.rate'),
            dataIndex: 'ratePer1000',
            width: 100,
            render: (v: number | null) => rate(v),
          },
          ...(level === 'division' && can('enterprises:configure')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, r: IndustryRanking['items'][number]) =>
                    r.code ? (
                      <Button size="small" onClick={() => setAdding(r)}>
                        {t('rank.addKey')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {ranking && <AddKeyIndustryModal row={adding} year={ranking.year} onClose={() => setAdding(null)} />}
    </>
  );
}

function AdoptionHistoryTab({ year }: { year?: number }) {
  const { t } = useI18n();
  const { current } = useJurisdiction();
  const code = current?.code;
  const adoptions = useListQuery({
    queryKey: ['ranking', 'adoptions', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ranking/adoptions', { params: { query: { jurisdiction: code, year } }, signal })),
  });
  const items: Adoption[] = adoptions.data?.items ?? [];
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={items}
      data-testid="adoption-history"
      expandable={{
        expandedRowRender: (a) => (
          <Table
            rowKey="employerId"
            size="small"
            pagination={false}
            dataSource={a.items}
            columns={[
              { title: t('rank.rank'), dataIndex: 'rank', width: 60 },
              { title: t('rank.name'), dataIndex: 'name' },
              { title: t('rank.exposure'), dataIndex: 'exposure', width: 90 },
              { title: t('rank.cases'), dataIndex: 'cases', width: 70 },
              { title: t('rank.raw'), dataIndex: 'rawRatePer1000', width: 110, render: (v) => rate(v) },
              {
                title: t('rank.credibility'),
                dataIndex: 'credibility',
                width: 110,
                render: (v) => rate(v, 3),
              },
              { title: t('rank.shrunk'), dataIndex: 'shrunkRatePer1000', width: 110, render: (v) => rate(v) },
            ]}
          />
        ),
      }}
      columns={[
        { title: t('rank.year'), dataIndex: 'year', width: 70 },
        { title: t('bulletin.jurisdiction'), dataIndex: 'jurisdictionName', width: 100 },
        {
          title: t('bulletin.status'),
          dataIndex: 'supersededAt',
          width: 90,
          render: (v: string | null) =>
            v ? <Tag>{t('rank.superseded')}</Tag> : <Tag color="green">{t('rank.standing')}</Tag>,
        },
        { title: t('rank.reason'), dataIndex: 'reason' },
        {
          title: t('rank.adoptedBy'),
          dataIndex: 'adoptedByName',
          width: 180,
          render: (v: string, a) => `${v}（${a.adoptedBy}）`,
        },
        {
          title: t('rank.adoptedAt'),
          dataIndex: 'adoptedAt',
          width: 170,
          render: (v: string) => new Date(v).toLocaleString(),
        },
        {
          title: t('rank.method'),
          dataIndex: 'parameters',
          width: 220,
          render: (p: Record<string, unknown>, a) =>
            `${a.method} · k=${typeof p.k === 'number' ? Math.round(p.k) : '∞'} · ${String(p.counting)}/${String(p.grounds)}/${String(p.denominator)} · ${String(p.selection)}`,
        },
        { title: t('rank.employers'), dataIndex: 'items', width: 80, render: (v: unknown[]) => v.length },
      ]}
    />
  );
}

/** 排名与重点确定 (AN-3): yearly ranking of industries and employers with credibility; adoption into the ledger. */
export default function RankingPage() {
  const { t } = useI18n();
  const { current } = useJurisdiction();
  const [options, setOptions] = useState<Options>({
    yearBasis: 'determined',
    counting: 'cases',
    grounds: 'all',
    denominator: 'insured',
  });
  // Show the year the server chose (the latest with data) once the first ranking arrives.
  const onYear = useCallback((year: number) => setOptions((o) => (o.year ? o : { ...o, year })), []);
  return (
    <Card title={`${t('nav.ranking')} · ${current?.name ?? ''}`}>
      <OptionsBar options={options} onChange={setOptions} />
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'enterprises',
            label: t('rank.enterprises'),
            children: <EnterpriseRankingTab options={options} onYear={onYear} />,
          },
          {
            key: 'industries',
            label: t('rank.industries'),
            children: <IndustryRankingTab options={options} />,
          },
          { key: 'history', label: t('rank.history'), children: <AdoptionHistoryTab year={options.year} /> },
        ]}
      />
    </Card>
  );
}
