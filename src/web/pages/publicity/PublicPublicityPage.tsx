import { Card, Descriptions, Empty, Image, List, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';
import { PortalLayout } from '../portal/PortalLayout';
import { MAPPED_PROVINCES } from './boundaries';
import { CoverageMap, type MapArea } from './CoverageMap';
import { ExampleFigures } from './ExampleFigures';

const PROVINCE_NAMES: Record<string, { zh: string; en: string }> = {
  '350000': { zh: '福建省', en: 'Fujian' },
  '220000': { zh: '吉林省', en: 'Jilin' },
};
const image = (id: number) => `/api/public/publicity/images/${id}`;

/** Public (no sign-in): the campaign calendar, warning-education bases on a map, advanced examples. */
export default function PublicPublicityPage() {
  const { t, language } = useI18n();
  const [province, setProvince] = useState(MAPPED_PROVINCES[0] ?? '350000');
  const [year, setYear] = useState(currentYearInChina());
  const [campaigns, setCampaigns] = useState<
    {
      id: number;
      jurisdictionName: string;
      title: string;
      industries: string[];
      startsOn: string;
      endsOn: string;
      status: string;
      occasion: string | null;
      photoIds: number[];
    }[]
  >([]);
  const [bases, setBases] = useState<
    {
      id: number;
      jurisdictionCode: string;
      jurisdictionName: string;
      name: string;
      address: string;
      openingTimes: string;
      booking: string;
      capacity: number;
      isProvincial: boolean;
      photoIds: number[];
    }[]
  >([]);
  const [examples, setExamples] = useState<Schemas['AdvancedExample'][]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const query = { jurisdiction: province };
    unwrap(api.GET('/api/public/publicity/campaigns', { params: { query: { ...query, year } } }))
      .then((r) => setCampaigns(r.items))
      .catch((e) => showError(e, setError));
    unwrap(api.GET('/api/public/publicity/bases', { params: { query } }))
      .then((r) => setBases(r.items))
      .catch((e) => showError(e, setError));
    unwrap(api.GET('/api/public/publicity/examples', { params: { query } }))
      .then((r) => setExamples(r.items as Schemas['AdvancedExample'][]))
      .catch((e) => showError(e, setError));
  }, [province, year]);
  const mapAreas: MapArea[] = useMemo(() => {
    const counts = new Map<string, { name: string; n: number }>();
    for (const b of bases) {
      const known = counts.get(b.jurisdictionCode);
      counts.set(b.jurisdictionCode, { name: b.jurisdictionName, n: (known?.n ?? 0) + 1 });
    }
    return [...counts.entries()].map(([code, { name, n }]) => ({
      code,
      name,
      color: '#1677ff',
      label: `${t('pu.public.bases')} ${n}`,
    }));
  }, [bases, t]);
  return (
    <PortalLayout title={t('pu.public.title')}>
      <Card
        extra={
          <Space>
            <Select
              aria-label={t('portal.area')}
              value={province}
              onChange={setProvince}
              options={MAPPED_PROVINCES.map((code) => ({
                value: code,
                label: PROVINCE_NAMES[code]?.[language] ?? code,
              }))}
              data-testid="public-province"
            />
          </Space>
        }
      >
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        <Tabs
          items={[
            {
              key: 'calendar',
              label: t('pu.public.calendar'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Select
                    aria-label={t('portal.year')}
                    value={year}
                    onChange={setYear}
                    options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))}
                  />
                  <Table
                    rowKey="id"
                    size="small"
                    dataSource={campaigns}
                    data-testid="public-campaigns"
                    columns={[
                      { title: t('pu.startsOn'), dataIndex: 'startsOn' },
                      { title: t('pu.endsOn'), dataIndex: 'endsOn' },
                      { title: t('pu.title'), dataIndex: 'title' },
                      { title: t('pu.jurisdiction'), dataIndex: 'jurisdictionName' },
                      {
                        title: t('pu.industries'),
                        dataIndex: 'industries',
                        render: (i: string[]) => i.join('、'),
                      },
                      { title: t('pu.occasion'), dataIndex: 'occasion' },
                      {
                        title: t('pu.status'),
                        dataIndex: 'status',
                        render: (s: string) => (
                          <Tag color={s === 'held' ? 'green' : 'blue'}>
                            {t(s === 'held' ? 'pu.held' : 'pu.planned')}
                          </Tag>
                        ),
                      },
                    ]}
                  />
                </Space>
              ),
            },
            {
              key: 'bases',
              label: t('pu.public.bases'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <CoverageMap provinceCode={province} areas={mapAreas} height={380} />
                  <List
                    dataSource={bases}
                    locale={{ emptyText: <Empty /> }}
                    data-testid="public-bases"
                    renderItem={(b) => (
                      <List.Item
                        extra={
                          b.photoIds[0] !== undefined && (
                            <Image width={160} src={image(b.photoIds[0])} alt={b.name} />
                          )
                        }
                      >
                        <Descriptions title={b.name} column={1} size="small">
                          <Descriptions.Item label={t('pu.jurisdiction')}>
                            {b.jurisdictionName}{' '}
                            {b.isProvincial && <Tag color="purple">{t('pu.provincial')}</Tag>}
                          </Descriptions.Item>
                          <Descriptions.Item label={t('pu.address')}>{b.address}</Descriptions.Item>
                          <Descriptions.Item label={t('pu.openingTimes')}>{b.openingTimes}</Descriptions.Item>
                          <Descriptions.Item label={t('pu.capacity')}>{b.capacity}</Descriptions.Item>
                          <Descriptions.Item label={t('pu.public.howToBook')}>{b.booking}</Descriptions.Item>
                        </Descriptions>
                      </List.Item>
                    )}
                  />
                </Space>
              ),
            },
            {
              key: 'examples',
              label: t('pu.public.examples'),
              children: (
                <List
                  dataSource={examples}
                  data-testid="public-examples"
                  renderItem={(e) => (
                    <List.Item
                      extra={
                        e.photoIds[0] !== undefined && (
                          <Image width={200} src={image(e.photoIds[0])} alt={e.name} />
                        )
                      }
                    >
                      <List.Item.Meta
                        title={
                          <Space>
                            {e.name}
                            <Tag>{t(`pu.category.${e.category}`)}</Tag>
                            <Typography.Text type="secondary">
                              {e.jurisdictionName} {e.year}
                            </Typography.Text>
                          </Space>
                        }
                        description={e.story}
                      />
                      <ExampleFigures figures={e.figures} />
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      </Card>
    </PortalLayout>
  );
}
