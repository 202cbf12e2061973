import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useRecordQuery } from '../../api/use-record-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { linkedYearOf } from '../../time';
import { toFen, yuan } from './format';

type Chain = Schemas['FinanceChain'];

const STATUS_COLOR = { draft: 'default', submitted: 'blue', approved: 'green', returned: 'red' } as const;

/** 财政审核 (PP-1): the budget, last year beside it, the approvals and the payments by project. */
export default function FinancePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const [searchParams] = useSearchParams();
  const [year, setYear] = useState(() => linkedYearOf(searchParams));
  const [isSubmitOpen, setSubmitOpen] = useState(false);
  const [isDecideOpen, setDecideOpen] = useState(false);
  const [submitForm] = Form.useForm();
  const [decideForm] = Form.useForm();
  const code = current?.code;

  const queryClient = useQueryClient();
  // The key holds the jurisdiction and the year: a late answer for earlier ones cannot fill the page.
  const key = ['prevention-budgets', 'finance', code, year];
  const chainQuery = useRecordQuery({
    queryKey: key,
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/prevention-budgets/{code}/{year}/finance', {
          params: { path: { code: code as string, year } },
          signal,
        }),
      ),
  });
  const chain: Chain | null = chainQuery.data ?? null;
  // A write answers with the whole chain: it becomes the page's data.
  const setChain = (next: Chain) => queryClient.setQueryData(key, next);

  const submit = async () => {
    const v = await submitForm.validateFields();
    if (!code) return;
    try {
      setChain(
        await unwrap(
          api.POST('/api/prevention-budgets/{code}/{year}/submission', {
            params: { path: { code, year } },
            body: v,
          }),
        ),
      );
      setSubmitOpen(false);
    } catch (e) {
      showError(e, (m) => message.error(m), submitForm);
    }
  };
  const decide = async () => {
    const v = await decideForm.validateFields();
    if (!code) return;
    try {
      setChain(
        await unwrap(
          api.POST('/api/prevention-budgets/{code}/{year}/finance-decision', {
            params: { path: { code, year } },
            body: {
              decision: v.decision,
              reason: v.reason,
              ...(v.decision === 'approve' ? { approvedFen: toFen(v.approvedYuan ?? 0) } : {}),
            },
          }),
        ),
      );
      setDecideOpen(false);
    } catch (e) {
      showError(e, (m) => message.error(m), decideForm);
    }
  };

  const b = chain?.budget;
  const p = chain?.previousYear;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('finance.title')}
        extra={
          <Space>
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
            {can('projects:manage') &&
              chain &&
              ['draft', 'returned'].includes(chain.financeStatus) &&
              b?.isSet && (
                <Button type="primary" onClick={() => setSubmitOpen(true)} data-testid="finance-submit">
                  {t('finance.submit')}
                </Button>
              )}
            {can('finance:approve') && chain?.financeStatus === 'submitted' && (
              <Button type="primary" onClick={() => setDecideOpen(true)} data-testid="finance-decide">
                {t('finance.decide')}
              </Button>
            )}
          </Space>
        }
      >
        {chain && b && (
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Descriptions column={2} size="small" bordered>
                <Descriptions.Item label={t('finance.status')}>
                  <Tag color={STATUS_COLOR[chain.financeStatus]} data-testid="finance-status">
                    {t(`finance.status.${chain.financeStatus}`)}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('finance.cap')}>{yuan(b.capFen)}</Descriptions.Item>
                <Descriptions.Item label={t('finance.proposed')}>{yuan(b.budgetFen)}</Descriptions.Item>
                <Descriptions.Item label={t('finance.approved')}>
                  <span data-testid="finance-approved">{yuan(chain.approvedFen)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('finance.paid')}>{yuan(b.paidFen)}</Descriptions.Item>
                <Descriptions.Item label={t('finance.required')}>
                  {chain.isApprovalRequired ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('finance.note')} span={2}>
                  {chain.proposalNote ?? '—'}
                </Descriptions.Item>
              </Descriptions>
            </Col>
            <Col xs={24} md={10}>
              <Card size="small" title={t('finance.previousYear', { year: p?.year ?? year - 1 })}>
                <Space wrap size="large">
                  <Statistic
                    title={t('finance.proposed')}
                    value={p?.budgetFen == null ? '—' : yuan(p.budgetFen)}
                  />
                  <Statistic title={t('finance.paid')} value={p?.paidFen == null ? '—' : yuan(p.paidFen)} />
                  <Statistic
                    title={t('finance.execution')}
                    value={p?.executionPct == null ? '—' : `${p.executionPct}%`}
                  />
                  <Statistic title={t('finance.passed')} value={`${p?.passed ?? 0} / ${p?.checked ?? 0}`} />
                  <Statistic
                    title={t('finance.satisfaction')}
                    value={p?.meanSatisfactionPct == null ? '—' : `${p.meanSatisfactionPct}%`}
                  />
                </Space>
              </Card>
            </Col>
          </Row>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card title={t('finance.decisions')} size="small">
            <Timeline
              items={(chain?.decisions ?? []).map((d) => ({
                color: d.step === 'approve' ? 'green' : d.step === 'return' ? 'red' : 'blue',
                children: (
                  <span>
                    {d.at.slice(0, 10)} {t(`finance.step.${d.step}`)}{' '}
                    {d.amountFen !== null && yuan(d.amountFen)}
                    <br />
                    {d.organisationName ?? d.actorName}：{d.reason}
                  </span>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card title={t('finance.payments')} size="small">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={chain?.projects ?? []}
              columns={[
                {
                  title: t('pp.title'),
                  dataIndex: 'title',
                  render: (v: string, row) => <Link to={`/projects/${row.id}`}>{v}</Link>,
                },
                { title: t('finance.serviceOrg'), dataIndex: 'serviceOrganisationName' },
                {
                  title: t('finance.contract'),
                  dataIndex: 'contractFen',
                  render: (v: number | null) => yuan(v),
                },
                {
                  title: t('finance.released'),
                  key: 'payments',
                  render: (_, row) =>
                    row.payments.map((x) => (
                      <div key={x.kind}>
                        {t(`finance.kind.${x.kind}`)} {yuan(x.amountFen)} · {x.paidAt.slice(0, 10)}
                      </div>
                    )),
                },
                { title: t('finance.paid'), dataIndex: 'paidFen', render: (v: number) => yuan(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={isSubmitOpen}
        title={t('finance.submit')}
        onOk={submit}
        onCancel={() => setSubmitOpen(false)}
      >
        <Form form={submitForm} layout="vertical">
          <Form.Item name="proposalNote" label={t('finance.note')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="reason" label={t('finance.reason')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={isDecideOpen}
        title={t('finance.decide')}
        onOk={decide}
        onCancel={() => setDecideOpen(false)}
      >
        <Form form={decideForm} layout="vertical" initialValues={{ decision: 'approve' }}>
          <Form.Item name="decision" label={t('finance.decision')}>
            <Radio.Group>
              <Radio value="approve">{t('finance.step.approve')}</Radio>
              <Radio value="return">{t('finance.step.return')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="approvedYuan" label={t('finance.approvedYuan')} validateTrigger="onBlur">
            <InputNumber min={0} style={{ width: '100%' }} data-testid="finance-approved-yuan" />
          </Form.Item>
          {/* The server names approvedFen; the form shows it beside the amount in yuan. */}
          <Form.Item name="approvedFen" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="reason" label={t('finance.reason')} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="finance-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
