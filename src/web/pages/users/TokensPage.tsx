import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type Token = Schemas['ApiToken'];

interface IssueValues {
  organisationId: number;
  name: string;
  expiresInDays?: number;
}

/** API tokens for member units' systems (DX-2): issue, see once, revoke. */
export default function TokensPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const { can } = useAuth();
  const [tokens, setTokens] = useState<Token[]>([]);
  const [units, setUnits] = useState<{ value: number; label: string }[]>([]);
  const [isIssuing, setIssuing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<IssueValues>();

  const load = useCallback(async () => {
    setTokens((await unwrap(api.GET('/api/api-tokens'))).items);
  }, []);
  useEffect(() => {
    load().catch((e) => showError(e, (m) => message.error(m)));
  }, [load, message]);
  // A security administrator issues tokens but may not read organisations: no request the server refuses.
  const mayReadUnits = can('organisations:read');
  useEffect(() => {
    if (!current || !mayReadUnits) return;
    api
      .GET('/api/organisations', {
        params: { query: { jurisdiction: current.code, kind: 'member_department', pageSize: 200 } },
      })
      .then(({ data }) =>
        setUnits(
          (data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.jurisdictionName}）` })),
        ),
      );
  }, [current, mayReadUnits]);

  const issue = async () => {
    const values = await form.validateFields();
    try {
      const issued = await unwrap(api.POST('/api/api-tokens', { body: values }));
      setIssuing(false);
      setSecret(issued.token);
      form.resetFields();
      await load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
          {t('tokens.issue')}
        </Button>
      }
    >
      <Table
        rowKey="id"
        dataSource={tokens}
        pagination={false}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.unit'), dataIndex: 'organisationName' },
          { title: t('tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
          {
            title: t('tokens.created'),
            key: 'created',
            render: (_, row) => `${row.createdBy} · ${dayjs(row.createdAt).format('YYYY-MM-DD')}`,
          },
          {
            title: t('tokens.lastUsed'),
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : t('common.none')),
          },
          {
            title: t('exchange.status'),
            key: 'status',
            render: (_, row) =>
              row.revokedAt ? (
                <Tag>{t('tokens.revoked')}</Tag>
              ) : (
                <Tag color="green">
                  {t('tokens.active')}
                  {row.expiresAt ? ` → ${dayjs(row.expiresAt).format('YYYY-MM-DD')}` : ''}
                </Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, row) =>
              !row.revokedAt && (
                <Popconfirm
                  title={t('tokens.confirmRevoke')}
                  onConfirm={() =>
                    unwrap(api.POST('/api/api-tokens/{id}/revoke', { params: { path: { id: row.id } } }))
                      .then(load)
                      .catch((e) => showError(e, (m) => message.error(m)))
                  }
                >
                  <Button type="link" danger size="small">
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={isIssuing}
        title={t('tokens.issue')}
        onOk={issue}
        onCancel={() => setIssuing(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="organisationId" label={t('tokens.unit')} rules={[{ required: true }]}>
            <Select options={units} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expires')} extra={t('tokens.expiresHint')}>
            <InputNumber min={1} max={730} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title={t('tokens.secretTitle')}
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('tokens.secretHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
          {secret}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
