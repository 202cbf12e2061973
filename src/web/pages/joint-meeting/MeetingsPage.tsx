import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina, linkedYearOf, todayInChina } from '../../time';

type Summary = Schemas['MeetingSummary'];
type Overview = Schemas['MeetingsOverview'];

export const MEETING_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  scheduled: 'blue',
  held: 'orange',
  minutes_approved: 'green',
};

interface CreateValues {
  kind: 'regular' | 'extraordinary';
  title: string;
  reportYear: number;
  plannedOn: Dayjs;
  location?: string;
  topics?: string;
  guestOrganisationIds?: number[];
}

/** Meetings of the current jurisdiction (JM-2) and the superior's overview of its subordinates. */
export default function MeetingsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [year, setYear] = useState(() => linkedYearOf(searchParams));
  const [isCreating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const code = current?.code;

  // Other departments and bodies that may be invited (列席): not employers, not the members themselves.
  const guests = useQuery({
    queryKey: ['organisations', 'guests', code],
    enabled: code !== undefined && isCreating,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organisations', { params: { query: { jurisdiction: code, pageSize: 200 } }, signal }),
      ),
  });
  const guestOptions = (guests.data?.items ?? [])
    .filter((o) => o.kind !== 'employer' && !(o.kind === 'member_department' && o.jurisdictionCode === code))
    .map((o) => ({ value: o.id, label: o.name }));

  // A link that switches the header (?jurisdiction=) changes the key while the first load runs: the
  // key holds the jurisdiction, so a late answer for the province cannot show under 宁德市.
  const list = useListQuery({
    queryKey: ['meetings', 'list', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/meetings', { params: { query: { jurisdiction: code } }, signal })),
  });
  const over = useListQuery({
    queryKey: ['meetings', 'overview', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/meetings/overview', { params: { query: { jurisdiction: code, year } }, signal })),
  });
  const meetings = list.data?.items ?? [];
  const overview = over.data;

  const create = async () => {
    const v = await form.validateFields();
    if (!code) return;
    try {
      const created = await unwrap(
        api.POST('/api/meetings', {
          body: {
            jurisdictionCode: code,
            kind: v.kind,
            title: v.title,
            reportYear: v.reportYear,
            plannedOn: v.plannedOn.format('YYYY-MM-DD'),
            location: v.location || undefined,
            guestOrganisationIds: v.guestOrganisationIds,
            topics: (v.topics ?? '')
              .split('\n')
              .map((s) => s.trim())
              .filter((s) => s.length >= 2),
          },
        }),
      );
      setCreating(false);
      navigate(`/joint-meeting/meetings/${created.id}`);
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  const columns: ColumnsType<Summary> = [
    {
      title: t('meeting.title'),
      dataIndex: 'title',
      render: (v: string, row) => <Link to={`/joint-meeting/meetings/${row.id}`}>{v}</Link>,
    },
    { title: t('meeting.kind'), dataIndex: 'kind', width: 110, render: (v: string) => t(`meetingKind.${v}`) },
    {
      title: t('meeting.status'),
      dataIndex: 'status',
      width: 120,
      render: (v: string) => <Tag color={MEETING_STATUS_COLORS[v]}>{t(`meetingStatus.${v}`)}</Tag>,
    },
    { title: t('meeting.jurisdiction'), dataIndex: 'jurisdictionName', width: 140 },
    { title: t('meeting.plannedOn'), dataIndex: 'plannedOn', width: 120 },
    { title: t('meeting.heldOn'), dataIndex: 'heldOn', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('meeting.reportYear'), dataIndex: 'reportYear', width: 100 },
  ];

  type OverviewRow = Overview['rows'][number];
  const overviewColumns: ColumnsType<OverviewRow> = [
    { title: t('meeting.jurisdiction'), dataIndex: 'name' },
    {
      title: t('overview.meetingsHeld'),
      dataIndex: 'meetingsHeld',
      width: 140,
      render: (v: number, row) =>
        row.hasNoMeeting ? (
          <Tag color="red" data-testid={`no-meeting-${row.code}`}>
            {t('overview.noMeeting')}
          </Tag>
        ) : (
          v
        ),
    },
    {
      title: t('overview.lastHeld'),
      dataIndex: 'lastHeldOn',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('overview.openItems'), dataIndex: 'openActionItems', width: 110 },
    {
      title: t('overview.overdueItems'),
      dataIndex: 'overdueActionItems',
      width: 110,
      render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v),
    },
    {
      title: t('overview.overdueRectifications'),
      dataIndex: 'overdueRectifications',
      width: 130,
      render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v),
    },
    {
      title: t('overview.report'),
      dataIndex: 'implementationReportStatus',
      width: 120,
      render: (v: string | null) => t(`reportStatus.${v ?? 'none'}`),
    },
  ];

  return (
    <Card
      title={`${current?.name ?? ''} · ${t('nav.meetings')}`}
      extra={
        can('meetings:manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="new-meeting"
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({
                kind: 'regular',
                reportYear: currentYearInChina() - 1,
                plannedOn: todayInChina().add(7, 'day'),
              });
              setCreating(true);
            }}
          >
            {t('meeting.new')}
          </Button>
        )
      }
    >
      <Tabs
        items={[
          {
            key: 'list',
            label: t('meeting.list'),
            children: (
              <Table
                rowKey="id"
                loading={list.isFetching}
                columns={columns}
                dataSource={meetings}
                pagination={false}
              />
            ),
          },
          {
            key: 'overview',
            label: t('overview.title'),
            children: (
              <>
                <div style={{ marginBottom: 12 }}>
                  {t('overview.year')}{' '}
                  <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
                </div>
                <Table
                  rowKey="code"
                  size="small"
                  loading={over.isFetching}
                  columns={overviewColumns}
                  dataSource={overview?.rows ?? []}
                  pagination={false}
                />
              </>
            ),
          },
        ]}
      />
      <Modal
        open={isCreating}
        title={t('meeting.new')}
        onOk={create}
        onCancel={() => setCreating(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('meeting.kind')} rules={[{ required: true }]}>
            <Select
              options={['regular', 'extraordinary'].map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('meeting.title')} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="meeting-title" />
          </Form.Item>
          <Form.Item name="reportYear" label={t('meeting.reportYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="plannedOn" label={t('meeting.plannedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="location" label={t('meeting.location')}>
            <Input />
          </Form.Item>
          <Form.Item name="guestOrganisationIds" label={t('meeting.guests')}>
            <Select mode="multiple" options={guestOptions} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="topics" label={t('meeting.topics')} extra={t('meeting.topicsHint')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
