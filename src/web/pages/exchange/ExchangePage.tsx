import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Progress,
  Select,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, downloadFile, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { BatchDetail } from './BatchDetail';
import { BatchStatusTag, batchProgress, isRunning } from './batch-status';

type Batch = Schemas['ExchangeBatch'];
type Domain = Batch['domain'];

interface SubmitValues {
  domain: Domain;
  supersedes?: number;
  reason?: string;
  /** Asked only for a correction: it may remove more of the corrected batch than the jurisdiction allows. */
  confirmRemoval?: boolean;
}

export default function ExchangePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const [submittable, setSubmittable] = useState<Domain[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const [page, setPage] = useState(1);
  // The workbench links here with ?hasRejectedRows=true (decision 0041).
  const [searchParams] = useSearchParams();
  const [isRejectedOnly, setRejectedOnly] = useState(searchParams.get('hasRejectedRows') === 'true');
  const [selected, setSelected] = useState<Batch | null>(null);
  const [form] = Form.useForm<SubmitValues>();
  const domain = Form.useWatch('domain', form);
  const code = current?.code;

  useEffect(() => {
    unwrap(api.GET('/api/exchange/formats')).then((f) => {
      setSubmittable(f.submittable);
      if (f.submittable[0]) form.setFieldValue('domain', f.submittable[0]);
    });
  }, [form]);

  const queryClient = useQueryClient();
  // The key holds the jurisdiction, the page and the filter: a late answer for earlier ones cannot
  // fill the table. While an import runs, its progress is polled every second.
  const list = useListQuery({
    queryKey: ['exchange', 'batches', code, page, isRejectedOnly],
    enabled: code !== undefined,
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? 1000 : false),
    // Typed, so that the answer's type comes from here and not from refetchInterval above.
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(
        api.GET('/api/exchange/batches', {
          params: {
            query: {
              jurisdiction: code as string,
              page,
              pageSize: 20,
              ...(isRejectedOnly ? { hasRejectedRows: 'true' as const } : {}),
            },
          },
          signal,
        }),
      ),
  });
  const batches = list.data ?? { items: [], total: 0 };
  // The open batch follows its row as the list reloads (an import's progress).
  useEffect(() => {
    const items = list.data?.items;
    if (items) setSelected((s) => (s ? (items.find((b) => b.id === s.id) ?? s) : s));
  }, [list.data]);
  const load = () => queryClient.invalidateQueries({ queryKey: ['exchange', 'batches'] });

  const submit = async (values: SubmitValues) => {
    if (!file) return;
    setSubmitting(true);
    try {
      const result = await unwrap(
        api.POST('/api/exchange/batches', {
          params: {
            query: {
              domain: values.domain,
              fileName: file.name,
              supersedes: values.supersedes,
              reason: values.reason || undefined,
              confirmRemoval: values.supersedes && values.confirmRemoval ? 'true' : undefined,
            },
          },
          body: file as never,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': 'application/octet-stream' },
        }),
      );
      if (result.isDuplicate) message.info(t('exchange.duplicate', { id: result.batch.id }), 6);
      else message.success(t('exchange.accepted', { id: result.batch.id }));
      setFile(null);
      form.setFieldsValue({ supersedes: undefined, reason: undefined, confirmRemoval: false });
      setPage(1);
      await load();
      setSelected(result.batch);
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSubmitting(false);
    }
  };

  const supersedable = batches.items.filter((b) => b.domain === domain && b.status === 'committed');

  const columns: ColumnsType<Batch> = [
    { title: '#', dataIndex: 'id', width: 70 },
    { title: t('exchange.domain'), dataIndex: 'domain', width: 120, render: (d: Domain) => t(`domain.${d}`) },
    { title: t('exchange.unit'), dataIndex: 'organisationName', ellipsis: true },
    { title: t('exchange.file'), dataIndex: 'fileName', ellipsis: true },
    {
      title: t('exchange.status'),
      key: 'status',
      width: 220,
      render: (_, b) => {
        const progress = batchProgress(b);
        return progress ? (
          <div>
            <BatchStatusTag status={b.status} />
            <Progress percent={progress.percent} size="small" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="batch-progress">
              {progress.label(t)}
            </Typography.Text>
          </div>
        ) : (
          <BatchStatusTag status={b.status} />
        );
      },
    },
    { title: t('exchange.valid'), dataIndex: 'validRows', width: 80 },
    {
      title: t('exchange.rejected'),
      dataIndex: 'rejectedRows',
      width: 80,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: t('exchange.submittedBy'), dataIndex: 'submittedBy', width: 110 },
    {
      title: t('exchange.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {can('exchange:submit') && (
        <Card title={t('exchange.title')}>
          {submittable.length === 0 ? (
            <Alert type="info" showIcon title={t('exchange.noDomains')} />
          ) : (
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              style={{ maxWidth: 640 }}
              data-testid="exchange-form"
            >
              <Form.Item name="domain" label={t('exchange.domain')} rules={[{ required: true }]}>
                <Select options={submittable.map((d) => ({ value: d, label: t(`domain.${d}`) }))} />
              </Form.Item>
              <Form.Item label={t('exchange.file')} extra={t('exchange.fileHint')} required>
                <Upload
                  accept=".csv,.xlsx"
                  maxCount={1}
                  beforeUpload={(f) => {
                    setFile(f);
                    return false;
                  }}
                  onRemove={() => setFile(null)}
                  fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
                >
                  <Button icon={<UploadOutlined />}>{t('exchange.chooseFile')}</Button>
                </Upload>
                {domain && (
                  <Space style={{ marginTop: 8 }}>
                    {(['csv', 'xlsx'] as const).map((f) => (
                      <Button
                        key={f}
                        size="small"
                        type="link"
                        icon={<DownloadOutlined />}
                        onClick={() =>
                          downloadFile(`/api/exchange/formats/${domain}/template?format=${f}`).catch((e) =>
                            showError(e, (m) => message.error(m)),
                          )
                        }
                      >
                        {t('exchange.template')} ({f.toUpperCase()})
                      </Button>
                    ))}
                  </Space>
                )}
              </Form.Item>
              {supersedable.length > 0 && (
                <Form.Item
                  name="supersedes"
                  label={t('exchange.supersede')}
                  extra={t('exchange.supersedeHint')}
                >
                  <Select
                    allowClear
                    options={supersedable.map((b) => ({
                      value: b.id,
                      label: `#${b.id} ${b.fileName} (${b.validRows})`,
                    }))}
                  />
                </Form.Item>
              )}
              <Form.Item noStyle dependencies={['supersedes']}>
                {({ getFieldValue }) =>
                  getFieldValue('supersedes') ? (
                    <>
                      <Form.Item
                        name="reason"
                        label={t('exchange.reason')}
                        rules={[{ required: true, min: 2 }]}
                      >
                        <Input.TextArea rows={2} maxLength={500} />
                      </Form.Item>
                      <Form.Item
                        name="confirmRemoval"
                        valuePropName="checked"
                        extra={t('exchange.confirmRemovalHint')}
                      >
                        <Checkbox data-testid="exchange-confirm-removal">
                          {t('exchange.confirmRemoval')}
                        </Checkbox>
                      </Form.Item>
                    </>
                  ) : null
                }
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                disabled={!file}
                loading={isSubmitting}
                data-testid="exchange-submit"
              >
                {t('exchange.submit')}
              </Button>
            </Form>
          )}
        </Card>
      )}
      <Card title={`${t('exchange.batches')} · ${current?.name ?? ''}`}>
        {isRejectedOnly && (
          <Alert
            type="warning"
            style={{ marginBottom: 12 }}
            title={t('wb.filtered')}
            action={
              <Button
                size="small"
                onClick={() => {
                  setRejectedOnly(false);
                  setPage(1);
                }}
              >
                {t('wb.clearFilter')}
              </Button>
            }
          />
        )}
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={batches.items}
          data-testid="batches"
          onRow={(b) => ({ onClick: () => setSelected(b), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: 20,
            total: batches.total,
            onChange: setPage,
            showTotal: (n) => t('common.total', { total: n }),
          }}
        />
      </Card>
      {selected && <BatchDetail batch={selected} onClose={() => setSelected(null)} />}
    </Space>
  );
}
