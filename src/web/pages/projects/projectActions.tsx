import { Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import type { Permission } from '../../auth/auth';
import type { useI18n } from '../../i18n/i18n';
import { clean } from './DeclareModal';
import { toFen } from './format';
import { PerformanceFields } from './PerformanceFields';

export type Detail = Schemas['PreventionProjectDetail'];

export interface Action {
  key: string;
  /** Statuses in which the action applies. */
  when: string[];
  permission: Permission;
  fields?: ReactNode;
  /** Sends the form values; resolves to the updated project. */
  send(values: Record<string, unknown>): Promise<Detail>;
  isPrimary?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every step of a project's life the page offers: when it applies, who may take it, its form, its call. */
export function projectActions(
  t: ReturnType<typeof useI18n>['t'],
  id: number,
  serviceOrgs: { value: number; label: string; disabled: boolean }[],
): Action[] {
  const path = { params: { path: { id } } };
  const reason = (
    <Form.Item name="reason" label={t('pp.reason')} rules={[{ required: true, min: 2 }]}>
      <Input.TextArea rows={2} />
    </Form.Item>
  );
  return [
    {
      key: 'schedule',
      when: ['declared'],
      permission: 'projects:manage',
      isPrimary: true,
      fields: (
        <>
          <Form.Item name="size" label={t('pp.panelSize')} initialValue={3} rules={[{ required: true }]}>
            <InputNumber min={3} max={15} step={2} />
          </Form.Item>
          <Form.Item name="mix" label={t('pp.fieldMix')} initialValue={['工伤预防', '安全生产', '财务管理']}>
            <Select
              mode="multiple"
              options={['工伤预防', '安全生产', '职业卫生', '财务管理', '法律事务', '宣传培训'].map((f) => ({
                value: f,
                label: f,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="beaconSource"
            label={t('pp.beaconSource')}
            initialValue="中国福利彩票双色球下一期开奖号码"
            rules={[{ required: true, min: 4 }]}
          >
            <Input />
          </Form.Item>
        </>
      ),
      send: (v) =>
        unwrap(
          api.POST('/api/projects/{id}/draw/schedule', {
            ...path,
            body: {
              size: v.size as number,
              fieldMix: ((v.mix as string[]) ?? []).map((field) => ({ field, count: 1 })),
              beaconSource: v.beaconSource as string,
            },
          }),
        ),
    },
    {
      key: 'draw',
      when: ['declared'],
      permission: 'projects:manage',
      isPrimary: true,
      fields: (
        <Form.Item name="beaconValue" label={t('pp.beaconValue')} rules={[{ required: true }]}>
          <Input placeholder="03 11 17 22 28 31 + 07" />
        </Form.Item>
      ),
      send: (v) =>
        unwrap(
          api.POST('/api/projects/{id}/draw', { ...path, body: { beaconValue: v.beaconValue as string } }),
        ),
    },
    {
      key: 'decision',
      when: ['reviewed'],
      permission: 'projects:manage',
      isPrimary: true,
      fields: (
        <>
          <Form.Item name="isApproved" label={t('pp.decision')} initialValue={true}>
            <Radio.Group
              options={[
                { value: true, label: t('pp.approve') },
                { value: false, label: t('pp.reject') },
              ]}
            />
          </Form.Item>
          {reason}
        </>
      ),
      send: (v) =>
        unwrap(
          api.POST('/api/projects/{id}/decision', {
            ...path,
            body: { isApproved: v.isApproved as boolean, reason: v.reason as string },
          }),
        ),
    },
    {
      key: 'agreement',
      when: ['listed'],
      permission: 'projects:manage',
      isPrimary: true,
      fields: (
        <>
          <Form.Item name="serviceOrganisationId" label={t('pp.serviceOrg')} rules={[{ required: true }]}>
            <Select options={serviceOrgs} data-testid="service-org" />
          </Form.Item>
          <Form.Item name="agreementNo" label={t('pp.agreementNo')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="signedOn" label={t('pp.signedOn')} rules={[{ required: true, pattern: DATE }]}>
              <Input placeholder="2026-04-01" />
            </Form.Item>
            <Form.Item
              name="filedWithHrssOn"
              label={t('pp.filedOn')}
              rules={[{ required: true, pattern: DATE }]}
            >
              <Input placeholder="2026-04-02" />
            </Form.Item>
          </Space>
          <Space>
            <Form.Item name="contractYuan" label={t('pp.contractYuan')} rules={[{ required: true }]}>
              <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              name="prepayPercent"
              label={t('pp.prepayPercent')}
              initialValue={50}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Space>
        </>
      ),
      send: (v) =>
        unwrap(
          api.POST('/api/projects/{id}/agreement', {
            ...path,
            body: {
              serviceOrganisationId: v.serviceOrganisationId as number,
              agreementNo: v.agreementNo as string,
              signedOn: v.signedOn as string,
              filedWithHrssOn: v.filedWithHrssOn as string,
              contractFen: toFen(v.contractYuan as number),
              prepayPercent: v.prepayPercent as number,
            },
          }),
        ),
    },
    {
      key: 'prepayment',
      when: ['contracted'],
      permission: 'projects:pay',
      isPrimary: true,
      send: () => unwrap(api.POST('/api/projects/{id}/prepayment', path)),
    },
    {
      key: 'report',
      when: ['contracted', 'in_progress', 'failed', 'rectifying', 'accepted', 'deducted'],
      permission: 'projects:report',
      fields: (
        <>
          <Form.Item name="kind" label={t('pp.reportKind')} initialValue="check">
            <Radio.Group
              options={[
                { value: 'progress', label: t('pp.progress') },
                { value: 'check', label: t('pp.check') },
              ]}
            />
          </Form.Item>
          <Form.Item name="text" label={t('pp.reportText')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      ),
      send: (v) =>
        unwrap(
          api.POST('/api/projects/{id}/reports', {
            ...path,
            body: { kind: v.kind as 'progress' | 'check', text: v.text as string },
          }),
        ),
    },
    {
      key: 'acceptance',
      when: ['in_progress', 'rectifying'],
      permission: 'projects:manage',
      isPrimary: true,
      fields: (
        <>
          <Form.Item name="isPassed" label={t('pp.acceptanceResult')} initialValue={true}>
            <Radio.Group
              options={[
                { value: true, label: t('pp.pass') },
                { value: false, label: t('pp.fail') },
              ]}
            />
          </Form.Item>
          <Form.Item name="by" label={t('pp.acceptedBy')} initialValue="experts">
            <Radio.Group
              options={[
                { value: 'experts', label: t('pp.byExperts') },
                { value: 'third_party', label: t('pp.byThirdParty') },
              ]}
            />
          </Form.Item>
          <Form.Item name="evaluator" label={t('pp.evaluator')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="evidence" label={t('pp.evidence')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {reason}
          <div>{t('pp.perf.results')}</div>
          <PerformanceFields prefix="performanceResults" />
        </>
      ),
      send: (v) =>
        unwrap(
          api.POST('/api/projects/{id}/acceptance', {
            ...path,
            body: {
              isPassed: v.isPassed as boolean,
              by: v.by as 'experts' | 'third_party',
              evaluator: v.evaluator as string,
              evidence: v.evidence as string,
              reason: v.reason as string,
              performanceResults: clean(v.performanceResults as Record<string, number | undefined>),
            },
          }),
        ),
    },
    {
      key: 'rectification',
      when: ['failed'],
      permission: 'projects:manage',
      fields: (
        <>
          <Form.Item name="deadline" label={t('pp.deadline')} rules={[{ required: true, pattern: DATE }]}>
            <Input placeholder="2026-12-31" />
          </Form.Item>
          {reason}
        </>
      ),
      send: (v) =>
        unwrap(
          api.POST('/api/projects/{id}/rectification', {
            ...path,
            body: { deadline: v.deadline as string, reason: v.reason as string },
          }),
        ),
    },
    {
      key: 'deduction',
      when: ['failed'],
      permission: 'projects:manage',
      fields: (
        <>
          <Form.Item name="amountYuan" label={t('pp.deductionYuan')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
          </Form.Item>
          {reason}
        </>
      ),
      send: (v) =>
        unwrap(
          api.POST('/api/projects/{id}/deduction', {
            ...path,
            body: { amountFen: toFen(v.amountYuan as number), reason: v.reason as string },
          }),
        ),
    },
    {
      key: 'settlement',
      when: ['accepted', 'deducted'],
      permission: 'projects:pay',
      isPrimary: true,
      send: () => unwrap(api.POST('/api/projects/{id}/settlement', path)),
    },
    {
      key: 'disclosure',
      when: ['settled'],
      permission: 'projects:manage',
      isPrimary: true,
      fields: (
        <Form.Item name="text" label={t('pp.disclosureText')} rules={[{ required: true, min: 10 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      ),
      send: (v) =>
        unwrap(api.POST('/api/projects/{id}/disclosure', { ...path, body: { text: v.text as string } })),
    },
    {
      key: 'showcase',
      when: ['disclosed'],
      permission: 'projects:manage',
      fields: reason,
      send: (v) =>
        unwrap(api.POST('/api/projects/{id}/showcase', { ...path, body: { reason: v.reason as string } })),
    },
  ];
}
