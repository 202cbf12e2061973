import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';

type Dataset = Schemas['OpenDataset'];
type Cell = string | number | boolean | null;

/** Money columns are published in fen (分) and shown in yuan. */
const yuanOf = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });

/**
 * One open data set shown as a table (the very rows of its JSON), with the year, the area (the
 * statistics drill down into an area's children), the download links and the suppression note.
 */
export function DatasetView({ dataset }: { dataset: Dataset['dataset'] }) {
  const { t, language } = useI18n();
  const [trail, setTrail] = useState<string[]>([]);
  const jurisdiction = trail[trail.length - 1];
  const catalogue = useQuery({
    queryKey: ['open-data', 'catalogue'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/open-data', { params: { query: {} }, signal })),
  });
  const years = catalogue.data?.datasets.find((d) => d.code === dataset)?.years.map((y) => y.year) ?? [];
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? years[0] ?? null;
  const data = useQuery({
    queryKey: ['open-data', dataset, year, jurisdiction ?? ''],
    enabled: year !== null,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/open-data/{dataset}/{file}', {
          params: { path: { dataset, file: `${year}.json` }, query: jurisdiction ? { jurisdiction } : {} },
          signal,
        }),
      ) as Promise<Dataset>,
  });
  if (catalogue.error) return <LoadFailed error={catalogue.error} />;
  if (data.error) return <LoadFailed error={data.error} />;
  const d = data.data;
  const withheld = new Set(d?.suppressed.map((s) => `${s.row}\u0001${s.column}`) ?? []);
  const query = jurisdiction ? `?jurisdiction=${jurisdiction}` : '';
  const render = (column: Dataset['columns'][number], value: Cell, index: number) => {
    if (withheld.has(`${index}\u0001${column.name}`))
      return <span title={t('portal.suppressedCell')}>{`<${d?.threshold}`}</span>;
    if (value === null || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('portal.yes') : t('portal.no');
    if (column.name === 'part') return t(`portal.part.${value}`);
    if (column.unit === '分' && typeof value === 'number') return yuanOf(value);
    if (column.name === 'jurisdiction_name' && dataset === 'injury-statistics' && d) {
      const row = d.rows[index];
      const code = String(row?.jurisdiction_code ?? '');
      if (row?.part === 'child')
        return (
          <Button type="link" style={{ padding: 0 }} onClick={() => setTrail([...trail, code])}>
            {String(value)}
          </Button>
        );
    }
    return typeof value === 'number' ? value.toLocaleString('zh-CN') : String(value);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span id={`${dataset}-year-label`}>{t('portal.year')}</span>
        <Segmented
          aria-labelledby={`${dataset}-year-label`}
          value={year ?? undefined}
          onChange={(v) => setYear(Number(v))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        {d && (
          <Typography.Text strong data-testid="dataset-area">
            {t('portal.area')}: {d.jurisdiction.name}
          </Typography.Text>
        )}
        {trail.length > 0 && <Button onClick={() => setTrail(trail.slice(0, -1))}>{t('portal.up')}</Button>}
        {year !== null && (
          <>
            <a href={`/api/open-data/${dataset}/${year}.csv${query}`}>{t('portal.downloadCsv')}</a>
            <a href={`/api/open-data/${dataset}/${year}.json${query}`}>{t('portal.downloadJson')}</a>
          </>
        )}
      </Space>
      {dataset === 'injury-statistics' && d && (
        <Alert type="info" showIcon message={t('portal.suppressedNote', { n: d.threshold })} />
      )}
      <Table
        rowKey={(_, i) => String(i)}
        size="small"
        loading={data.isLoading}
        data-testid={`dataset-${dataset}`}
        dataSource={d?.rows ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('portal.noData') }}
        columns={(d?.columns ?? [])
          .filter((c) => c.name !== 'year' && c.name !== 'jurisdiction_code')
          .map((c) => ({
            key: c.name,
            title: `${language === 'zh' ? c.zh : c.en}${c.unit === '分' ? `（${t('portal.yuan')}）` : c.unit ? ` (${c.unit})` : ''}`,
            render: (_: unknown, row: Record<string, Cell>, index: number) =>
              render(c, row[c.name] ?? null, index),
          }))}
      />
      {d && (
        <Typography.Paragraph>{`${t('portal.licence')}: ${language === 'zh' ? d.licence.zh : d.licence.en}`}</Typography.Paragraph>
      )}
    </Space>
  );
}
