import { useI18n } from '../../i18n/i18n';
import { DatasetView } from './DatasetView';
import { PortalLayout } from './PortalLayout';

/** Prevention-fee budgets and use per pooling area and year (三(九)2: fee use is disclosed). */
export default function PublicFeesPage() {
  const { t } = useI18n();
  return (
    <PortalLayout title={t('portal.fees')}>
      <DatasetView dataset="fee-budgets" />
    </PortalLayout>
  );
}
