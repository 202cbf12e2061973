import { PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Segmented,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, downloadFile, type Schemas, showError, unwrap, uploadFile } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useRecordQuery } from '../../api/use-record-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { DocumentButton } from '../../components/DocumentButton';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';
import { ChaseButton, ReminderList } from './Chase';
import { ITEM_STATUS_COLORS } from './MeetingPanels';

type Item = Schemas['ActionItem'];
type Detail = Schemas['ActionItemDetail'];
type FollowUp = Schemas['FollowUp'];

/** Evidence and history of one follow-up list (action items and rectifications alike). */
export function FollowUpTimeline({ followUps }: { followUps: FollowUp[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  if (followUps.length === 0)
    return <Typography.Text type="secondary">{t('item.noFollowUps')}</Typography.Text>;
  return (
    <Timeline
      items={followUps.map((f) => ({
        color: f.kind === 'close' ? 'green' : f.kind === 'escalate' ? 'red' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`followUp.${f.kind}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{`${f.username} · ${f.createdAt.slice(0, 16).replace('T', ' ')}`}</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{f.note}</div>
            {f.attachments.map((a) => (
              <Button
                key={a.id}
                type="link"
                size="small"
                icon={<PaperClipOutlined />}
                onClick={() =>
                  downloadFile(`/api/attachments/${a.id}`).catch((e) => showError(e, (m) => message.error(m)))
                }
              >
                {`${a.fileName} (${Math.ceil(a.sizeBytes / 1024)} KB)`}
              </Button>
            ))}
          </div>
        ),
      }))}
    />
  );
}

/** Report a follow-up with an optional evidence file; returns after both are stored. */
export function FollowUpForm({
  kinds,
  onSubmit,
  onSaved,
}: {
  kinds: ('progress' | 'close' | 'escalate')[];
  onSubmit: (kind: 'progress' | 'close' | 'escalate', note: string) => Promise<number>;
  /** Called once the follow-up and its file are both stored. */
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'progress' | 'close' | 'escalate'; note: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [isSaving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const followUpId = await onSubmit(v.kind, v.note);
      if (file)
        await uploadFile(
          `/api/follow-ups/${followUpId}/attachments?fileName=${encodeURIComponent(file.name)}`,
          file,
        );
      form.resetFields();
      setFile(null);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: kinds[0] }}>
      <Form.Item name="kind" label={t('followUp.kind')}>
        <Radio.Group options={kinds.map((k) => ({ value: k, label: t(`followUp.${k}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('followUp.note')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} data-testid="follow-up-note" />
      </Form.Item>
      <Form.Item label={t('followUp.file')} extra={t('followUp.fileHint')}>
        <input
          type="file"
          data-testid="follow-up-file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Form.Item>
      <Button type="primary" loading={isSaving} onClick={submit} data-testid="follow-up-submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}

function ActionItemDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const itemQuery = useRecordQuery({
    queryKey: ['action-items', 'detail', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/action-items/{id}', { params: { path: { id } }, signal })),
  });
  const item: Detail | null = itemQuery.data ?? null;
  const load = () => queryClient.invalidateQueries({ queryKey: ['action-items'] });
  if (itemQuery.error) return <LoadFailed error={itemQuery.error} onRetry={() => itemQuery.refetch()} />;
  if (!item) return <Card loading />;
  const isMine = me?.organisation?.id === item.organisationId;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <>
            {item.title}{' '}
            <Tag color={ITEM_STATUS_COLORS[item.displayStatus]} data-testid="item-status">
              {t(`itemStatus.${item.displayStatus}`)}
            </Tag>
          </>
        }
        extra={
          <Space wrap>
            <DocumentButton url={`/api/action-items/${item.id}/chase-notice`} label={t('doc.chaseNotice')} />
            {item.status !== 'closed' && (
              <ChaseButton
                target={{ targetType: 'action_item', targetId: item.id }}
                unit={item.organisationName}
              />
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('item.unit')}>{item.organisationName}</Descriptions.Item>
          <Descriptions.Item label={t('item.deadline')}>{item.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('item.meeting')}>
            <Link to={`/joint-meeting/meetings/${item.meetingId}`}>{item.meetingTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('item.description')}>{item.description ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('item.followUps')}>
        <FollowUpTimeline followUps={item.followUps} />
      </Card>
      <Card title={t('chase.history')} size="small">
        <ReminderList target={{ targetType: 'action_item', targetId: item.id }} />
      </Card>
      {isMine && item.status !== 'closed' && (
        <Card title={t('item.report')}>
          <FollowUpForm
            kinds={['progress', 'close']}
            onSubmit={async (kind, note) => {
              const result = await unwrap(
                api.POST('/api/action-items/{id}/follow-ups', {
                  params: { path: { id } },
                  body: { kind: kind as 'progress' | 'close', note },
                }),
              );
              return result.followUpId;
            }}
            onSaved={load}
          />
        </Card>
      )}
    </Space>
  );
}

/** Action items (JM-4): my unit's, all of the scope (convener), or only the overdue ones. */
export default function ActionItemsPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  // The workbench links here with ?view=overdue (decision 0041).
  const [searchParams] = useSearchParams();
  const [view, setView] = useState<'mine' | 'all' | 'overdue'>(
    searchParams.get('view') === 'overdue' ? 'overdue' : can('meetings:manage') ? 'all' : 'mine',
  );
  const code = current?.code;
  // The key holds the jurisdiction and the view: a late answer for an earlier one cannot fill the page.
  const list = useListQuery({
    queryKey: ['action-items', 'list', code, view],
    enabled: !id && code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/action-items', {
          params: {
            query: {
              jurisdiction: code,
              ...(view === 'mine' ? { mine: 'true' } : view === 'overdue' ? { overdue: 'true' } : {}),
            } as never,
          },
          signal,
        }),
      ),
  });
  const items = list.data?.items ?? [];

  if (id) return <ActionItemDetail id={Number(id)} />;
  const columns: ColumnsType<Item> = [
    {
      title: t('item.title'),
      dataIndex: 'title',
      render: (v: string, row) => <Link to={`/joint-meeting/action-items/${row.id}`}>{v}</Link>,
    },
    { title: t('item.unit'), dataIndex: 'organisationName', width: 200 },
    { title: t('item.meeting'), dataIndex: 'meetingTitle', width: 220 },
    { title: t('meeting.jurisdiction'), dataIndex: 'jurisdictionName', width: 120 },
    { title: t('item.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('item.status'),
      dataIndex: 'displayStatus',
      width: 100,
      render: (v: string) => <Tag color={ITEM_STATUS_COLORS[v]}>{t(`itemStatus.${v}`)}</Tag>,
    },
  ];
  return (
    <Card
      title={t('nav.actionItems')}
      extra={
        <Segmented
          value={view}
          onChange={(v) => setView(v as typeof view)}
          options={[
            { value: 'mine', label: t('item.mine') },
            { value: 'all', label: t('item.all') },
            { value: 'overdue', label: t('item.overdue') },
          ]}
        />
      }
    >
      <Table
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={items}
        pagination={false}
        rowClassName={(row) => (row.isOverdue ? 'row-overdue' : '')}
        onRow={(row) => (row.isOverdue ? { style: { background: '#fff1f0' } } : {})}
      />
    </Card>
  );
}
