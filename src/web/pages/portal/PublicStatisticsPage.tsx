import { useI18n } from '../../i18n/i18n';
import { DatasetView } from './DatasetView';
import { PortalLayout } from './PortalLayout';

/** Aggregate injury, accident and disease statistics per area and year, small cells withheld (SV-2). */
export default function PublicStatisticsPage() {
  const { t } = useI18n();
  return (
    <PortalLayout title={t('portal.statistics')}>
      <DatasetView dataset="injury-statistics" />
    </PortalLayout>
  );
}
