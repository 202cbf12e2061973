import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';
import { toFen, yuan } from './format';

type Standard = Schemas['PaymentStandards']['standards'][number];

/** 服务支付标准 (PP-11): unit prices per kind of service in force here this year, own or inherited. */
export default function PaymentStandardsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(currentYearInChina());
  const [editing, setEditing] = useState<Partial<Standard> | null>(null);
  const [form] = Form.useForm();
  const code = current?.code;
  const key = ['payment-standards', code, year];
  const { data } = useQuery({
    queryKey: key,
    enabled: Boolean(code),
    queryFn: () =>
      unwrap(
        api.GET('/api/payment-standards/{code}/{year}', { params: { path: { code: code as string, year } } }),
      ),
  });

  const open = (s: Partial<Standard>) => {
    setEditing(s);
    form.setFieldsValue({
      kind: s.kind,
      name: s.name,
      unit: s.unit,
      unitPriceYuan: s.unitPriceFen === undefined ? undefined : s.unitPriceFen / 100,
      reason: undefined,
    });
  };
  const save = async () => {
    const v = await form.validateFields();
    if (!code) return;
    try {
      await unwrap(
        api.PUT('/api/payment-standards/{code}/{year}/{kind}', {
          params: { path: { code, year, kind: v.kind } },
          body: { name: v.name, unit: v.unit, unitPriceFen: toFen(v.unitPriceYuan), reason: v.reason },
        }),
      );
      message.success(t('ps.saved'));
      setEditing(null);
      queryClient.invalidateQueries({ queryKey: key });
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  return (
    <Card
      title={t('ps.title')}
      extra={
        <Space>
          {t('ps.year')}
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          {can('projects:manage') && (
            <Button type="primary" data-testid="set-standard" onClick={() => open({})}>
              {t('ps.set')}
            </Button>
          )}
        </Space>
      }
    >
      <Table
        rowKey="kind"
        size="small"
        data-testid="standards-table"
        dataSource={data?.standards ?? []}
        locale={{ emptyText: t('ps.empty') }}
        pagination={false}
        columns={[
          { title: t('ps.name'), dataIndex: 'name' },
          { title: t('ps.kind'), dataIndex: 'kind' },
          { title: t('ps.unit'), dataIndex: 'unit' },
          {
            title: t('ps.unitPrice'),
            dataIndex: 'unitPriceFen',
            align: 'right',
            render: (v: number) => yuan(v),
          },
          {
            title: t('ps.definedAt'),
            key: 'at',
            render: (_, s) => (
              <Space>
                {s.definedAtName}
                <Tag color={s.isOwn ? 'blue' : 'default'}>{s.isOwn ? t('ps.own') : t('ps.inherited')}</Tag>
              </Space>
            ),
          },
          ...(can('projects:manage')
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, s: Standard) => (
                    <Button size="small" onClick={() => open(s)}>
                      {t('ps.set')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('ps.set')}
        onOk={save}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="kind"
            label={t('ps.kind')}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('ps.kind') }]}
          >
            <Input disabled={Boolean(editing?.kind && editing.isOwn)} placeholder="training_person_day" />
          </Form.Item>
          <Form.Item name="name" label={t('ps.name')} rules={[{ required: true, min: 2, max: 50 }]}>
            <Input placeholder="培训（人·天）" />
          </Form.Item>
          <Form.Item name="unit" label={t('ps.unit')} rules={[{ required: true, max: 20 }]}>
            <Input placeholder="人·天" />
          </Form.Item>
          <Form.Item name="unitPriceYuan" label={t('ps.unitPrice')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('ps.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
