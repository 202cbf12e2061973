import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

interface AddValues {
  category: 'key' | 'dust';
  name: string;
  prefixes: string;
  source: string;
}

/** Key and dust-hazard industries per plan period: the documents' lists and what officers added. */
export default function KeyIndustriesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [period, setPeriod] = useState<string | undefined>();
  const [isAdding, setAdding] = useState(false);
  const [form] = Form.useForm<AddValues>();
  const queryClient = useQueryClient();
  // The same key as the training configuration's plan periods (TrainingConfigTab.tsx).
  const periodList = useQuery({
    queryKey: ['plan-periods'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/plan-periods', { signal })),
  });
  const periods = (periodList.data?.items ?? []).map((x) => x.code);
  const code = current?.code;
  // The key holds the jurisdiction and the period: a late answer for earlier ones cannot fill the page.
  const { data: list } = useListQuery({
    queryKey: ['key-industries', 'list', code, period],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/key-industries', {
          params: { query: { jurisdiction: code as string, planPeriod: period } },
          signal,
        }),
      ),
  });
  const load = () => queryClient.invalidateQueries({ queryKey: ['key-industries'] });

  const add = async () => {
    const values = await form.validateFields();
    if (!list || !current) return;
    try {
      await unwrap(
        api.POST('/api/key-industries', {
          body: {
            planPeriod: list.planPeriod.code,
            category: values.category,
            name: values.name,
            industryPrefixes: values.prefixes.split(/[,，\s]+/).filter(Boolean),
            jurisdictionCode: current.code,
            source: values.source,
          },
        }),
      );
      setAdding(false);
      form.resetFields();
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  const p = list?.planPeriod;
  return (
    <Card
      title={t('ki.title')}
      extra={
        <Space>
          <Select
            style={{ width: 130 }}
            value={period ?? p?.code}
            options={periods.map((x) => ({ value: x, label: x }))}
            onChange={setPeriod}
          />
          {can('enterprises:configure') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('ki.add')}
            </Button>
          )}
        </Space>
      }
    >
      {p && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={`${p.name}：${t('ki.target', {
            period: p.code,
            pct: p.targetReductionPct,
            base: p.baselineYear,
            annual: p.annualReductionPct === null ? '' : t('ki.annual', { pct: p.annualReductionPct }),
          })}`}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list?.items ?? []}
        columns={[
          {
            title: t('ki.category'),
            dataIndex: 'category',
            width: 150,
            render: (c: 'key' | 'dust') => <Tag color={c === 'key' ? 'blue' : 'volcano'}>{t(`ki.${c}`)}</Tag>,
          },
          { title: t('ki.name'), dataIndex: 'name', width: 120 },
          { title: t('ki.prefixes'), dataIndex: 'industryPrefixes', render: (v: string[]) => v.join('、') },
          {
            title: t('ki.scope'),
            dataIndex: 'jurisdictionName',
            width: 140,
            render: (v: string | null) => v ?? t('ki.national'),
          },
          { title: t('ki.source'), dataIndex: 'source', ellipsis: true },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_, row) =>
              row.jurisdictionCode &&
              can('enterprises:configure') && (
                <Popconfirm
                  title={t('ki.remove')}
                  onConfirm={() =>
                    unwrap(api.DELETE('/api/key-industries/{id}', { params: { path: { id: row.id } } }))
                      .then(load)
                      .catch((e) => showError(e, (m) => message.error(m)))
                  }
                >
                  <Button type="link" size="small" danger>
                    {t('ki.remove')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={isAdding}
        title={t('ki.add')}
        onOk={add}
        onCancel={() => setAdding(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ category: 'key' }}>
          <Form.Item name="category" label={t('ki.category')} rules={[{ required: true }]}>
            <Select options={(['key', 'dust'] as const).map((c) => ({ value: c, label: t(`ki.${c}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('ki.name')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={30} placeholder="即时配送" />
          </Form.Item>
          <Form.Item
            name="prefixes"
            label={t('ki.prefixes')}
            extra={t('ki.prefixesHint')}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="source" label={t('ki.source')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
