import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, downloadFile, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type LedgerRow = Schemas['LedgerRow'];
type Monitoring = Schemas['Monitoring'];
type Sort = 'injuries' | 'rate' | 'insured' | 'name' | 'insuredShare';

interface Filters {
  planPeriod?: string;
  keyIndustryId?: number;
  year?: number;
  insuranceStatus?: 'insured' | 'uninsured' | 'suspended';
  search?: string;
  adoptedOnly?: 'true';
}

function LedgerTable({ category }: { category: 'key' | 'dust' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({
    sort: category === 'dust' ? 'insuredShare' : 'injuries',
    order: category === 'dust' ? 'asc' : 'desc',
  });
  const [search, setSearch] = useState('');
  const code = current?.code;
  // The same key as the training configuration's plan periods (TrainingConfigTab.tsx).
  const periodList = useQuery({
    queryKey: ['plan-periods'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plan-periods', { signal })),
  });
  const periods = (periodList.data?.items ?? []).map((x) => ({ value: x.code, label: x.code }));
  const industryList = useQuery({
    queryKey: ['key-industries', 'options', code, category, filters.planPeriod],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/key-industries', {
          params: { query: { jurisdiction: code as string, category, planPeriod: filters.planPeriod } },
          signal,
        }),
      ),
  });
  const industries = industryList.data?.items ?? [];

  const query = useCallback(
    () => ({ ...filters, ...sort, category, jurisdiction: code }),
    [filters, sort, category, code],
  );

  // The key holds the jurisdiction, filters, order and page: a late answer for earlier ones cannot fill the table.
  const ledgerQuery = useListQuery({
    queryKey: ['ledger', category, code, filters, sort, page],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/enterprises/ledger', { params: { query: { ...query(), ...page } }, signal })),
  });
  const ledger = ledgerQuery.data ?? null;
  const isLoading = ledgerQuery.isFetching;

  const exportUrl = () => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query())) if (v !== undefined && v !== '') params.set(k, String(v));
    return `/api/enterprises/ledger/export?${params}`;
  };

  const columns: ColumnsType<LedgerRow> = [
    {
      title: t('ledger.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      width: 240,
      render: (v: string, r) => (
        <>
          {v} {r.isPending && <Tag color="orange">{t('ledger.pending')}</Tag>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.creditCode}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('ledger.keyIndustry'), dataIndex: 'keyIndustries', width: 110 },
    { title: t('org.jurisdiction'), dataIndex: 'jurisdictionName', width: 90 },
    {
      title: t('ledger.insurance'),
      dataIndex: 'insuranceStatus',
      width: 80,
      render: (v: string | null) =>
        v ? <Tag color={v === 'insured' ? 'green' : 'red'}>{t(`insurance.${v}`)}</Tag> : '—',
    },
    {
      title: t('ledger.insured'),
      dataIndex: 'averageInsured',
      key: 'insured',
      sorter: true,
      width: 110,
      render: (v: number | null) => v ?? '—',
    },
    ...(category === 'dust'
      ? [
          {
            title: t('ledger.employees'),
            dataIndex: 'employees',
            width: 90,
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('ledger.share'),
            dataIndex: 'insuredShare',
            key: 'insuredShare',
            sorter: true,
            width: 90,
            render: (v: number | null) =>
              v === null ? (
                '—'
              ) : (
                <Typography.Text type={v < 100 ? 'danger' : undefined}>{v}%</Typography.Text>
              ),
          },
          { title: t('ledger.pneumoconiosis'), dataIndex: 'pneumoconiosis', width: 80 },
          {
            title: t('insuredList.link'),
            key: 'insuredList',
            width: 90,
            render: (_: unknown, r: LedgerRow) => (
              <Link to={`/enterprises/${r.id}/insured-list`} data-testid={`insured-list-${r.id}`}>
                {t('insuredList.link')}
              </Link>
            ),
          },
        ]
      : []),
    { title: t('ledger.injuries'), dataIndex: 'injuries', key: 'injuries', sorter: true, width: 90 },
    {
      title: t('ledger.rate'),
      dataIndex: 'ratePer1000',
      key: 'rate',
      sorter: true,
      width: 90,
      render: (v: number | null) => (v === null ? '—' : `${v}‰`),
    },
    { title: t('ledger.deaths'), dataIndex: 'deaths', width: 60 },
    { title: t('ledger.accidents'), dataIndex: 'accidents', width: 60 },
    { title: t('ledger.diseases'), dataIndex: 'diseases', width: 70 },
    ...(category === 'key'
      ? [
          {
            title: t('ledger.adoption'),
            dataIndex: 'adoption',
            width: 200,
            render: (a: LedgerRow['adoption']) =>
              a ? (
                <Tag color="blue" data-testid="adopted-tag">
                  {t('ledger.adoptedTag', { in: a.adoptedIn, rank: a.rank, who: a.adoptedByName })}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          placeholder={t('ledger.planPeriod')}
          style={{ width: 130 }}
          value={filters.planPeriod ?? ledger?.planPeriod}
          options={periods}
          onChange={(v: string) => setFilters((f) => ({ ...f, planPeriod: v, keyIndustryId: undefined }))}
        />
        <InputNumber
          placeholder={t('ledger.year')}
          min={2000}
          max={2100}
          value={filters.year ?? ledger?.year}
          onChange={(v) => setFilters((f) => ({ ...f, year: v ?? undefined }))}
        />
        <Select
          allowClear
          placeholder={t('ledger.keyIndustry')}
          style={{ width: 160 }}
          value={filters.keyIndustryId}
          options={industries.map((i) => ({ value: i.id, label: i.name }))}
          onChange={(v?: number) => setFilters((f) => ({ ...f, keyIndustryId: v }))}
        />
        <Select
          allowClear
          placeholder={t('ledger.insurance')}
          style={{ width: 120 }}
          options={(['insured', 'uninsured', 'suspended'] as const).map((s) => ({
            value: s,
            label: t(`insurance.${s}`),
          }))}
          onChange={(v?: Filters['insuranceStatus']) => setFilters((f) => ({ ...f, insuranceStatus: v }))}
        />
        <Input.Search
          placeholder={t('org.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setFilters((f) => ({ ...f, search: v || undefined }))}
          style={{ width: 220 }}
        />
        {category === 'key' && (
          <Checkbox
            checked={filters.adoptedOnly === 'true'}
            onChange={(e) =>
              setFilters((f) => ({ ...f, adoptedOnly: e.target.checked ? 'true' : undefined }))
            }
            data-testid="ledger-adopted-only"
          >
            {t('ledger.adoptedOnly')}
          </Checkbox>
        )}
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadFile(exportUrl()).catch((e) => showError(e, (m) => message.error(m)))}
          data-testid="ledger-export"
        >
          {t('ledger.export')}
        </Button>
      </Space>
      {ledger && (
        <Typography.Paragraph type="secondary" data-testid="ledger-counting">
          {t('picture.counting', { rule: ledger.counting.label })}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        columns={columns}
        dataSource={ledger?.items ?? []}
        scroll={{ x: category === 'key' ? 1300 : 1100 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: ledger?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
        }}
        onChange={(p, _f, sorter) => {
          setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          if (s?.order && s.columnKey)
            setSort({ sort: s.columnKey as Sort, order: s.order === 'ascend' ? 'asc' : 'desc' });
        }}
        data-testid={`ledger-${category}`}
      />
    </>
  );
}

function MonitoringTable() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [page, setPage] = useState(1);
  const [threshold, setThreshold] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const code = current?.code;
  const { data } = useListQuery({
    queryKey: ['monitoring', code, page],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/enterprises/monitoring', {
          params: { query: { jurisdiction: code as string, page, pageSize: 20 } },
          signal,
        }),
      ),
  });
  // The threshold box starts from the answer's threshold, and again after each load.
  useEffect(() => {
    if (data) setThreshold(data.threshold);
  }, [data]);
  const load = () => queryClient.invalidateQueries({ queryKey: ['monitoring'] });

  const saveThreshold = () => {
    if (!current || threshold === null) return;
    unwrap(
      api.PUT('/api/settings/monitoring-threshold', {
        body: { jurisdictionCode: current.code, value: threshold },
      }),
    )
      .then(() => {
        message.success(t('common.saved'));
        load();
      })
      .catch((e) => showError(e, (m) => message.error(m)));
  };

  return (
    <>
      {data && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Typography.Text>
            {t('ledger.threshold', {
              n: data.threshold,
              where: data.thresholdDefinedAt ?? t('ledger.thresholdDefault'),
            })}
          </Typography.Text>
          {can('enterprises:configure') && (
            <>
              <InputNumber min={1} max={1000} value={threshold} onChange={(v) => setThreshold(v)} />
              <Button onClick={saveThreshold}>{t('ledger.setThreshold')}</Button>
            </>
          )}
        </Space>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { total: n }),
        }}
        data-testid="monitoring"
        columns={[
          { title: t('ledger.name'), dataIndex: 'name', width: 260 },
          { title: t('org.creditCode'), dataIndex: 'creditCode', width: 190 },
          { title: t('org.jurisdiction'), dataIndex: 'jurisdictionName', width: 100 },
          { title: t('ledger.injuries'), dataIndex: 'injuries', width: 90 },
          { title: t('ledger.deaths'), dataIndex: 'deaths', width: 70 },
          {
            title: t('ledger.reasons'),
            dataIndex: 'reasons',
            render: (reasons: Monitoring['items'][number]['reasons']) =>
              reasons.map((r) => (
                <Tag key={r.code} color={r.code === 'frequent_injuries' ? 'orange' : 'red'}>
                  {t(`reason.${r.code}`, { n: r.injuries ?? 0 })}
                </Tag>
              )),
          },
        ]}
      />
    </>
  );
}

/** 重点企业台账 (KI-1), 尘肺病危害企业 (KI-2) and 重点监控 (KI-3) of the selected jurisdiction. */
export default function LedgerPage() {
  const { t } = useI18n();
  const { current } = useJurisdiction();
  return (
    <Card title={`${t('nav.ledger')} · ${current?.name ?? ''}`}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'key', label: t('ledger.key'), children: <LedgerTable category="key" /> },
          { key: 'dust', label: t('ledger.dust'), children: <LedgerTable category="dust" /> },
          { key: 'monitoring', label: t('ledger.monitoring'), children: <MonitoringTable /> },
        ]}
      />
    </Card>
  );
}
