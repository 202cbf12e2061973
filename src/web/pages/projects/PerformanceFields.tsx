import { Form, InputNumber, Space } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** 绩效目标 / 绩效结果 (PP-10): satisfaction, knowledge pass rate, injury-rate change against the three-year baseline. */
export function PerformanceFields({ prefix }: { prefix: string }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Form.Item name={[prefix, 'satisfactionPct']} label={t('pp.perf.satisfaction')}>
        <InputNumber min={0} max={100} addonAfter="%" style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name={[prefix, 'passRatePct']} label={t('pp.perf.passRate')}>
        <InputNumber min={0} max={100} addonAfter="%" style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name={[prefix, 'injuryRateChangePct']} label={t('pp.perf.injuryRate')}>
        <InputNumber min={-100} max={1000} addonAfter="%" style={{ width: 150 }} />
      </Form.Item>
    </Space>
  );
}

/** Targets and results side by side, as text. */
export function describePerformance(
  t: (key: string) => string,
  figures: { satisfactionPct?: number; passRatePct?: number; injuryRateChangePct?: number } | null,
): string {
  if (!figures) return '—';
  const parts = [
    figures.satisfactionPct !== undefined && `${t('pp.perf.satisfaction')} ${figures.satisfactionPct}%`,
    figures.passRatePct !== undefined && `${t('pp.perf.passRate')} ${figures.passRatePct}%`,
    figures.injuryRateChangePct !== undefined && `${t('pp.perf.injuryRate')} ${figures.injuryRateChangePct}%`,
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '—';
}
