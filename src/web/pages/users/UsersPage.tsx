import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { useI18n } from '../../i18n/i18n';
import { UserIdentitiesModal } from './UserIdentitiesModal';

type User = Schemas['User'];
type Role = User['role'];
const ROLES: Role[] = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'hrss_officer',
  'member_officer',
  'si_agency_officer',
  'expert',
  'employer',
  'service_org',
];

interface UserValues {
  username?: string;
  password?: string;
  displayName: string;
  phone?: string | null;
  role: Role;
  jurisdictionCode: string;
  organisationId?: number | null;
  isActive: boolean;
}

export default function UsersPage() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const { current, tree } = useJurisdiction();
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [linking, setLinking] = useState<User | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [form] = Form.useForm<UserValues>();
  const [resetForm] = Form.useForm<{ newPassword: string }>();
  const jurisdictionCode = Form.useWatch('jurisdictionCode', form);

  const queryClient = useQueryClient();
  const code = current?.code;
  // The key holds the jurisdiction, the filters and the page: a late answer for an earlier one
  // cannot fill the table.
  const list = useListQuery({
    queryKey: ['users', 'list', code, page, search, role],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/users', { params: { query: { ...page, search, role, jurisdiction: code } }, signal }),
      ),
  });
  const data = list.data ?? { items: [], total: 0 };
  const isLoading = list.isFetching;
  const load = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const providers = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: ({ signal }) => api.GET('/api/auth/providers', { signal }).then(({ data }) => data ?? null),
  });
  const isOidcOn = Boolean(providers.data?.oidc);

  // As the server's canGrantRole: only a security administrator makes security and audit administrators (三员分立).
  const grantable = ROLES.filter((r) =>
    r === 'system_admin'
      ? me?.role === 'system_admin'
      : r === 'security_admin' || r === 'audit_admin'
        ? me?.role === 'security_admin'
        : true,
  );

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const fields = {
        displayName: values.displayName,
        phone: values.phone || null,
        role: values.role,
        jurisdictionCode: values.jurisdictionCode,
        organisationId: values.organisationId ?? null,
        isActive: values.isActive,
      };
      if (editing === 'new') {
        await unwrap(
          api.POST('/api/users', {
            body: { ...fields, username: values.username ?? '', password: values.password ?? '' },
          }),
        );
      } else if (editing) {
        await unwrap(api.PUT('/api/users/{id}', { params: { path: { id: editing.id } }, body: fields }));
      }
      message.success(t('common.saved'));
      setEditing(null);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };

  const submitReset = async () => {
    if (!resetting) return;
    const values = await resetForm.validateFields();
    try {
      await unwrap(
        api.POST('/api/users/{id}/password', { params: { path: { id: resetting.id } }, body: values }),
      );
      message.success(t('users.resetDone'));
      setResetting(null);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), resetForm);
    }
  };

  const columns: ColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`role.${r}`) },
    { title: t('users.jurisdiction'), dataIndex: 'jurisdictionName' },
    {
      title: t('users.organisation'),
      dataIndex: 'organisationName',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('users.active'),
      key: 'status',
      render: (_, u) => (
        <Space size={4}>
          <Tag color={u.isActive ? 'green' : 'default'}>{u.isActive ? t('common.yes') : t('common.no')}</Tag>
          {u.isLocked && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : t('common.none')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) =>
        can('users:manage') && (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({ ...u, jurisdictionCode: u.jurisdictionCode });
                setEditing(u);
              }}
            >
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              {t('users.resetPassword')}
            </Button>
            {isOidcOn && (
              <Button type="link" size="small" onClick={() => setLinking(u)} data-testid="user-identities">
                {t('identities.action')}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <Card
      title={`${t('users.title')} · ${current?.name ?? ''}`}
      extra={
        can('users:manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({
                isActive: true,
                role: 'member_officer',
                jurisdictionCode: current?.code,
              });
              setEditing('new');
            }}
          >
            {t('users.create')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          placeholder={`${t('users.username')} / ${t('users.displayName')}`}
          allowClear
          onSearch={(v) => setSearch(v || undefined)}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('users.role')}
          style={{ width: 180 }}
          onChange={(v?: Role) => setRole(v)}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
      </Space>
      <Table
        rowKey="id"
        loading={isLoading}
        columns={columns}
        dataSource={data.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data.total,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) => setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('users.create') : t('users.edit')}
        onCancel={() => setEditing(null)}
        onOk={submit}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={isSaving}
        forceRender
      >
        <Form form={form} layout="vertical">
          {editing === 'new' && (
            <>
              <Form.Item
                name="username"
                label={t('users.username')}
                rules={[
                  { required: true, message: t('validation.required', { field: t('users.username') }) },
                ]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('users.password')}
                extra={t('users.passwordHint')}
                rules={[
                  { required: true, message: t('validation.required', { field: t('users.password') }) },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={[{ required: true, message: t('validation.required', { field: t('users.displayName') }) }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('users.phone')}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <Select options={grantable.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t('users.jurisdiction')} rules={[{ required: true }]}>
            <TreeSelect treeData={tree} showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
          <Form.Item name="organisationId" label={t('users.organisation')}>
            <OrganisationSelect
              jurisdictionCode={jurisdictionCode}
              initialLabel={editing && editing !== 'new' ? editing.organisationName : null}
            />
          </Form.Item>
          <Form.Item name="isActive" label={t('users.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`${t('users.resetPassword')} · ${resetting?.username ?? ''}`}
        onCancel={() => setResetting(null)}
        onOk={submitReset}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={resetForm} layout="vertical">
          <Form.Item
            name="newPassword"
            label={t('users.newPassword')}
            extra={t('users.passwordHint')}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <UserIdentitiesModal user={linking} canManage={can('users:manage')} onClose={() => setLinking(null)} />
    </Card>
  );
}
