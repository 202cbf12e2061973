import { Space, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/**
 * An advanced example's figures with where they come from: computed from the records (the year,
 * the training date, the day computed) or, on older rows, typed in by hand and labelled so.
 */
export function ExampleFigures({ figures }: { figures: Schemas['AdvancedExample']['figures'] }) {
  const { t } = useI18n();
  const hasAny =
    figures.injuryRatePerMille != null ||
    figures.industryRatePerMille != null ||
    figures.trainingCoveragePct != null;
  return (
    <Space size="middle" wrap>
      {figures.injuryRatePerMille != null && (
        <span>
          {t('pu.injuryRate')}: {figures.injuryRatePerMille}
          {figures.industryRatePerMille != null &&
            ` / ${t('pu.industryRate')}: ${figures.industryRatePerMille}`}
        </span>
      )}
      {figures.trainingCoveragePct != null && (
        <span>
          {t('pu.trainingCoverage')}: {figures.trainingCoveragePct}
        </span>
      )}
      <Typography.Text type="secondary" data-testid="example-figures-source">
        {figures.source === 'entered'
          ? t('pu.figures.entered')
          : hasAny && figures.basis
            ? t('pu.figures.records', {
                year: figures.basis.year,
                asOf: figures.basis.trainingAsOf ?? '—',
                on: figures.basis.computedOn,
              })
            : t('pu.figures.none')}
      </Typography.Text>
    </Space>
  );
}
