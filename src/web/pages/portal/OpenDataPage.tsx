import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

const UNITS: Record<string, MessageKey> = { 分: 'portal.unitFen', 人: 'portal.unitPersons' };

import { PortalLayout } from './PortalLayout';

/** 开放数据: the catalogue, each data set's dictionary and stable URLs, and the licence. */
export default function OpenDataPage() {
  const { t, language } = useI18n();
  const { data, error } = useQuery({
    queryKey: ['open-data', 'catalogue'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/open-data', { params: { query: {} }, signal })),
  });
  const text = (b: { zh: string; en: string }) => (language === 'zh' ? b.zh : b.en);
  return (
    <PortalLayout title={t('portal.openData')}>
      {error && <LoadFailed error={error} />}
      {data && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('portal.openDataIntro', { n: data.threshold })}</Typography.Paragraph>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {t('portal.licence')}
              </Typography.Title>
            }
          >
            {text(data.licence)}
          </Card>
          {data.datasets.map((d) => (
            <Card
              key={d.code}
              data-testid={`catalogue-${d.code}`}
              title={
                <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                  {text(d.title)}
                </Typography.Title>
              }
            >
              <Typography.Paragraph>{text(d.description)}</Typography.Paragraph>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('portal.downloads')}
              </Typography.Title>
              <ul>
                {d.years.map((y) => (
                  <li key={y.year}>
                    {y.year}: <a href={y.csv}>CSV</a> · <a href={y.json}>JSON</a>
                  </li>
                ))}
              </ul>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('portal.dictionary')}
              </Typography.Title>
              <Table
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={d.columns}
                columns={[
                  { title: t('portal.column'), dataIndex: 'name', render: (v: string) => <code>{v}</code> },
                  { title: t('portal.type'), dataIndex: 'type' },
                  {
                    title: t('portal.unit'),
                    dataIndex: 'unit',
                    // The data set names its units in Chinese: the English page says them in English.
                    render: (v: string | null) => (v ? (UNITS[v] ? t(UNITS[v]) : v) : '—'),
                  },
                  { title: t('portal.meaning'), key: 'meaning', render: (_, c) => text(c) },
                  {
                    title: t('portal.suppressible'),
                    dataIndex: 'isSuppressible',
                    render: (v: boolean) => (v ? t('portal.yes') : t('portal.no')),
                  },
                ]}
              />
            </Card>
          ))}
        </Space>
      )}
    </PortalLayout>
  );
}
