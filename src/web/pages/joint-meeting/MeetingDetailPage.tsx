import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { todayInChina } from '../../time';
import { MEETING_STATUS_COLORS } from './MeetingsPage';
import { StandingReportView } from './StandingReportView';

type Meeting = Schemas['Meeting'];
const STEPS = ['draft', 'scheduled', 'held', 'minutes_approved'] as const;

export const ITEM_STATUS_COLORS: Record<string, string> = {
  open: 'blue',
  in_progress: 'gold',
  closed: 'green',
  overdue: 'red',
};

/** One meeting: its cycle (JM-2…4) from draft to approved minutes and action items. */
export default function MeetingDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [dialog, setDialog] = useState<'hold' | 'minutes' | 'item' | null>(null);
  const [form] = Form.useForm();
  const meetingId = Number(id);
  const canManage = can('meetings:manage');

  const load = useCallback(async () => {
    try {
      setMeeting(await unwrap(api.GET('/api/meetings/{id}', { params: { path: { id: meetingId } } })));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  }, [meetingId, message]);

  useEffect(() => {
    load();
  }, [load]);

  const act = async (call: () => Promise<Meeting>) => {
    try {
      setMeeting(await call());
      message.success(t('common.saved'));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  const submitDialog = async () => {
    const v = await form.validateFields();
    const path = { id: meetingId };
    try {
      if (dialog === 'hold') {
        setMeeting(
          await unwrap(
            api.POST('/api/meetings/{id}/hold', {
              params: { path },
              body: {
                heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'),
                attendance: (meeting?.participants ?? []).map((p) => ({
                  organisationId: p.organisationId,
                  attendance: (v.present as number[] | undefined)?.includes(p.organisationId)
                    ? ('present' as const)
                    : ('absent' as const),
                })),
              },
            }),
          ),
        );
      } else if (dialog === 'minutes') {
        setMeeting(
          await unwrap(
            api.PUT('/api/meetings/{id}/minutes', {
              params: { path },
              body: {
                minutes: v.minutes,
                decisions: String(v.decisions ?? '')
                  .split('\n')
                  .map((s: string) => s.trim())
                  .filter((s: string) => s.length >= 2),
              },
            }),
          ),
        );
      } else if (dialog === 'item') {
        await unwrap(
          api.POST('/api/meetings/{id}/action-items', {
            params: { path },
            body: {
              organisationId: v.organisationId,
              title: v.title,
              description: v.description || undefined,
              deadline: (v.deadline as Dayjs).format('YYYY-MM-DD'),
            },
          }),
        );
        await load();
      }
      setDialog(null);
      message.success(t('common.saved'));
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  if (!meeting) return <Card loading />;
  const members = meeting.participants.filter((p) => p.role === 'member');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <>
            {meeting.title}{' '}
            <Tag color={MEETING_STATUS_COLORS[meeting.status]} data-testid="meeting-status">
              {t(`meetingStatus.${meeting.status}`)}
            </Tag>
          </>
        }
        extra={
          canManage && (
            <Space>
              {meeting.status === 'draft' && (
                <Button
                  type="primary"
                  data-testid="schedule"
                  onClick={() =>
                    act(() =>
                      unwrap(
                        api.POST('/api/meetings/{id}/schedule', {
                          params: { path: { id: meetingId } },
                          body: {},
                        }),
                      ),
                    )
                  }
                >
                  {t('meeting.schedule')}
                </Button>
              )}
              {meeting.status === 'scheduled' && (
                <Button
                  type="primary"
                  data-testid="hold"
                  onClick={() => {
                    form.resetFields();
                    form.setFieldsValue({
                      heldOn: todayInChina(),
                      present: meeting.participants.map((p) => p.organisationId),
                    });
                    setDialog('hold');
                  }}
                >
                  {t('meeting.hold')}
                </Button>
              )}
              {meeting.status === 'held' && (
                <>
                  <Button
                    data-testid="edit-minutes"
                    onClick={() => {
                      form.resetFields();
                      form.setFieldsValue({
                        minutes: meeting.minutes ?? '',
                        decisions: meeting.decisions.join('\n'),
                      });
                      setDialog('minutes');
                    }}
                  >
                    {t('meeting.minutes')}
                  </Button>
                  <Button
                    data-testid="add-item"
                    onClick={() => {
                      form.resetFields();
                      form.setFieldsValue({ deadline: todayInChina().add(30, 'day') });
                      setDialog('item');
                    }}
                  >
                    {t('meeting.addItem')}
                  </Button>
                  <Button
                    type="primary"
                    data-testid="approve-minutes"
                    onClick={() =>
                      act(() =>
                        unwrap(
                          api.POST('/api/meetings/{id}/approve-minutes', {
                            params: { path: { id: meetingId } },
                            body: {},
                          }),
                        ),
                      )
                    }
                  >
                    {t('meeting.approveMinutes')}
                  </Button>
                </>
              )}
            </Space>
          )
        }
      >
        <Steps
          size="small"
          current={STEPS.indexOf(meeting.status)}
          items={STEPS.map((s) => ({ title: t(`meetingStatus.${s}`) }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('meeting.jurisdiction')}>{meeting.jurisdiction.name}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.kind')}>{t(`meetingKind.${meeting.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.reportYear')}>{meeting.reportYear}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.plannedOn')}>{meeting.plannedOn}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.heldOn')}>{meeting.heldOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.location')}>{meeting.location ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('meeting.agenda')}>
        <Collapse
          defaultActiveKey={meeting.agenda.filter((a) => a.report).map((a) => String(a.id))}
          items={meeting.agenda.map((a, i) => ({
            key: String(a.id),
            label: (
              <span data-testid={`agenda-${a.kind}`}>
                {`${i + 1}. ${a.title}`}{' '}
                {a.report &&
                  (a.isFrozen ? (
                    <Tag color="green">{t('report.frozen', { at: (a.frozenAt ?? '').slice(0, 10) })}</Tag>
                  ) : (
                    <Tag>{t('report.preview')}</Tag>
                  ))}
              </span>
            ),
            children: a.report ? (
              <StandingReportView report={a.report} />
            ) : (
              <Typography.Text type="secondary">{t('meeting.topic')}</Typography.Text>
            ),
          }))}
        />
      </Card>
      <Card title={t('meeting.participants')}>
        <Table
          rowKey="organisationId"
          size="small"
          pagination={false}
          dataSource={meeting.participants}
          columns={[
            { title: t('meeting.unit'), dataIndex: 'organisationName' },
            {
              title: t('meeting.role'),
              dataIndex: 'role',
              width: 100,
              render: (v: string) => t(`participantRole.${v}`),
            },
            {
              title: t('meeting.attendance'),
              dataIndex: 'attendance',
              width: 100,
              render: (v: string) => (
                <Tag color={v === 'present' ? 'green' : v === 'absent' ? 'red' : 'default'}>
                  {t(`attendance.${v}`)}
                </Tag>
              ),
            },
            {
              title: t('meeting.attendee'),
              dataIndex: 'attendeeName',
              width: 120,
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      </Card>
      <Card title={t('meeting.minutes')}>
        {meeting.minutes ? (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes}</Typography.Paragraph>
            {meeting.decisions.length > 0 && (
              <>
                <Typography.Title level={5}>{t('meeting.decisions')}</Typography.Title>
                <ol>
                  {meeting.decisions.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ol>
              </>
            )}
          </>
        ) : (
          <Alert type="info" title={t('meeting.noMinutes')} />
        )}
      </Card>
      <Card title={t('meeting.actionItems')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={meeting.actionItems}
          columns={[
            {
              title: t('item.title'),
              dataIndex: 'title',
              render: (v: string, row) => <Link to={`/joint-meeting/action-items/${row.id}`}>{v}</Link>,
            },
            { title: t('item.unit'), dataIndex: 'organisationName', width: 200 },
            { title: t('item.deadline'), dataIndex: 'deadline', width: 120 },
            {
              title: t('item.status'),
              dataIndex: 'displayStatus',
              width: 100,
              render: (v: string) => <Tag color={ITEM_STATUS_COLORS[v]}>{t(`itemStatus.${v}`)}</Tag>,
            },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog ? t(`meeting.dialog.${dialog}`) : ''}
        onOk={submitDialog}
        onCancel={() => setDialog(null)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'dialog-ok' } as never}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical">
          {dialog === 'hold' && (
            <>
              <Form.Item name="heldOn" label={t('meeting.heldOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="present" label={t('meeting.present')}>
                <Select
                  mode="multiple"
                  options={meeting.participants.map((p) => ({
                    value: p.organisationId,
                    label: p.organisationName,
                  }))}
                />
              </Form.Item>
            </>
          )}
          {dialog === 'minutes' && (
            <>
              <Form.Item name="minutes" label={t('meeting.minutes')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={6} data-testid="minutes-text" />
              </Form.Item>
              <Form.Item name="decisions" label={t('meeting.decisions')} extra={t('meeting.topicsHint')}>
                <Input.TextArea rows={4} />
              </Form.Item>
            </>
          )}
          {dialog === 'item' && (
            <>
              <Form.Item name="organisationId" label={t('item.unit')} rules={[{ required: true }]}>
                <Select
                  data-testid="item-unit"
                  options={members.map((p) => ({ value: p.organisationId, label: p.organisationName }))}
                />
              </Form.Item>
              <Form.Item name="title" label={t('item.title')} rules={[{ required: true, min: 2 }]}>
                <Input data-testid="item-title" />
              </Form.Item>
              <Form.Item name="description" label={t('item.description')}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="deadline" label={t('item.deadline')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
