import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, downloadFile, showError, unwrap, uploadFile } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { toFen, yuan } from './format';
import type { Detail } from './projectActions';

const METHODS = [
  'open_tender',
  'invited_tender',
  'competitive_consultation',
  'competitive_negotiation',
  'single_source',
  'inquiry',
  'framework',
] as const;
const DOCUMENT_KINDS = ['notice', 'bid', 'evaluation', 'award', 'contract', 'other'] as const;
type Mode = 'open' | 'bid' | 'evaluate' | 'award' | 'fail' | 'upload';
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 采购 (PP-4): how the project's service organisation is chosen — notice, bids, evaluation, award, documents. */
export function ProcurementCard({
  project,
  serviceOrgs,
  onChange,
}: {
  project: Detail;
  serviceOrgs: { value: number; label: string; disabled: boolean }[];
  onChange(): void;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [isFileMissing, setIsFileMissing] = useState(false);
  const [form] = Form.useForm();
  const key = ['procurement', project.id];
  const { data } = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(api.GET('/api/projects/{id}/procurement', { params: { path: { id: project.id } } })),
  });
  const current = data?.items[0];
  const canManage = can('projects:manage') && ['approved', 'listed'].includes(project.status);
  // Documents may follow the award (the contract, a late evaluation report): any status of the project.
  const canUpload = can('projects:manage') && current !== undefined;
  const path = { params: { path: { id: project.id } } };

  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (mode === 'open')
        await unwrap(
          api.POST('/api/projects/{id}/procurement', {
            ...path,
            body: { ...v, noticeOn: day(v.noticeOn), bidDeadline: day(v.bidDeadline) },
          }),
        );
      if (mode === 'bid')
        await unwrap(
          api.POST('/api/projects/{id}/procurement/bids', {
            ...path,
            body: {
              organisationId: v.organisationId,
              amountFen: toFen(v.amountYuan),
              submittedOn: day(v.submittedOn),
            },
          }),
        );
      if (mode === 'evaluate')
        await unwrap(
          api.POST('/api/projects/{id}/procurement/evaluation', {
            ...path,
            body: {
              scores: (current?.bids ?? []).map((b) => ({ bidId: b.id, score: v[`score${b.id}`] })),
              evaluationNote: v.evaluationNote,
              reason: v.reason,
            },
          }),
        );
      if (mode === 'award')
        await unwrap(
          api.POST('/api/projects/{id}/procurement/award', {
            ...path,
            body: { bidId: v.bidId, awardedOn: day(v.awardedOn), reason: v.reason },
          }),
        );
      if (mode === 'fail')
        await unwrap(
          api.POST('/api/projects/{id}/procurement/failure', { ...path, body: { reason: v.reason } }),
        );
      if (mode === 'upload') {
        if (!file) {
          setIsFileMissing(true);
          return;
        }
        const query = new URLSearchParams({ kind: v.kind, fileName: file.name });
        await uploadFile(`/api/projects/${project.id}/procurement/documents?${query}`, file);
      }
      message.success(t('common.saved'));
      setMode(null);
      queryClient.invalidateQueries({ queryKey: key });
      onChange();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  const buttons: { mode: Mode; show: boolean }[] = [
    { mode: 'open', show: !current || current.status === 'failed' },
    { mode: 'bid', show: current?.status === 'noticed' },
    { mode: 'evaluate', show: current?.status === 'noticed' && current.bids.length > 0 },
    { mode: 'award', show: current?.status === 'evaluated' },
    { mode: 'fail', show: current?.status === 'noticed' || current?.status === 'evaluated' },
  ];
  const shown = buttons.filter((b) => canManage && b.show).map((b) => b.mode);
  if (canUpload) shown.push('upload');
  const download = (id: number) =>
    downloadFile(`/api/procurement-documents/${id}`).catch((e) => showError(e, (m) => message.error(m)));

  return (
    <Card
      title={t('proc.title')}
      data-testid="procurement-card"
      extra={
        shown.length > 0 && (
          <Space wrap>
            {shown.map((m) => (
              <Button
                key={m}
                data-testid={`proc-${m}`}
                onClick={() => {
                  form.resetFields();
                  setFile(null);
                  setIsFileMissing(false);
                  setMode(m);
                }}
              >
                {t(`proc.action.${m}`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {!current ? (
        t('proc.none')
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('proc.method')}>
              {t(`proc.method.${current.method}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('proc.status')}>
              <Tag data-testid="proc-status">{t(`proc.status.${current.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('proc.noticeNo')}>{current.noticeNo}</Descriptions.Item>
            <Descriptions.Item label={t('proc.window')}>
              {current.noticeOn} — {current.bidDeadline}
            </Descriptions.Item>
            <Descriptions.Item label={t('proc.evaluationNote')} span={2}>
              {current.evaluationNote ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('proc.noticeText')} span={3}>
              {current.noticeText}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={current.bids}
            data-testid="proc-bids"
            columns={[
              { title: t('proc.rank'), dataIndex: 'rank', render: (v: number | null) => v ?? '—' },
              {
                title: t('proc.bidder'),
                key: 'org',
                render: (_, b) => (
                  <Space>
                    {b.organisation.name}
                    {b.isBarred && <Tag color="red">{t('pp.barred')}</Tag>}
                    {current.awardedBidId === b.id && <Tag color="green">{t('proc.awarded')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('proc.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (v: number) => yuan(v),
              },
              { title: t('proc.submittedOn'), dataIndex: 'submittedOn' },
              { title: t('proc.score'), dataIndex: 'score', render: (v: number | null) => v ?? '—' },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            title={() => t('proc.documents')}
            dataSource={current.documents}
            data-testid="proc-documents"
            locale={{ emptyText: t('proc.doc.none') }}
            columns={[
              { title: t('proc.doc.kind'), dataIndex: 'kind', render: (v: string) => t(`proc.doc.${v}`) },
              { title: t('proc.doc.fileName'), dataIndex: 'fileName' },
              {
                title: t('proc.doc.size'),
                dataIndex: 'sizeBytes',
                align: 'right',
                render: (v: number) => `${(v / 1024).toFixed(1)} KB`,
              },
              {
                title: t('proc.doc.uploadedAt'),
                dataIndex: 'uploadedAt',
                render: (v: string) => new Date(v).toLocaleString(),
              },
              {
                title: '',
                key: 'open',
                render: (_, d) => (
                  <Button size="small" type="link" data-testid="proc-download" onClick={() => download(d.id)}>
                    {t('proc.doc.download')}
                  </Button>
                ),
              },
            ]}
          />
        </Space>
      )}
      <Modal
        open={mode !== null}
        title={mode ? t(`proc.action.${mode}`) : ''}
        onOk={submit}
        onCancel={() => setMode(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {mode === 'open' && (
            <>
              <Form.Item name="method" label={t('proc.method')} rules={[{ required: true }]}>
                <Select options={METHODS.map((m) => ({ value: m, label: t(`proc.method.${m}`) }))} />
              </Form.Item>
              <Form.Item name="noticeNo" label={t('proc.noticeNo')} rules={[{ required: true, min: 2 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="noticeOn" label={t('proc.noticeOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="bidDeadline" label={t('proc.bidDeadline')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="noticeText" label={t('proc.noticeText')} rules={[{ required: true, min: 10 }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
          {mode === 'bid' && (
            <>
              <Form.Item name="organisationId" label={t('proc.bidder')} rules={[{ required: true }]}>
                <Select
                  options={serviceOrgs.map((o) => ({ ...o, disabled: false }))}
                  showSearch
                  optionFilterProp="label"
                />
              </Form.Item>
              <Form.Item name="amountYuan" label={t('proc.amount')} rules={[{ required: true }]}>
                <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="submittedOn" label={t('proc.submittedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          {mode === 'evaluate' && (
            <>
              {(current?.bids ?? []).map((b) => (
                <Form.Item
                  key={b.id}
                  name={`score${b.id}`}
                  label={b.organisation.name}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              ))}
              <Form.Item
                name="evaluationNote"
                label={t('proc.evaluationNote')}
                rules={[{ required: true, min: 4 }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {mode === 'award' && (
            <>
              <Form.Item name="bidId" label={t('proc.bidder')} rules={[{ required: true }]}>
                <Select
                  options={(current?.bids ?? []).map((b) => ({
                    value: b.id,
                    label: `${b.rank ?? '—'}. ${b.organisation.name}${b.isBarred ? `（${t('pp.barred')}）` : ''}`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="awardedOn" label={t('proc.awardedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          {mode === 'upload' && (
            <>
              <Form.Item name="kind" label={t('proc.doc.kind')} rules={[{ required: true }]}>
                <Select
                  data-testid="proc-doc-kind"
                  options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`proc.doc.${k}`) }))}
                />
              </Form.Item>
              <Form.Item
                label={t('proc.doc.file')}
                required
                validateStatus={isFileMissing ? 'error' : undefined}
                help={isFileMissing ? t('proc.doc.fileRequired') : undefined}
              >
                <Upload
                  maxCount={1}
                  beforeUpload={(f) => {
                    setFile(f);
                    setIsFileMissing(false);
                    return false;
                  }}
                  onRemove={() => setFile(null)}
                >
                  <Button data-testid="proc-choose-file">{t('proc.doc.choose')}</Button>
                </Upload>
              </Form.Item>
            </>
          )}
          {mode !== null && mode !== 'upload' && (
            <Form.Item name="reason" label={t('proc.reason')} rules={[{ required: true, min: 2 }]}>
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
