import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { useI18n } from '../../i18n/i18n';
import { IncomingShares, SHARE_COLORS } from './IncomingShares';

type Expert = Schemas['Expert'];
type ExpertDetail = Schemas['ExpertDetail'];

const STATUS_COLORS: Record<string, string> = {
  pending: 'orange',
  active: 'green',
  rejected: 'red',
  suspended: 'volcano',
  expired: 'default',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Dialog = 'create' | 'review' | 'record' | 'relation' | 'share' | 'field';

/** 专家库: the pool, qualification review, the expert's file, declared relations, sharing (EX-1 … EX-4). */
export default function ExpertsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<string | undefined>();
  const [detail, setDetail] = useState<ExpertDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm();
  const code = current?.code;
  const canManage = can('experts:manage');

  const queryClient = useQueryClient();
  // The key holds the jurisdiction and the field filter: a late answer for earlier ones cannot fill the table.
  const list = useListQuery({
    queryKey: ['experts', 'list', code, filter],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/experts', { params: { query: { jurisdiction: code, field: filter } }, signal })),
  });
  const items: Expert[] = list.data?.items ?? [];
  const fields = (list.data?.fields ?? []).map((f) => f.name);
  const load = () => queryClient.invalidateQueries({ queryKey: ['experts'] });

  const open = async (id: number) => {
    try {
      setDetail(await unwrap(api.GET('/api/experts/{id}', { params: { path: { id } } })));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const path = { params: { path: { id: detail?.id ?? 0 } } };
      let updated: ExpertDetail | null = null;
      if (dialog === 'create' && code)
        updated = await unwrap(api.POST('/api/experts', { body: { ...v, jurisdictionCode: code } }));
      if (dialog === 'review')
        updated = await unwrap(api.POST('/api/experts/{id}/review', { ...path, body: v }));
      if (dialog === 'record')
        updated = await unwrap(api.POST('/api/experts/{id}/records', { ...path, body: v }));
      if (dialog === 'relation')
        updated = await unwrap(api.POST('/api/experts/{id}/relations', { ...path, body: v }));
      if (dialog === 'share')
        updated = await unwrap(api.POST('/api/experts/{id}/shares', { ...path, body: v }));
      if (dialog === 'field' && code)
        await unwrap(api.POST('/api/expert-fields', { body: { name: v.name, jurisdictionCode: code } }));
      if (updated) setDetail(updated);
      message.success(t('common.saved'));
      setDialog(null);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  const show = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
  };

  const dialogs: Record<Dialog, ReactNode> = {
    create: (
      <>
        <Form.Item name="name" label={t('ex.name')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="phone" label={t('ex.phone')}>
            <Input />
          </Form.Item>
          <Form.Item name="idNumber" label={t('ex.idNumber')}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="employerName" label={t('ex.employer')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="employerOrganisationId" label={t('ex.employerOrg')}>
          <OrganisationSelect jurisdictionCode={code} />
        </Form.Item>
        <Space>
          <Form.Item name="title" label={t('ex.title')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="recommendingUnit"
            label={t('ex.recommendingUnit')}
            rules={[{ required: true, min: 2 }]}
          >
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="fields" label={t('ex.fields')} rules={[{ required: true }]}>
          <Select mode="multiple" options={fields.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="specialistGroup" label={t('ex.group')}>
          <Input />
        </Form.Item>
        <Form.Item name="username" label={t('ex.username')}>
          <Input />
        </Form.Item>
      </>
    ),
    review: (
      <>
        <Form.Item name="isApproved" label={t('ex.reviewResult')} initialValue={true}>
          <Radio.Group
            options={[
              { value: true, label: t('ex.approve') },
              { value: false, label: t('ex.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('pp.reason')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
      </>
    ),
    record: (
      <>
        <Form.Item name="kind" label={t('ex.recordKind')} initialValue="evaluation">
          <Select
            options={['evaluation', 'discipline', 'suspension', 'reinstatement', 'renewal'].map((k) => ({
              value: k,
              label: t(`ex.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('ex.outcome')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={t('pp.reason')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
      </>
    ),
    relation: (
      <>
        <Form.Item name="organisationId" label={t('ex.organisation')} rules={[{ required: true }]}>
          <OrganisationSelect jurisdictionCode={code} />
        </Form.Item>
        <Form.Item name="relation" label={t('ex.relation')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
      </>
    ),
    share: (
      <>
        <Form.Item name="jurisdictionCode" label={t('ex.shareWith')} rules={[{ required: true }]}>
          <Input placeholder="220000" />
        </Form.Item>
        <Form.Item name="agreement" label={t('ex.agreement')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="validFrom" label={t('ex.validFrom')} rules={[{ required: true, pattern: DATE }]}>
            <Input placeholder="2026-01-01" />
          </Form.Item>
          <Form.Item name="validTo" label={t('ex.validTo')} rules={[{ required: true, pattern: DATE }]}>
            <Input placeholder="2026-12-31" />
          </Form.Item>
        </Space>
      </>
    ),
    field: (
      <Form.Item name="name" label={t('ex.fieldName')} rules={[{ required: true, min: 2 }]}>
        <Input />
      </Form.Item>
    ),
  };

  return (
    <Card
      title={`${current?.name ?? ''} · ${t('ex.title.page')}`}
      extra={
        <Space>
          <Select
            allowClear
            placeholder={t('ex.fields')}
            style={{ width: 160 }}
            value={filter}
            onChange={setFilter}
            options={fields.map((f) => ({ value: f, label: f }))}
          />
          {canManage && <Button onClick={() => show('field')}>{t('ex.addField')}</Button>}
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => show('create')}
              data-testid="add-expert"
            >
              {t('ex.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Table
        rowKey="id"
        dataSource={items}
        data-testid="experts-table"
        onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('ex.name'), dataIndex: 'name' },
          { title: t('ex.title'), dataIndex: 'title' },
          { title: t('ex.employer'), dataIndex: 'employerName' },
          {
            title: t('ex.fields'),
            dataIndex: 'fields',
            render: (v: string[]) => v.map((f) => <Tag key={f}>{f}</Tag>),
          },
          { title: t('ex.phone'), dataIndex: 'phone' },
          {
            title: t('ex.term'),
            key: 'term',
            render: (_, e) => (e.termStart ? `${e.termStart} ~ ${e.termEnd}` : '—'),
          },
          {
            title: t('pp.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`ex.status.${v}`)}</Tag>,
          },
        ]}
      />
      <Drawer open={Boolean(detail)} width={640} title={detail?.name} onClose={() => setDetail(null)}>
        {detail && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {canManage && (
              <Space wrap>
                {detail.status === 'pending' && (
                  <Button type="primary" onClick={() => show('review')}>
                    {t('ex.review')}
                  </Button>
                )}
                <Button onClick={() => show('record')}>{t('ex.addRecord')}</Button>
                <Button onClick={() => show('relation')}>{t('ex.addRelation')}</Button>
                <Button onClick={() => show('share')}>{t('ex.share')}</Button>
              </Space>
            )}
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('pp.status')}>{t(`ex.status.${detail.status}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ex.term')}>
                {detail.termStart ? `${detail.termStart} ~ ${detail.termEnd}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('ex.phone')}>{detail.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ex.idNumber')}>{detail.idNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ex.recommendingUnit')}>
                {detail.recommendingUnit}
              </Descriptions.Item>
              <Descriptions.Item label={t('ex.username')}>{detail.username ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => t('ex.records')}
              dataSource={detail.records}
              columns={[
                { title: t('ex.recordKind'), dataIndex: 'kind', render: (v: string) => t(`ex.kind.${v}`) },
                { title: t('ex.outcome'), dataIndex: 'outcome' },
                { title: t('pp.reason'), dataIndex: 'reason' },
                { title: t('ex.recordedBy'), dataIndex: 'recordedBy' },
              ]}
            />
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => t('ex.relations')}
              dataSource={detail.relations}
              columns={[
                { title: t('ex.organisation'), dataIndex: 'organisationName' },
                { title: t('ex.relation'), dataIndex: 'relation' },
              ]}
            />
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => t('ex.shares')}
              dataSource={detail.shares}
              columns={[
                { title: t('ex.shareWith'), key: 'j', render: (_, s) => s.jurisdiction.name },
                { title: t('ex.agreement'), dataIndex: 'agreement' },
                { title: t('ex.validTo'), dataIndex: 'validTo' },
                {
                  title: t('ex.shareStatus'),
                  dataIndex: 'status',
                  render: (v: string) => <Tag color={SHARE_COLORS[v]}>{t(`ex.shareStatus.${v}`)}</Tag>,
                },
              ]}
            />
          </Space>
        )}
      </Drawer>
      {canManage && <IncomingShares />}
      <Modal
        open={Boolean(dialog)}
        title={dialog ? t(`ex.dialog.${dialog}`) : ''}
        onOk={submit}
        onCancel={() => setDialog(null)}
        destroyOnHidden
        width={600}
      >
        <Form form={form} layout="vertical">
          {dialog && dialogs[dialog]}
        </Form>
      </Modal>
    </Card>
  );
}
