import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useI18n } from '../../i18n/i18n';

type AuditRecord = Schemas['AuditRecord'];
type ChainReport = Schemas['AuditChainReport'];
type Outcome = 'success' | 'failure' | 'denied';

interface Filters {
  action?: string;
  actor?: string;
  outcome?: Outcome;
  range?: [Dayjs, Dayjs];
}

const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };

export default function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [form] = Form.useForm<Filters>();
  const [chain, setChain] = useState<ChainReport | null>(null);
  const [isVerifying, setVerifying] = useState(false);

  // The hash chain (decision 0019): walks every record and names the first broken link.
  const verify = async () => {
    setVerifying(true);
    try {
      setChain(await unwrap(api.GET('/api/audit/verify')));
    } catch (e) {
      showError(e, (m) => message.error(m));
    } finally {
      setVerifying(false);
    }
  };

  const { range, ...rest } = filters;
  const query = {
    ...page,
    ...rest,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  };
  // The key holds the whole request (filters, page): a late answer for earlier ones cannot fill the table.
  const list = useListQuery({
    queryKey: ['audit', 'list', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/audit', { params: { query }, signal })),
  });
  const data = list.data ?? { items: [], total: 0 };
  const isLoading = list.isFetching;

  const columns: ColumnsType<AuditRecord> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 180,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      width: 120,
      render: (v: string | null) => v ?? t('common.none'),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 200, render: (v: string) => <code>{v}</code> },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (v: string) => <Tag color={OUTCOME_COLORS[v]}>{t(`outcome.${v}`)}</Tag>,
    },
    {
      title: t('audit.target'),
      key: 'target',
      width: 160,
      render: (_, r) =>
        r.targetType ? `${r.targetType}${r.targetId ? ` #${r.targetId}` : ''}` : t('common.none'),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130 },
    {
      title: t('audit.details'),
      dataIndex: 'details',
      render: (v: unknown) =>
        v ? (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
            ellipsis={{ tooltip: JSON.stringify(v) }}
          >
            {JSON.stringify(v)}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Card title={t('audit.title')}>
      <Alert type="info" showIcon title={t('audit.readonly')} style={{ marginBottom: 16 }} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Button onClick={verify} loading={isVerifying} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
        {chain && !chain.firstBroken && (
          <Alert
            type="success"
            showIcon
            data-testid="audit-chain-ok"
            title={t('audit.chainOk', { count: String(chain.checked), head: String(chain.head?.id ?? '-') })}
          />
        )}
        {chain?.firstBroken && (
          <Alert
            type="error"
            showIcon
            data-testid="audit-chain-broken"
            title={t('audit.chainBroken', {
              id: String(chain.firstBroken.id),
              reason: t(`audit.broken.${chain.firstBroken.reason}`),
            })}
          />
        )}
      </Space>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters({ ...values, action: values.action || undefined, actor: values.actor || undefined });
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="action">
          <Input
            placeholder={`${t('audit.action')} (auth. / organisation.)`}
            allowClear
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="actor">
          <Input placeholder={t('audit.actor')} allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="outcome">
          <Select
            allowClear
            placeholder={t('audit.outcome')}
            style={{ width: 120 }}
            options={(['success', 'failure', 'denied'] as const).map((o) => ({
              value: o,
              label: t(`outcome.${o}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        columns={columns}
        dataSource={data.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data.total,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) => setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 50 })}
      />
    </Card>
  );
}
