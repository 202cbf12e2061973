import { App, AutoComplete, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

/**
 * The values the API accepts, for the selects. Typed against the generated client, so a value the
 * API drops fails the type check; every value the API documents must appear here (checked below).
 */
export const ORGANISATION_KINDS = [
  'member_department',
  'employer',
  'industry_association',
  'service_organisation',
  'training_institution',
  'technical_school',
] as const satisfies readonly Schemas['Organisation']['kind'][];

export const DEPARTMENTS = [
  'hrss',
  'industry',
  'finance',
  'housing',
  'transport',
  'health',
  'emergency',
  'union',
  'social_insurance',
] as const satisfies readonly NonNullable<Schemas['Organisation']['department']>[];

// Exhaustiveness: a kind or department the API adds without a select option here fails to compile.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : never;
const kindsComplete: Missing<Schemas['Organisation']['kind'], (typeof ORGANISATION_KINDS)[number]> = true;
const departmentsComplete: Missing<
  NonNullable<Schemas['Organisation']['department']>,
  (typeof DEPARTMENTS)[number]
> = true;
void kindsComplete;
void departmentsComplete;

type Organisation = Schemas['Organisation'];

interface Values {
  kind: (typeof ORGANISATION_KINDS)[number];
  department?: (typeof DEPARTMENTS)[number] | null;
  name: string;
  creditCode?: string | null;
  industryCode?: string | null;
  jurisdictionCode: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

export function OrganisationForm({
  organisation,
  onClose,
  onSaved,
}: {
  organisation: Organisation | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { tree, current } = useJurisdiction();
  const [form] = Form.useForm<Values>();
  const [industries, setIndustries] = useState<{ value: string; label: string }[]>([]);
  const [isSaving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    unwrap(api.GET('/api/code-tables/industries')).then((table) =>
      setIndustries(
        table.items
          .filter((i) => i.level === 'division')
          .map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })),
      ),
    );
  }, []);

  const submit = async () => {
    const values = await form.validateFields();
    const body = {
      ...values,
      department: values.kind === 'member_department' ? values.department : null,
      creditCode: values.creditCode || null,
      industryCode: values.industryCode || null,
    };
    setSaving(true);
    try {
      const saved = organisation
        ? await unwrap(
            api.PUT('/api/organisations/{id}', { params: { path: { id: organisation.id } }, body }),
          )
        : await unwrap(api.POST('/api/organisations', { body }));
      for (const w of saved.warnings) message.warning(w.message, 6);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];

  return (
    <Modal
      open
      title={organisation ? t('org.edit') : t('org.create')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="organisation-form"
        initialValues={
          organisation
            ? {
                ...organisation,
                jurisdictionCode: organisation.jurisdictionCode,
                // Masked values are never sent back as if they were the real ones.
                contactName: organisation.isPersonalDataMasked ? undefined : organisation.contactName,
                contactPhone: organisation.isPersonalDataMasked ? undefined : organisation.contactPhone,
              }
            : { kind: 'employer', jurisdictionCode: current?.code }
        }
      >
        <Form.Item name="kind" label={t('org.kind')} rules={required(t('org.kind'))}>
          <Select options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
        </Form.Item>
        {kind === 'member_department' && (
          <Form.Item name="department" label={t('org.department')} rules={required(t('org.department'))}>
            <Select options={DEPARTMENTS.map((d) => ({ value: d, label: t(`dept.${d}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('org.name')} rules={required(t('org.name'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('org.creditCode')}
          rules={kind === 'employer' ? required(t('org.creditCode')) : []}
          normalize={(v: string) => v?.toUpperCase()}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="industryCode" label={t('org.industry')}>
          <AutoComplete
            options={industries}
            allowClear
            showSearch={{
              filterOption: (input, option) => String(option?.label ?? '').includes(input),
            }}
          />
        </Form.Item>
        <Form.Item
          name="jurisdictionCode"
          label={t('org.jurisdiction')}
          rules={required(t('org.jurisdiction'))}
        >
          <TreeSelect treeData={tree} showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="address" label={t('org.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactName" label={t('org.contactName')}>
          <Input
            maxLength={50}
            placeholder={organisation?.isPersonalDataMasked ? (organisation.contactName ?? '') : ''}
          />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('org.contactPhone')}>
          <Input
            maxLength={20}
            placeholder={organisation?.isPersonalDataMasked ? (organisation.contactPhone ?? '') : ''}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
