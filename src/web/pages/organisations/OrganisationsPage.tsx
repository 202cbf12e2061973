import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { DEPARTMENTS, ORGANISATION_KINDS, OrganisationForm } from './OrganisationForm';

type Organisation = Schemas['Organisation'];
type Kind = (typeof ORGANISATION_KINDS)[number];
type Department = (typeof DEPARTMENTS)[number];

interface Filters {
  kind?: Kind;
  department?: Department;
  search?: string;
  pending?: 'true';
}

export default function OrganisationsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ sort: 'name' | 'createdAt' | 'jurisdiction'; order: 'asc' | 'desc' }>({
    sort: 'name',
    order: 'asc',
  });
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [filterForm] = Form.useForm<Filters>();

  const queryClient = useQueryClient();
  const code = current?.code;
  // The key holds the jurisdiction, filters, page and order: a late answer for earlier ones cannot fill the table.
  const list = useListQuery({
    queryKey: ['organisations', 'list', code, filters, page, sort],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organisations', {
          params: { query: { ...filters, ...page, ...sort, jurisdiction: code } },
          signal,
        }),
      ),
  });
  const data = list.data ?? { items: [], total: 0 };
  const isLoading = list.isFetching;
  const load = () => queryClient.invalidateQueries({ queryKey: ['organisations'] });

  const columns: ColumnsType<Organisation> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      sorter: true,
      key: 'name',
      width: 240,
      render: (name: string, row) => (
        <>
          {name} {row.isPending && <Tag color="orange">{t('ledger.pending')}</Tag>}
        </>
      ),
    },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      render: (kind: Kind, row) => (
        <>
          {t(`orgKind.${kind}`)}
          {row.department && <Tag style={{ marginLeft: 6 }}>{t(`dept.${row.department}`)}</Tag>}
        </>
      ),
    },
    {
      title: t('org.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string | null, row) =>
        code ? (
          <Space size={4}>
            <code>{code}</code>
            {row.creditCodeStatus === 'check_failed' && (
              <Tooltip title={t('org.creditCode.check_failed')}>
                <Tag color="warning">{t('org.creditCode.check_failed')}</Tag>
              </Tooltip>
            )}
          </Space>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('org.industry'),
      dataIndex: 'industryCode',
      render: (code: string | null, row) => (code ? `${code} ${row.industryName ?? ''}` : t('common.none')),
    },
    { title: t('org.jurisdiction'), dataIndex: 'jurisdictionName', sorter: true, key: 'jurisdiction' },
    {
      title: t('org.contactName'),
      dataIndex: 'contactName',
      render: (v: string | null, row) => (
        <Tooltip title={row.isPersonalDataMasked ? t('org.masked') : undefined}>
          {v ?? t('common.none')} {row.contactPhone ?? ''}
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, row) =>
        can('organisations:write') && (
          <Button type="link" size="small" onClick={() => setEditing(row)}>
            {t('common.edit')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          {t('org.title')}
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {current?.name} · {t('org.includeBelow')}
          </Typography.Text>
        </Space>
      }
      extra={
        can('organisations:write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="org-create"
          >
            {t('org.create')}
          </Button>
        )
      }
    >
      <Form
        form={filterForm}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters({ ...values, search: values.search || undefined });
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="kind">
          <Select
            allowClear
            placeholder={t('org.kind')}
            style={{ width: 180 }}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="department">
          <Select
            allowClear
            placeholder={t('org.department')}
            style={{ width: 140 }}
            options={DEPARTMENTS.map((d) => ({ value: d, label: t(`dept.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="search">
          <Input placeholder={t('org.searchPlaceholder')} allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="pending"
          valuePropName="checked"
          getValueFromEvent={(e) => (e.target.checked ? 'true' : undefined)}
        >
          <Checkbox data-testid="org-pending">{t('org.pendingOnly')}</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              filterForm.resetFields();
              setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      <Table
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={data.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data.total,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          setPage({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          if (s?.order)
            setSort({
              sort: s.columnKey === 'jurisdiction' ? 'jurisdiction' : 'name',
              order: s.order === 'descend' ? 'desc' : 'asc',
            });
          else setSort({ sort: 'name', order: 'asc' });
        }}
      />
      {editing && (
        <OrganisationForm
          organisation={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Card>
  );
}
