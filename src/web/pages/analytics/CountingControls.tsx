import { Select, Space, Tooltip } from 'antd';
import { useI18n } from '../../i18n/i18n';

export interface Counting {
  countUnit: 'persons' | 'cases';
  groundScope: 'all' | 'determined' | 'production';
  denominator: 'insured' | 'paying';
}

/** The counting options beside every rate: persons or 人次, grounds, insured or paying. */
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
