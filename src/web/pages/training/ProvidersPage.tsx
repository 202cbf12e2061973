import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type Provider = Schemas['TrainingProviderList']['items'][number];
const STATUS_COLOR = { applied: 'blue', listed: 'green', rejected: 'red', removed: 'default' } as const;
const ASPECTS = ['qualification', 'reputation', 'service'] as const;

/** Recommended training institutions and online platforms (TR-5): apply, review, list, remove. */
export default function ProvidersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const [reviewing, setReviewing] = useState<Provider | null>(null);
  const [form] = Form.useForm();
  const [applyForm] = Form.useForm();
  const fail = useCallback((e: unknown) => showError(e, (m) => message.error(m)), [message]);
  const queryClient = useQueryClient();
  const code = current?.code;
  // The key holds the jurisdiction: a late answer for an earlier one cannot fill the page.
  const list = useListQuery({
    queryKey: ['training-providers', 'list', code],
    enabled: code !== undefined && can('training:read'),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training-providers', { params: { query: { jurisdiction: code as string } }, signal }),
      ),
  });
  const ownList = useListQuery({
    queryKey: ['training-providers', 'own'],
    enabled: can('training:apply') && !can('training:manage'),
    queryFn: ({ signal }) => unwrap(api.GET('/api/own-training-providers', { signal })),
  });
  const items = list.data?.items ?? [];
  const own = ownList.data?.items ?? [];
  const load = () => queryClient.invalidateQueries({ queryKey: ['training-providers'] });
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('common.saved'));
      load();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };
  const statusTag = (s: Provider['status']) => (
    <Tag color={STATUS_COLOR[s]}>{t(`providers.status.${s}`)}</Tag>
  );
  const columns = [
    { title: t('providers.name'), dataIndex: 'name' },
    {
      title: t('providers.kind'),
      dataIndex: 'kind',
      render: (k: string) => t(`providers.kind.${k as 'institution'}`),
    },
    { title: t('providers.services'), dataIndex: 'services' },
    { title: t('providers.status'), dataIndex: 'status', render: statusTag },
    { title: t('providers.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {can('training:apply') && !can('training:manage') && (
        <Card title={t('providers.apply')}>
          <Form
            form={applyForm}
            layout="vertical"
            onFinish={(v) =>
              act(() => unwrap(api.POST('/api/training-providers', { body: v }))).then(
                (ok) => ok && applyForm.resetFields(),
              )
            }
          >
            <Form.Item name="kind" label={t('providers.kind')} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: 'institution', label: t('providers.kind.institution') },
                  { value: 'online_platform', label: t('providers.kind.online_platform') },
                ]}
              />
            </Form.Item>
            <Form.Item name="services" label={t('providers.services')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              name="qualifications"
              label={t('providers.qualifications')}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="url" label={t('providers.url')}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('providers.submit')}
            </Button>
          </Form>
          <Table
            rowKey="id"
            size="small"
            style={{ marginTop: 16 }}
            dataSource={own}
            columns={columns}
            pagination={false}
          />
        </Card>
      )}
      {can('training:read') && (
        <Card title={t('providers.title')}>
          <Table
            rowKey="id"
            size="small"
            dataSource={items}
            data-testid="providers"
            columns={[
              ...columns,
              {
                title: '',
                render: (_: unknown, p: Provider) =>
                  can('training:manage') && (
                    <Space>
                      {p.status === 'applied' && (
                        <Button size="small" onClick={() => setReviewing(p)}>
                          {t('providers.review')}
                        </Button>
                      )}
                      {p.status === 'listed' && (
                        <Input.Search
                          size="small"
                          placeholder={t('providers.removeReason')}
                          enterButton={t('providers.remove')}
                          onSearch={(reason) =>
                            act(() =>
                              unwrap(
                                api.POST('/api/training-providers/{id}/remove', {
                                  params: { path: { id: p.id } },
                                  body: { reason },
                                }),
                              ),
                            )
                          }
                        />
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={reviewing !== null}
        title={`${t('providers.review')}：${reviewing?.name ?? ''}`}
        onCancel={() => setReviewing(null)}
        footer={null}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            const body = {
              ...Object.fromEntries(
                ASPECTS.map((a) => [a, { isAcceptable: Boolean(v[`${a}Ok`]), note: v[`${a}Note`] }]),
              ),
              decision: v.decision,
              reason: v.reason || undefined,
            } as Schemas['TrainingProviderList']['items'][number]['review'] & {
              decision: 'list' | 'reject';
              reason?: string;
            };
            const ok = await act(() =>
              unwrap(
                api.POST('/api/training-providers/{id}/review', {
                  params: { path: { id: reviewing?.id ?? 0 } },
                  body: body as never,
                }),
              ),
            );
            if (ok) {
              setReviewing(null);
              form.resetFields();
            }
          }}
        >
          {ASPECTS.map((a) => (
            <Space key={a} align="baseline">
              <Form.Item name={`${a}Ok`} valuePropName="checked">
                <Checkbox>{t(`providers.aspect.${a}`)}</Checkbox>
              </Form.Item>
              <Form.Item name={`${a}Note`} rules={[{ required: true }]}>
                <Input placeholder={t('providers.note')} style={{ width: 260 }} />
              </Form.Item>
            </Space>
          ))}
          <Form.Item name="decision" label={t('providers.decision')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'list', label: t('providers.decision.list') },
                { value: 'reject', label: t('providers.decision.reject') },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('providers.reason')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('providers.submit')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
