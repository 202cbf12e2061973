import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatRate, formatYuan, STATUS_COLOR } from './rates-format';

type Notice = Schemas['RateNotice'];

/**
 * A rate notice (费率通知), printable: class, base, tier, rate, the rationale, the figures behind
 * it and the projected rate for the next cycle if the record stays as it is; then the appeals.
 */
export function RateNoticeCard({ notice, extra }: { notice: Notice; extra?: React.ReactNode }) {
  const { t, language } = useI18n();
  const a = notice.assignment;
  const f = a.figures;
  const zh = language === 'zh';
  return (
    <Card
      className="rate-notice"
      title={`${t('rates.notice.title')} · ${a.employerName} · ${notice.run.rateYear}`}
      extra={
        <Space className="no-print">
          {extra}
          <Button onClick={() => window.print()}>{t('rates.notice.print')}</Button>
        </Space>
      }
    >
      {notice.run.isExample && (
        <Alert type="warning" showIcon title={t('rates.exampleWarning')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('rates.status')}>
          <Tag color={STATUS_COLOR[a.status]}>{t(`rates.status.${a.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('rates.ruleSet')}>{notice.run.ruleSetName}</Descriptions.Item>
        <Descriptions.Item label={t('rates.riskClass')}>{a.riskClass ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('rates.baseRate')}>
          {a.baseRateBp === null ? '—' : formatRate(a.baseRateBp * 100)}
        </Descriptions.Item>
        <Descriptions.Item label={t('rates.tier')}>
          {a.multiplierPct === null ? '—' : `${a.multiplierPct}%`}
        </Descriptions.Item>
        <Descriptions.Item label={t('rates.rate')}>
          <Typography.Text strong data-testid="notice-rate">
            {formatRate(a.rateMicro)}
          </Typography.Text>
        </Descriptions.Item>
        {a.correctedRateMicro !== null && (
          <Descriptions.Item label={t('rates.correctedRate')} span={2}>
            <Typography.Text strong type="success">
              {formatRate(a.correctedRateMicro)} ({a.correctedMultiplierPct}%)
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('rates.projectedRate')} span={2}>
          <Typography.Text data-testid="notice-projected">{formatRate(a.projectedRateMicro)}</Typography.Text>
          {a.projectedMultiplierPct !== null && ` (${a.projectedMultiplierPct}%)`}
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('rates.projectedHint')}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('rates.rationale')} span={2}>
          <span data-testid="notice-rationale">{zh ? a.rationaleZh : a.rationaleEn}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('rates.cycle')}>
          {notice.run.cycleFromYear}–{notice.run.cycleToYear}
        </Descriptions.Item>
        <Descriptions.Item label={t('rates.premiums')}>
          {f.premiumsPaidFen === null ? (
            <Tag color="red">{t('rates.missing')}</Tag>
          ) : (
            formatYuan(f.premiumsPaidFen)
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('rates.benefits')}>{formatYuan(f.benefitsPaidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('rates.claimRatio')}>
          {f.claimRatioPct === null ? '—' : `${Number(f.claimRatioPct.toFixed(2))}%`}
        </Descriptions.Item>
        <Descriptions.Item label={t('rates.injuries')}>{f.injuries}</Descriptions.Item>
        <Descriptions.Item label={t('rates.deaths')}>{f.deaths}</Descriptions.Item>
        <Descriptions.Item label={t('rates.personYears')}>{f.personYears ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('rates.incidence')}>
          {f.incidencePerMille === null ? '—' : `${Number(f.incidencePerMille.toFixed(2))}‰`}
        </Descriptions.Item>
      </Descriptions>
      {notice.appeals.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={notice.appeals}
          columns={[
            { title: t('rates.appeal.reason'), dataIndex: 'reason' },
            {
              title: t('rates.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`rates.appealStatus.${s}`)}</Tag>,
            },
            {
              title: t('rates.appeal.decisionNote'),
              dataIndex: 'decisionNote',
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      )}
    </Card>
  );
}
