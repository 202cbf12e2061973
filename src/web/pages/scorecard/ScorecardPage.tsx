import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';

type Scorecard = Schemas['Scorecard'];
type UnitRow = Scorecard['units'][number];
type Item = UnitRow['items'][number];

const THIS_YEAR = currentYearInChina();

/** The web path of an item's records: the page with its filter. */
const hrefOf = (link: Item['link']) => `${link.path}?${new URLSearchParams(link.query).toString()}`;

/**
 * 考核评分 (SV-1): a jurisdiction's subordinates side by side, ranked; each score links to the
 * records behind it; exports; the sign-off that freezes the year.
 */
export default function ScorecardPage() {
  const { t, language } = useI18n();
  const { message, modal } = App.useApp();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(THIS_YEAR);
  const code = current?.code;
  const key = ['scorecard', code, year];
  const result = useQuery({
    queryKey: key,
    enabled: code !== undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/scorecard', { params: { query: { jurisdiction: code, year } }, signal })),
  });
  const card = result.data;
  const nameOf = (key: string) => {
    const i = card?.indicators.find((x) => x.key === key);
    return i ? (language === 'en' ? i.nameEn : i.nameZh) : key;
  };
  const signOff = () =>
    modal.confirm({
      title: t('scorecard.signOffConfirm'),
      onOk: async () => {
        try {
          await unwrap(api.POST('/api/scorecard/sign-off', { body: { jurisdictionCode: code ?? '', year } }));
          await queryClient.invalidateQueries({ queryKey: key });
        } catch (e) {
          showError(e, (m) => message.error(m));
        }
      },
    });
  const query = `jurisdiction=${code ?? ''}&year=${year}`;
  const columns = [
    { title: t('scorecard.rank'), dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
    { title: t('scorecard.area'), dataIndex: 'name', width: 140 },
    {
      title: t('scorecard.total'),
      dataIndex: 'total',
      width: 90,
      render: (v: number | null) => (v === null ? <Tag>{t('scorecard.notAssessed')}</Tag> : <b>{v}</b>),
    },
    { title: t('scorecard.assessedWeight'), dataIndex: 'assessedWeight', width: 90 },
    ...(card?.indicators ?? []).map((indicator) => ({
      title: `${nameOf(indicator.key)}（${indicator.weight}）`,
      key: indicator.key,
      width: 130,
      render: (_: unknown, unit: UnitRow) => {
        const item = unit.items.find((i) => i.indicator === indicator.key);
        if (!item) return null;
        return (
          <Tooltip title={item.display}>
            <Link to={hrefOf(item.link)} data-testid={`score-${unit.code}-${item.indicator}`}>
              {item.assessed ? item.score : <Tag>{t('scorecard.notAssessed')}</Tag>}
            </Link>
            {item.assessed && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.display}
                </Typography.Text>
              </div>
            )}
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <Card
      title={t('nav.scorecard')}
      extra={
        <Space>
          <Select
            aria-label={t('scorecard.year')}
            value={year}
            onChange={setYear}
            options={[THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2].map((y) => ({ value: y, label: String(y) }))}
          />
          <Button href={`/api/scorecard/xlsx?${query}`}>{t('scorecard.exportXlsx')}</Button>
          <Button href={`/api/scorecard/print?${query}`} target="_blank">
            {t('scorecard.print')}
          </Button>
          <Button href={`/api/scorecard/print?${query}&format=docx`}>DOCX</Button>
          {can('scorecard:manage') && card?.status === 'live' && (
            <Button type="primary" onClick={signOff}>
              {t('scorecard.signOff')}
            </Button>
          )}
        </Space>
      }
    >
      {card && (
        <Typography.Paragraph>
          {card.status === 'signed' ? (
            <Tag color="green">
              {t('scorecard.signed')} {card.signedAt?.slice(0, 10)} {card.signedBy}
            </Tag>
          ) : (
            <Tag color="blue">{t('scorecard.live')}</Tag>
          )}{' '}
          {t('scorecard.rebaseNote')}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="code"
        size="small"
        loading={result.isFetching}
        dataSource={card?.units ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
