import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, AutoComplete, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { api, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { useI18n } from '../../i18n/i18n';
import { toFen } from './format';
import { PerformanceFields } from './PerformanceFields';

interface Values {
  applicantOrganisationId?: number;
  type: 'publicity' | 'training';
  title: string;
  keyField: string;
  summary: string;
  industryCode?: string;
  lines: {
    item: string;
    amountYuan: number;
    serviceKind?: string;
    quantity?: number;
    overStandardReason?: string;
  }[];
  performanceTargets?: { satisfactionPct?: number; passRatePct?: number; injuryRateChangePct?: number };
}

/** Drops empty inputs: the API takes only the figures given. */
export function clean<T extends Record<string, number | null | undefined>>(v: T | undefined) {
  if (!v) return undefined;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined)) as {
    [K in keyof T]?: number;
  };
}

/** The standard declaration template (申报书): applicant, type, key field, content, budget lines (PP-2). */
export function DeclareModal({
  open,
  year,
  keyFields,
  jurisdictionCode,
  onClose,
}: {
  open: boolean;
  year: number;
  keyFields: string[];
  jurisdictionCode?: string;
  onClose(saved: boolean): void;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [isSaving, setSaving] = useState(false);
  const isOfficer = can('projects:manage');
  const standardsCode = jurisdictionCode ?? current?.code;
  // The payment standards in force (PP-11), offered as the kinds a line may be priced under.
  const { data: standards } = useQuery({
    queryKey: ['payment-standards', standardsCode, year],
    enabled: open && Boolean(standardsCode) && can('projects:read'),
    queryFn: () =>
      unwrap(
        api.GET('/api/payment-standards/{code}/{year}', {
          params: { path: { code: standardsCode as string, year } },
        }),
      ),
  });
  const kindOptions = (standards?.standards ?? []).map((s) => ({
    value: s.kind,
    label: `${s.name}（${s.unit}，${(s.unitPriceFen / 100).toFixed(2)} 元）`,
  }));

  const submit = async () => {
    const v = await form.validateFields();
    const code = jurisdictionCode ?? current?.code;
    if (!code) return;
    setSaving(true);
    try {
      await unwrap(
        api.POST('/api/projects', {
          body: {
            jurisdictionCode: code,
            year,
            applicantOrganisationId: v.applicantOrganisationId,
            type: v.type,
            title: v.title,
            keyField: v.keyField,
            summary: v.summary,
            industryCode: v.industryCode || undefined,
            budgetLines: v.lines.map((l) => ({
              item: l.item,
              amountFen: toFen(l.amountYuan),
              ...(l.serviceKind ? { serviceKind: l.serviceKind, quantity: l.quantity } : {}),
              ...(l.overStandardReason ? { overStandardReason: l.overStandardReason } : {}),
            })),
            performanceTargets: clean(v.performanceTargets),
          },
        }),
      );
      message.success(t('pp.declared'));
      form.resetFields();
      onClose(true);
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('pp.declareTitle', { year })}
      onOk={submit}
      confirmLoading={isSaving}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: 'training', lines: [{ item: '', amountYuan: undefined }] }}
      >
        {isOfficer && (
          <Form.Item name="applicantOrganisationId" label={t('pp.applicant')} rules={[{ required: true }]}>
            <OrganisationSelect jurisdictionCode={jurisdictionCode ?? current?.code} />
          </Form.Item>
        )}
        <Space style={{ width: '100%' }} size="middle">
          <Form.Item name="type" label={t('pp.type')} rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={['publicity', 'training'].map((v) => ({ value: v, label: t(`pp.type.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="keyField" label={t('pp.keyField')} rules={[{ required: true }]}>
            {keyFields.length > 0 ? (
              <Select
                style={{ width: 200 }}
                options={keyFields.map((f) => ({ value: f, label: f }))}
                data-testid="key-field"
              />
            ) : (
              <Input style={{ width: 200 }} data-testid="key-field" />
            )}
          </Form.Item>
          <Form.Item name="industryCode" label={t('pp.industryCode')}>
            <Input style={{ width: 120 }} placeholder="47" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('pp.title')} rules={[{ required: true, min: 4 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('pp.summary')} rules={[{ required: true, min: 10 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'item']} rules={[{ required: true }]}>
                    <Input placeholder={t('pp.lineItem')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amountYuan']} rules={[{ required: true }]}>
                    <InputNumber
                      placeholder={t('pp.lineYuan')}
                      min={0.01}
                      precision={2}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'serviceKind']}>
                    <AutoComplete
                      options={kindOptions}
                      placeholder={t('pp.line.serviceKind')}
                      style={{ width: 200 }}
                      allowClear
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']}>
                    <InputNumber
                      placeholder={t('pp.line.quantity')}
                      min={1}
                      precision={0}
                      style={{ width: 100 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'overStandardReason']}>
                    <Input placeholder={t('pp.line.overReason')} style={{ width: 220 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                {t('pp.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 16 }}>{t('pp.perf.targets')}</div>
        <PerformanceFields prefix="performanceTargets" />
      </Form>
    </Modal>
  );
}
