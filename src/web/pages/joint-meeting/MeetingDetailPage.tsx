import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Modal, Space, Steps, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useRecordQuery } from '../../api/use-record-query';
import { useAuth } from '../../auth/auth';
import { DocumentButton } from '../../components/DocumentButton';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';
import { todayInChina } from '../../time';
import { MeetingDialogFields } from './MeetingDialogFields';
import { ActionItemsCard, AgendaCard, MinutesCard, ParticipantsCard } from './MeetingPanels';
import { MEETING_STATUS_COLORS } from './MeetingsPage';

type Meeting = Schemas['Meeting'];
const STEPS = ['draft', 'scheduled', 'held', 'minutes_approved'] as const;

export default function MeetingDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'hold' | 'minutes' | 'item' | null>(null);
  const [form] = Form.useForm();
  const meetingId = Number(id);
  const canManage = can('meetings:manage');

  const queryClient = useQueryClient();
  const key = ['meetings', 'detail', meetingId];
  const meetingQuery = useRecordQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/meetings/{id}', { params: { path: { id: meetingId } }, signal })),
  });
  const meeting: Meeting | null = meetingQuery.data ?? null;
  // A write answers with the whole meeting: it becomes the page's data.
  const setMeeting = (next: Meeting) => queryClient.setQueryData(key, next);
  const load = () => queryClient.invalidateQueries({ queryKey: ['meetings'] });

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

  if (meetingQuery.error)
    return <LoadFailed error={meetingQuery.error} onRetry={() => meetingQuery.refetch()} />;
  if (!meeting) return <Card loading />;

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
          <Space wrap>
            <DocumentButton url={`/api/meetings/${meetingId}/notice`} label={t('doc.meetingNotice')} />
            {(meeting.status === 'held' || meeting.status === 'minutes_approved') && (
              <DocumentButton url={`/api/meetings/${meetingId}/minutes`} label={t('doc.meetingMinutes')} />
            )}
            {canManage && meeting.status === 'draft' && (
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
            {canManage && meeting.status === 'scheduled' && (
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
            {canManage && meeting.status === 'held' && (
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
      <AgendaCard meeting={meeting} />
      <ParticipantsCard meeting={meeting} />
      <MinutesCard meeting={meeting} />
      <ActionItemsCard meeting={meeting} />
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
          <MeetingDialogFields dialog={dialog} meeting={meeting} />
        </Form>
      </Modal>
    </Space>
  );
}
