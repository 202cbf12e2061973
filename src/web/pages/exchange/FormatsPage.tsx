import { Card, Table, Tabs, Tag, Typography } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useI18n } from '../../i18n/i18n';

type Formats = Schemas['ExchangeFormats'];

/** The exchange formats (DX-1), from the same definitions the importer uses. */
export default function FormatsPage() {
  const { t, language } = useI18n();
  const formatList = useListQuery({
    queryKey: ['exchange', 'formats'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/exchange/formats', { signal })),
  });
  const formats: Formats | null = formatList.data ?? null;
  if (!formats) return null;
  return (
    <Card title={t('nav.exchangeFormats')}>
      <Tabs
        items={formats.domains.map((d) => ({
          key: d.domain,
          label: language === 'zh' ? d.zh : d.en,
          children: (
            <>
              <Typography.Paragraph type="secondary">
                {t('exchange.key')}：
                {d.naturalKey
                  .map((k) => {
                    const column = d.columns.find((c) => c.key === k);
                    return (language === 'zh' ? column?.zh : column?.en) ?? k;
                  })
                  .join(' + ')}{' '}
                · {d.submitters.map((s) => t(`dept.${s}`)).join('、')}
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={d.columns}
                columns={[
                  // A file may head its columns in either language: both headers are shown, the
                  // Chinese one marked as such (lang) on the English page.
                  {
                    title: t('exchange.headerZh'),
                    dataIndex: 'zh',
                    width: 150,
                    render: (v: string) => <span lang="zh-CN">{v}</span>,
                  },
                  {
                    title: t('exchange.headerEn'),
                    dataIndex: 'en',
                    width: 170,
                    render: (v: string) => <code lang="en">{v}</code>,
                  },
                  { title: t('exchange.type'), dataIndex: 'type', width: 100 },
                  {
                    title: t('exchange.required'),
                    dataIndex: 'required',
                    width: 70,
                    render: (v: boolean) => (v ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
                  },
                  {
                    title: t('exchange.codeTable'),
                    dataIndex: 'codeTable',
                    render: (v: string | null) => v ?? '',
                  },
                  {
                    title: t('exchange.example'),
                    dataIndex: 'example',
                    width: 170,
                    // A cell as a file holds it: a Chinese code-table value stays Chinese, marked so.
                    render: (v: string) => (/[\u4e00-\u9fff]/.test(v) ? <span lang="zh-CN">{v}</span> : v),
                  },
                ]}
              />
            </>
          ),
        }))}
      />
    </Card>
  );
}
