import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { todayInChina } from '../../time';
import { ProposalDialog, type ProposalTarget, type RosterChange, RosterChangesTable } from './RosterChanges';

type Member = Schemas['RosterMember'];
type RosterRole = Member['role'];

const ROLE_COLORS: Record<RosterRole, string> = {
  convener: 'red',
  director: 'red',
  deputy_director: 'volcano',
  member: 'blue',
  liaison: 'default',
};

interface ChangeValues {
  personName: string;
  title: string;
  unitName?: string;
  effectiveDate: Dayjs;
  reason: string;
  role?: RosterRole;
}

export default function RosterPage() {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const [proposing, setProposing] = useState<ProposalTarget | null>(null);
  const ownUnitId = me?.organisation?.id ?? null;
  const canPropose = can('roster:propose');
  const [replacing, setReplacing] = useState<Member | null>(null);
  const [isAdding, setAdding] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [form] = Form.useForm<ChangeValues>();
  const code = current?.code;

  const queryClient = useQueryClient();
  // Keys hold the jurisdiction: a late answer for an earlier one cannot fill the page.
  const rosterQuery = useListQuery({
    queryKey: ['roster', 'members', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/joint-meetings/{code}/roster', { params: { path: { code: code as string } }, signal }),
      ),
  });
  const changesQuery = useListQuery({
    queryKey: ['roster', 'changes', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/joint-meetings/{code}/roster-changes', {
          params: { path: { code: code as string } },
          signal,
        }),
      ),
  });
  const roster = rosterQuery.data ?? null;
  const changes = changesQuery.data ?? null;
  const isLoading = rosterQuery.isFetching || changesQuery.isFetching;
  const load = () => queryClient.invalidateQueries({ queryKey: ['roster'] });

  const closeModal = () => {
    setReplacing(null);
    setAdding(false);
  };

  const submit = async () => {
    const values = await form.validateFields();
    const body = {
      personName: values.personName,
      title: values.title,
      unitName: values.unitName || undefined,
      effectiveDate: values.effectiveDate.format('YYYY-MM-DD'),
      reason: values.reason,
    };
    setSaving(true);
    try {
      if (replacing) {
        await unwrap(
          api.POST('/api/roster-members/{id}/replace', { params: { path: { id: replacing.id } }, body }),
        );
        message.success(t('roster.replaced', { from: replacing.personName, to: values.personName }));
      } else if (code) {
        await unwrap(
          api.POST('/api/joint-meetings/{code}/roster', {
            params: { path: { code } },
            body: { ...body, unitName: values.unitName ?? '', role: values.role ?? 'member' },
          }),
        );
        message.success(t('common.saved'));
      }
      closeModal();
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };

  const roleCell = (role: RosterRole, row: Member) => (
    <>
      <Tag color={ROLE_COLORS[role]}>{t(`rosterRole.${role}`)}</Tag>
      {row.officeRole && <Tag color="purple">{t(`officeRole.${row.officeRole}`)}</Tag>}
    </>
  );

  const openRequestOf = (memberId: number): RosterChange | undefined =>
    changes?.items.find((c) => c.rosterMemberId === memberId && c.status !== 'confirmed');
  const pendingCount = changes?.items.filter((c) => c.status === 'proposed').length ?? 0;

  const currentColumns: ColumnsType<Member> = [
    { title: t('roster.role'), dataIndex: 'role', width: 200, render: roleCell },
    {
      title: t('roster.person'),
      dataIndex: 'personName',
      width: 110,
      render: (v: string) => <strong>{v}</strong>,
    },
    { title: t('roster.unit'), dataIndex: 'unitName', width: 200 },
    { title: t('roster.titleCol'), dataIndex: 'title' },
    { title: t('roster.from'), dataIndex: 'effectiveFrom', width: 120 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, row) => (
        <>
          {canPropose &&
            row.organisationId !== null &&
            row.organisationId === ownUnitId &&
            (row.role === 'member' || row.role === 'liaison') &&
            (openRequestOf(row.id) ? (
              <Tag color="orange">{t('rosterChange.hasOpen')}</Tag>
            ) : (
              <Button
                size="small"
                style={{ marginRight: 8 }}
                data-testid={`propose-${row.id}`}
                onClick={() => setProposing({ member: row })}
              >
                {t('rosterChange.propose')}
              </Button>
            ))}
          {can('roster:write') && (
            <Button
              size="small"
              icon={<SwapOutlined />}
              data-testid={`replace-${row.id}`}
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({
                  unitName: row.unitName,
                  title: row.title,
                  effectiveDate: todayInChina(),
                });
                setReplacing(row);
              }}
            >
              {t('roster.replace')}
            </Button>
          )}
        </>
      ),
    },
  ];

  const historyColumns: ColumnsType<Member> = [
    { title: t('roster.role'), dataIndex: 'role', width: 180, render: roleCell },
    { title: t('roster.person'), dataIndex: 'personName', width: 100 },
    { title: t('roster.unit'), dataIndex: 'unitName', width: 170 },
    { title: t('roster.titleCol'), dataIndex: 'title' },
    { title: t('roster.from'), dataIndex: 'effectiveFrom', width: 110 },
    { title: t('roster.to'), dataIndex: 'effectiveTo', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('roster.reason'),
      key: 'reason',
      render: (_, row) => (
        <>
          <div>{row.changeReason}</div>
          {row.endReason && (
            <Typography.Text type="secondary">{`${t('roster.endReason')}：${row.endReason}`}</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('roster.recordedBy'),
      dataIndex: 'recordedBy',
      width: 110,
      render: (v: string | null) => v ?? t('roster.seed'),
    },
  ];

  return (
    <Card
      title={`${roster?.jurisdiction.name ?? current?.name ?? ''} · ${t('roster.title')}`}
      extra={
        can('roster:write') && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ effectiveDate: todayInChina(), role: 'member' });
              setAdding(true);
            }}
          >
            {t('roster.add')}
          </Button>
        )
      }
    >
      <Tabs
        items={[
          {
            key: 'current',
            label: `${t('roster.current')}（${roster?.current.length ?? 0}）`,
            children:
              roster && roster.current.length === 0 ? (
                <Empty description={t('roster.empty')} />
              ) : (
                <Table
                  rowKey="id"
                  size="middle"
                  loading={isLoading}
                  columns={currentColumns}
                  dataSource={roster?.current ?? []}
                  pagination={false}
                  data-testid="roster-current"
                />
              ),
          },
          {
            key: 'changes',
            label: (
              <span data-testid="roster-changes-tab">
                {t('rosterChange.tab')}
                {pendingCount > 0 && (
                  <Tag color="orange" style={{ marginLeft: 6 }}>
                    {t('rosterChange.pending', { count: pendingCount })}
                  </Tag>
                )}
              </span>
            ),
            children: (
              <RosterChangesTable
                list={changes}
                ownUnitId={ownUnitId}
                canPropose={canPropose}
                onRevise={(request) => setProposing({ request })}
                onChanged={load}
              />
            ),
          },
          {
            key: 'history',
            label: `${t('roster.history')}（${roster?.history.length ?? 0}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                columns={historyColumns}
                dataSource={roster?.history ?? []}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                rowClassName={(row) => (row.effectiveTo ? 'roster-ended' : '')}
                data-testid="roster-history"
              />
            ),
          },
        ]}
      />
      {/* Mounted per opening: a fresh form, its initial values those of this row or request. */}
      {proposing && (
        <ProposalDialog
          key={'member' in proposing ? `member-${proposing.member.id}` : `request-${proposing.request.id}`}
          target={proposing}
          onClose={() => setProposing(null)}
          onDone={() => {
            setProposing(null);
            load();
          }}
        />
      )}
      <Modal
        open={replacing !== null || isAdding}
        title={replacing ? t('roster.replaceTitle', { name: replacing.personName }) : t('roster.add')}
        onCancel={closeModal}
        onOk={submit}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={isSaving}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="roster-form">
          {isAdding && (
            <Form.Item name="role" label={t('roster.role')} rules={[{ required: true }]}>
              <Select
                options={(['convener', 'director', 'deputy_director', 'member', 'liaison'] as const).map(
                  (r) => ({
                    value: r,
                    label: t(`rosterRole.${r}`),
                  }),
                )}
              />
            </Form.Item>
          )}
          <Form.Item
            name="personName"
            label={t('roster.newPerson')}
            rules={[{ required: true, message: t('validation.required', { field: t('roster.newPerson') }) }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('roster.newTitle')}
            rules={[{ required: true, message: t('validation.required', { field: t('roster.newTitle') }) }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="unitName"
            label={t('roster.unit')}
            rules={
              isAdding
                ? [{ required: true, message: t('validation.required', { field: t('roster.unit') }) }]
                : []
            }
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="effectiveDate"
            label={t('roster.effectiveDate')}
            rules={[
              { required: true, message: t('validation.required', { field: t('roster.effectiveDate') }) },
            ]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(todayInChina(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('roster.reason')}
            rules={[{ required: true, message: t('validation.required', { field: t('roster.reason') }) }]}
          >
            <Input.TextArea rows={3} maxLength={500} placeholder={t('roster.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
