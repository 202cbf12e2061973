import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { todayInChina } from '../../time';

export type RosterChange = Schemas['RosterChange'];
export type RosterChangeList = Schemas['RosterChangeList'];
type Member = Schemas['RosterMember'];

const STATUS_COLORS: Record<RosterChange['status'], string> = {
  proposed: 'orange',
  returned: 'red',
  confirmed: 'green',
};

interface ProposalValues {
  personName: string;
  title: string;
  phone: string;
  effectiveDate: Dayjs;
  reason: string;
}

/** What the proposal dialog works on: a roster row (a new request) or a returned request (a revision). */
export type ProposalTarget = { member: Member } | { request: RosterChange };

/** The dialog in which a member unit proposes, or revises, a change of its member or liaison. */
export function ProposalDialog({
  target,
  onClose,
  onDone,
}: {
  target: ProposalTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposalValues>();
  const [isSaving, setSaving] = useState(false);
  const name = target
    ? 'member' in target
      ? target.member.personName
      : target.request.currentPersonName
    : '';
  const role = target ? ('member' in target ? target.member.role : target.request.role) : 'member';

  const submit = async () => {
    if (!target) return;
    const values = await form.validateFields();
    const body = { ...values, effectiveDate: values.effectiveDate.format('YYYY-MM-DD') };
    setSaving(true);
    try {
      if ('member' in target)
        await unwrap(
          api.POST('/api/roster-members/{id}/change-requests', {
            params: { path: { id: target.member.id } },
            body,
          }),
        );
      else
        await unwrap(
          api.PUT('/api/roster-change-requests/{id}', { params: { path: { id: target.request.id } }, body }),
        );
      message.success(t('rosterChange.submitted'));
      onDone();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };

  // The dialog's form is mounted afresh on each opening (destroyOnHidden), so these apply every time.
  const initialValues =
    target && 'request' in target
      ? {
          personName: target.request.personName,
          title: target.request.title,
          phone: target.request.phone,
          reason: target.request.reason,
          effectiveDate: dayjs(target.request.effectiveDate),
        }
      : { effectiveDate: todayInChina() };
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <Modal
      open={target !== null}
      title={t('rosterChange.proposeTitle', { name, role: t(`rosterRole.${role}`) })}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      {target && 'request' in target && target.request.returnReason && (
        <Typography.Paragraph type="danger">{`${t('rosterChange.returnReason')}：${target.request.returnReason}`}</Typography.Paragraph>
      )}
      <Form
        form={form}
        name="roster-change"
        layout="vertical"
        data-testid="roster-change-form"
        initialValues={initialValues}
      >
        <Form.Item name="personName" label={t('roster.newPerson')} rules={required(t('roster.newPerson'))}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="title" label={t('roster.newTitle')} rules={required(t('roster.newTitle'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('rosterChange.phone')} rules={required(t('rosterChange.phone'))}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={t('roster.effectiveDate')}
          rules={required(t('roster.effectiveDate'))}
        >
          <DatePicker disabledDate={(d) => d.isAfter(todayInChina(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('rosterChange.reason')} rules={required(t('rosterChange.reason'))}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The change requests of a roster: the office confirms or returns open ones, the proposing unit
 * revises a returned one; every step of each request shows when its row is expanded.
 */
export function RosterChangesTable({
  list,
  ownUnitId,
  canPropose,
  onRevise,
  onChanged,
}: {
  list: RosterChangeList | null;
  ownUnitId: number | null;
  canPropose: boolean;
  onRevise: (request: RosterChange) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [returning, setReturning] = useState<RosterChange | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const confirm = async (r: RosterChange) => {
    try {
      await unwrap(api.POST('/api/roster-change-requests/{id}/confirm', { params: { path: { id: r.id } } }));
      message.success(t('rosterChange.confirmed'));
      onChanged();
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  const sendBack = async () => {
    if (!returning) return;
    const values = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/roster-change-requests/{id}/return', {
          params: { path: { id: returning.id } },
          body: values,
        }),
      );
      message.success(t('rosterChange.returnedDone'));
      setReturning(null);
      onChanged();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  const columns: ColumnsType<RosterChange> = [
    {
      title: t('rosterChange.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: RosterChange['status']) => (
        <Tag color={STATUS_COLORS[s]}>{t(`rosterChange.status.${s}`)}</Tag>
      ),
    },
    { title: t('roster.unit'), dataIndex: 'organisationName', width: 170 },
    {
      title: `${t('rosterChange.current')} → ${t('rosterChange.proposed')}`,
      key: 'who',
      render: (_, r) => (
        <>
          <Tag>{t(`rosterRole.${r.role}`)}</Tag>
          {r.currentPersonName} → <strong>{r.personName}</strong>
          <div>
            <Typography.Text type="secondary">{`${r.title} · ${r.phone}`}</Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('roster.effectiveDate'), dataIndex: 'effectiveDate', width: 110 },
    {
      title: t('rosterChange.reason'),
      key: 'reason',
      render: (_, r) => (
        <>
          <div>{r.reason}</div>
          {r.status === 'returned' && r.returnReason && (
            <Typography.Text type="danger">{`${t('rosterChange.returnReason')}：${r.returnReason}`}</Typography.Text>
          )}
        </>
      ),
    },
    { title: t('rosterChange.proposedBy'), dataIndex: 'proposedBy', width: 110 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, r) => (
        <Space>
          {list?.canConfirm && r.status === 'proposed' && (
            <>
              <Popconfirm
                title={t('rosterChange.confirmAsk', {
                  from: r.currentPersonName,
                  to: r.personName,
                  date: r.effectiveDate,
                })}
                onConfirm={() => confirm(r)}
                okText={t('rosterChange.confirm')}
                cancelText={t('common.cancel')}
              >
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckOutlined />}
                  data-testid={`confirm-change-${r.id}`}
                >
                  {t('rosterChange.confirm')}
                </Button>
              </Popconfirm>
              <Button
                size="small"
                danger
                icon={<RollbackOutlined />}
                data-testid={`return-change-${r.id}`}
                onClick={() => {
                  form.resetFields();
                  setReturning(r);
                }}
              >
                {t('rosterChange.return')}
              </Button>
            </>
          )}
          {canPropose && r.status === 'returned' && r.organisationId === ownUnitId && (
            <Button size="small" onClick={() => onRevise(r)} data-testid={`revise-change-${r.id}`}>
              {t('rosterChange.revise')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (list && list.items.length === 0) return <Empty description={t('rosterChange.empty')} />;
  return (
    <>
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="roster-changes"
        expandable={{
          expandedRowRender: (r) => (
            <Timeline
              items={r.events.map((e) => ({
                color: e.action === 'returned' ? 'red' : e.action === 'confirmed' ? 'green' : 'blue',
                children: (
                  <>
                    <strong>{t(`rosterChange.action.${e.action}`)}</strong>
                    {` · ${e.by} · ${dayjs(e.at).format('YYYY-MM-DD HH:mm')}`}
                    <div>{`${e.proposal.personName} · ${e.proposal.title} · ${e.proposal.phone} · ${e.proposal.effectiveDate}`}</div>
                    {e.comment && <Typography.Text type="danger">{e.comment}</Typography.Text>}
                  </>
                ),
              }))}
            />
          ),
        }}
      />
      <Modal
        open={returning !== null}
        title={t('rosterChange.returnTitle', { to: returning?.personName ?? '' })}
        onCancel={() => setReturning(null)}
        onOk={sendBack}
        okText={t('rosterChange.return')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} name="roster-change-return" layout="vertical">
          <Form.Item
            name="reason"
            label={t('rosterChange.returnReason')}
            rules={[
              {
                required: true,
                message: t('validation.required', { field: t('rosterChange.returnReason') }),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
