import { Alert, Select, Space, Tooltip } from 'antd';
import { useI18n } from '../../i18n/i18n';

export interface Counting {
  yearBasis: 'determined' | 'occurred';
  countUnit: 'persons' | 'cases';
  groundScope: 'all' | 'determined' | 'production';
  denominator: 'insured' | 'paying';
}

/** The counting options beside every rate: year basis, persons or 人次, grounds, insured or paying. */
export function CountingControls({
  value,
  onChange,
}: {
  value: Counting | null;
  onChange(next: Partial<Counting>): void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Tooltip title={t('analytics.yearBasisHint')}>
        <Select
          data-testid="year-basis"
          style={{ width: 150 }}
          value={value?.yearBasis}
          onChange={(yearBasis) => onChange({ yearBasis })}
          options={[
            { value: 'determined', label: t('analytics.yearDetermined') },
            { value: 'occurred', label: t('analytics.yearOccurred') },
          ]}
        />
      </Tooltip>
      <Tooltip title={t('analytics.countUnitHint')}>
        <Select
          data-testid="count-unit"
          style={{ width: 140 }}
          value={value?.countUnit}
          onChange={(countUnit) => onChange({ countUnit })}
          options={[
            { value: 'cases', label: t('analytics.cases') },
            { value: 'persons', label: t('analytics.persons') },
          ]}
        />
      </Tooltip>
      <Select
        data-testid="ground-scope"
        style={{ width: 210 }}
        value={value?.groundScope}
        onChange={(groundScope) => onChange({ groundScope })}
        options={[
          { value: 'all', label: t('analytics.groundAll') },
          { value: 'determined', label: t('analytics.groundDetermined') },
          { value: 'production', label: t('analytics.groundProduction') },
        ]}
      />
      <Select
        data-testid="denominator"
        style={{ width: 170 }}
        value={value?.denominator}
        onChange={(denominator) => onChange({ denominator })}
        options={[
          { value: 'insured', label: t('analytics.insured') },
          { value: 'paying', label: t('analytics.paying') },
        ]}
      />
    </Space>
  );
}

/** Says that committed batches are not in the figures yet (every answer from the cells carries it). */
export function RefreshingNotice({
  refreshing,
}: {
  refreshing: { batches: number; since: string | null } | undefined;
}) {
  const { t, language } = useI18n();
  if (!refreshing || refreshing.batches === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="analytics-refreshing"
      message={t('analytics.refreshing', {
        n: refreshing.batches,
        since: refreshing.since
          ? new Date(refreshing.since).toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-GB')
          : '',
      })}
    />
  );
}
