import { Tag } from 'antd';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

type Batch = Schemas['ExchangeBatch'];

const COLORS: Record<Batch['status'], string> = {
  queued: 'default',
  processing: 'processing',
  committed: 'success',
  failed: 'error',
  superseded: 'warning',
};

export function BatchStatusTag({ status }: { status: Batch['status'] }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`batchStatus.${status}`)}</Tag>;
}

export function isRunning(batch: Batch): boolean {
  return batch.status === 'queued' || batch.status === 'processing';
}

/** Progress of a running import: rows done of the expected total, and the rate. */
export function batchProgress(batch: Batch) {
  if (!isRunning(batch)) return null;
  const rate = Math.round(batch.rowsPerSecond ?? 0);
  const total = batch.expectedRows;
  return {
    percent: total ? Math.min(99, Math.floor((batch.rowsDone / Math.max(total, 1)) * 100)) : 0,
    label: (t: (key: string, params?: Record<string, string | number>) => string) =>
      total
        ? t('exchange.progress', { done: batch.rowsDone, total, rate })
        : t('exchange.progressUnknown', { done: batch.rowsDone, rate }),
  };
}
