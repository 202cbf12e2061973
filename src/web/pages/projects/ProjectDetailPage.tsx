import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { clean } from './DeclareModal';
import { STATUS_COLORS, toFen, yuan } from './format';
import { describePerformance, PerformanceFields } from './PerformanceFields';

type Detail = Schemas['PreventionProjectDetail'];
type Verify = { isValid: boolean };

interface Action {
  key: string;
  /** Statuses in which the action applies. */
  when: string[];
  permission: string;
  fields?: ReactNode;
  /** Sends the form values; resolves to the updated project. */
  send(values: Record<string, unknown>): Promise<Detail>;
  isPrimary?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One project: its record, the panel and draw, payments, and the whole-process timeline (PP-6). */
export default function ProjectDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [project, setProject] = useState<Detail | null>(null);
  const [active, setActive] = useState<Action | null>(null);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [serviceOrgs, setServiceOrgs] = useState<{ value: number; label: string; disabled: boolean }[]>([]);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      setProject(await unwrap(api.GET('/api/projects/{id}', { params: { path: { id } } })));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  }, [id, message]);

  useEffect(() => {
    load();
  }, [load]);

  useEffect(() => {
    if (!project) return;
    unwrap(
      api.GET('/api/service-organisations', {
        params: { query: { jurisdiction: project.jurisdiction.code } },
      }),
    )
      .then((r) =>
        setServiceOrgs(
          r.items.map((o) => ({
            value: o.id,
            label: o.barredReason ? `${o.name}（${t('pp.barred')}）` : o.name,
            disabled: Boolean(o.barredReason),
          })),
        ),
      )
      .catch(() => setServiceOrgs([]));
  }, [project, t]);

  const path = { params: { path: { id } } };
  const reason = (
    <Form.Item name="reason" label={t('pp.reason')} rules={[{ required: true, min: 2 }]}>
      <Input.TextArea rows={2} />
    </Form.Item>
  );
  const actions: Action[] = [
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

  if (!project) return <Card loading />;
  const isScheduled = project.draw?.status === 'scheduled';
  const available = actions.filter(
    (a) =>
      a.when.includes(project.status) &&
      can(a.permission) &&
      (a.key !== 'schedule' || !project.draw) &&
      (a.key !== 'draw' || isScheduled) &&
      (a.key !== 'showcase' || !project.isShowcase),
  );

  const run = async () => {
    if (!active) return;
    const values = active.fields ? await form.validateFields() : {};
    try {
      setProject(await active.send(values));
      message.success(t('common.saved'));
      setActive(null);
    } catch (e) {
      showError(e, (m) => message.error(m), active.fields ? form : undefined);
    }
  };

  const decline = (memberId: number) => {
    let text = '';
    Modal.confirm({
      title: t('pp.declineTitle'),
      content: (
        <Input
          placeholder={t('pp.declineReason')}
          onChange={(e) => (text = e.target.value)}
          data-testid="decline-reason"
        />
      ),
      onOk: async () => {
        try {
          setProject(
            await unwrap(
              api.POST('/api/projects/{id}/panel/{memberId}/decline', {
                params: { path: { id, memberId } },
                body: { reason: text },
              }),
            ),
          );
        } catch (e) {
          showError(e, (m) => message.error(m));
        }
      },
    });
  };

  const runVerify = async () => {
    try {
      setVerify(await unwrap(api.GET('/api/projects/{id}/draw/verify', path)));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {project.title}
            <Tag color={STATUS_COLORS[project.status]} data-testid="project-status">
              {t(`pp.status.${project.status}`)}
            </Tag>
            {project.isShowcase && <Tag color="gold">{t('pp.showcase')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {available.map((a) => (
              <Button
                key={a.key}
                type={a.isPrimary ? 'primary' : 'default'}
                data-testid={`action-${a.key}`}
                onClick={() => {
                  form.resetFields();
                  setActive(a);
                }}
              >
                {t(`pp.action.${a.key}`)}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={t('pp.applicant')}>{project.applicant.name}</Descriptions.Item>
          <Descriptions.Item label={t('pp.type')}>{t(`pp.type.${project.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('pp.keyField')}>{project.keyField}</Descriptions.Item>
          <Descriptions.Item label={t('pp.requested')}>{yuan(project.requestedFen)}</Descriptions.Item>
          <Descriptions.Item label={t('pp.contract')}>{yuan(project.contractFen)}</Descriptions.Item>
          <Descriptions.Item label={t('pp.deduction')}>{yuan(project.deductionFen)}</Descriptions.Item>
          <Descriptions.Item label={t('pp.score')}>{project.reviewScore ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('pp.serviceOrg')}>
            {project.serviceOrganisation?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('pp.agreementNo')}>{project.agreementNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('pp.summary')} span={3}>
            {project.summary}
          </Descriptions.Item>
          <Descriptions.Item label={t('pp.budgetLines')} span={3}>
            {project.budgetLines.map((l) => `${l.item} ${yuan(l.amountFen)}`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('pp.perf.targets')} span={3}>
            {describePerformance(t, project.performanceTargets)}
          </Descriptions.Item>
          <Descriptions.Item label={t('pp.perf.results')} span={3}>
            {describePerformance(t, project.performanceResults)}
          </Descriptions.Item>
          {project.disclosureText && (
            <Descriptions.Item label={t('pp.disclosureText')} span={3}>
              {project.disclosureText}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('pp.panelTitle')}
        extra={
          project.draw?.status === 'drawn' && (
            <Button onClick={runVerify} data-testid="verify-draw">
              {t('pp.verify')}
            </Button>
          )
        }
      >
        {project.draw && (
          <Descriptions column={2} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('pp.commitment')}>
              <Typography.Text code copyable>
                {project.draw.commitment}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.beaconSource')}>{project.draw.beaconSource}</Descriptions.Item>
            <Descriptions.Item label={t('pp.beaconValue')}>
              {project.draw.beaconValue ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.seed')}>
              <Typography.Text code>{project.draw.seed ?? '—'}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.candidates')}>
              {project.draw.candidates?.length ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('pp.exclusions')}>
              {(project.draw.exclusions ?? []).map((e) => `#${e.id} ${e.reasons.join(',')}`).join('；') ||
                '—'}
            </Descriptions.Item>
          </Descriptions>
        )}
        {verify && (
          <Tag color={verify.isValid ? 'green' : 'red'} data-testid="verify-result">
            {verify.isValid ? t('pp.verified') : t('pp.notVerified')}
          </Tag>
        )}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={project.panel}
          data-testid="panel-table"
          columns={[
            { title: '#', dataIndex: 'step', width: 50 },
            { title: t('pp.expert'), dataIndex: 'expertName' },
            { title: t('pp.field'), dataIndex: 'field', render: (v: string | null) => v ?? t('pp.openSlot') },
            {
              title: t('pp.status'),
              dataIndex: 'status',
              render: (v: string, row) =>
                v === 'declined' ? (
                  <Tag color="red">{`${t('pp.declined')}：${row.declineReason}`}</Tag>
                ) : (
                  <Tag>{t('pp.invited')}</Tag>
                ),
            },
            { title: t('pp.total'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_, row) =>
                project.status === 'reviewing' &&
                row.status === 'invited' &&
                !row.scoredAt &&
                can('projects:manage') ? (
                  <Button size="small" onClick={() => decline(row.id)}>
                    {t('pp.recordDecline')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t('pp.paymentsTitle')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={project.payments}
          data-testid="payments-table"
          columns={[
            { title: t('pp.paymentKind'), dataIndex: 'kind', render: (v: string) => t(`pp.payment.${v}`) },
            { title: t('pp.amount'), dataIndex: 'amountFen', render: yuan },
            { title: t('pp.paidBy'), dataIndex: 'paidBy' },
            {
              title: t('pp.paidAt'),
              dataIndex: 'paidAt',
              render: (v: string) => new Date(v).toLocaleString(),
            },
          ]}
        />
      </Card>
      <Card title={t('pp.timeline')}>
        <Timeline
          items={project.timeline.map((e) => ({
            children: (
              <div>
                <strong>{t(`pp.event.${e.action}`)}</strong>
                {e.toStatus && <Tag style={{ marginLeft: 8 }}>{t(`pp.status.${e.toStatus}`)}</Tag>}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {new Date(e.at).toLocaleString()} · {e.actorName}
                </Typography.Text>
                {e.reason && <div>{e.reason}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      <Modal
        open={Boolean(active)}
        title={active ? t(`pp.action.${active.key}`) : ''}
        onOk={run}
        onCancel={() => setActive(null)}
        destroyOnHidden
      >
        {active?.fields ? (
          <Form form={form} layout="vertical">
            {active.fields}
          </Form>
        ) : (
          t('pp.confirmAction')
        )}
      </Modal>
    </Space>
  );
}
