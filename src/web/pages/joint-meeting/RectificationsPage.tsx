import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina, linkedYearOf, todayInChina } from '../../time';
import { FollowUpForm, FollowUpTimeline } from './ActionItemsPage';
import { ChaseButton, ReminderList } from './Chase';

type Rectification = Schemas['Rectification'];
type Detail = Schemas['RectificationDetail'];

const COLORS: Record<string, string> = {
  issued: 'blue',
  rectifying: 'gold',
  closed: 'green',
  overdue: 'red',
};

/** Rectification suggestions with deadlines (限期整改建议, KI-4), their follow-up and escalation. */
export default function RectificationsPage() {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Detail | null>(null);
  const [isIssuing, setIssuing] = useState(false);
  const [form] = Form.useForm();
  const code = current?.code;
  // The workbench links here with ?overdue=true (decision 0041).
  const [searchParams] = useSearchParams();
  const [view, setView] = useState<'all' | 'overdue'>(
    searchParams.get('overdue') === 'true' ? 'overdue' : 'all',
  );
  // The scorecard links here with ?year= (its 整改按期办结率): the year's suggestions and the same counts.
  const [year, setYear] = useState<number | null>(
    searchParams.get('year') ? linkedYearOf(searchParams) : null,
  );

  // The key holds the jurisdiction and the filters: only the current one's answer fills the page
  // (a link switching the header starts a second load while the first runs).
  const list = useListQuery({
    queryKey: ['rectifications', 'list', code, view, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/rectifications', {
          params: {
            query: {
              jurisdiction: code,
              ...(view === 'overdue' ? { overdue: 'true' } : {}),
              ...(year ? { year } : {}),
            } as never,
          },
          signal,
        }),
      ),
  });
  const items = list.data?.items ?? [];
  const onTime = list.data?.onTime ?? null;
  const reload = () => queryClient.invalidateQueries({ queryKey: ['rectifications'] });
  const unitsQuery = useQuery({
    queryKey: ['organisations', 'member-departments', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organisations', {
          params: { query: { jurisdiction: code, kind: 'member_department', pageSize: 100 } as never },
          signal,
        }),
      ),
  });
  const units = (unitsQuery.data?.items ?? [])
    .filter((o) => o.jurisdictionCode === code)
    .map((o) => ({ value: o.id, label: o.name }));

  const show = async (id: number) => {
    try {
      setOpen(await unwrap(api.GET('/api/rectifications/{id}', { params: { path: { id } } })));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  const issue = async () => {
    const v = await form.validateFields();
    if (!code) return;
    try {
      await unwrap(
        api.POST('/api/rectifications', {
          body: { ...v, jurisdictionCode: code, deadline: (v.deadline as Dayjs).format('YYYY-MM-DD') },
        }),
      );
      setIssuing(false);
      reload();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };

  const columns: ColumnsType<Rectification> = [
    {
      title: t('rect.employer'),
      dataIndex: 'employerName',
      render: (v: string, row) => (
        <Button type="link" size="small" onClick={() => show(row.id)}>
          {v}
        </Button>
      ),
    },
    {
      title: t('rect.kind'),
      dataIndex: 'findingKind',
      width: 140,
      render: (v: string) => t(`rectKind.${v}`),
    },
    { title: t('rect.finding'), dataIndex: 'finding' },
    { title: t('rect.responsible'), dataIndex: 'responsibleName', width: 180 },
    { title: t('item.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('item.status'),
      dataIndex: 'displayStatus',
      width: 150,
      render: (v: string, row) => (
        <>
          <Tag color={COLORS[v]}>{t(`rectStatus.${v}`)}</Tag>
          {row.escalatedAt && <Tag color="volcano">{t('rect.escalated')}</Tag>}
        </>
      ),
    },
  ];
  const kinds: ('progress' | 'close' | 'escalate')[] = [
    ...(can('meetings:manage') || open?.responsibleOrganisationId === me?.organisation?.id
      ? (['progress', 'close'] as const)
      : []),
    ...(can('meetings:manage') && open?.isOverdue ? (['escalate'] as const) : []),
  ];
  return (
    <Card
      title={`${current?.name ?? ''} · ${t('nav.rectifications')}`}
      extra={
        <Space wrap>
          <Select
            data-testid="rect-year"
            style={{ width: 120 }}
            value={year ?? 0}
            onChange={(v: number) => setYear(v === 0 ? null : v)}
            options={[
              { value: 0, label: t('rect.allYears') },
              ...Array.from({ length: 6 }, (_, i) => currentYearInChina() - i).map((y) => ({
                value: y,
                label: t('rect.yearOf', { year: y }),
              })),
            ]}
          />
          <Segmented
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={[
              { value: 'all', label: t('item.all') },
              { value: 'overdue', label: t('item.overdue') },
            ]}
          />
          {can('meetings:manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({ findingKind: 'hazard', deadline: todayInChina().add(30, 'day') });
                setIssuing(true);
              }}
            >
              {t('rect.issue')}
            </Button>
          )}
        </Space>
      }
    >
      {onTime && (
        <Alert
          style={{ marginBottom: 12 }}
          type={onTime.due > 0 && onTime.closedOnTime < onTime.due ? 'warning' : 'info'}
          data-testid="rect-on-time"
          message={t('rect.onTimeSummary', {
            year: onTime.year,
            dueBy: onTime.dueBy,
            due: onTime.due,
            closed: onTime.closedOnTime,
          })}
        />
      )}
      <Table rowKey="id" loading={list.isFetching} columns={columns} dataSource={items} pagination={false} />
      <Modal
        open={isIssuing}
        title={t('rect.issue')}
        onOk={issue}
        onCancel={() => setIssuing(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="employerId" label={t('rect.employer')} rules={[{ required: true }]}>
            <OrganisationSelect jurisdictionCode={code} />
          </Form.Item>
          <Form.Item name="findingKind" label={t('rect.kind')} rules={[{ required: true }]}>
            <Select
              options={['hazard', 'over_limit_factor'].map((k) => ({ value: k, label: t(`rectKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="finding" label={t('rect.finding')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="factorName" label={t('rect.factor')}>
            <Input />
          </Form.Item>
          <Form.Item name="measuredValue" label={t('rect.measured')}>
            <Input />
          </Form.Item>
          <Form.Item name="limitValue" label={t('rect.limit')}>
            <Input />
          </Form.Item>
          <Form.Item name="suggestion" label={t('rect.suggestion')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="deadline" label={t('item.deadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="responsibleOrganisationId"
            label={t('rect.responsible')}
            rules={[{ required: true }]}
          >
            <Select options={units} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" title={open?.employerName}>
        {open && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('item.status')}>
                <Tag color={COLORS[open.displayStatus]}>{t(`rectStatus.${open.displayStatus}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('rect.kind')}>
                {t(`rectKind.${open.findingKind}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('rect.finding')}>{open.finding}</Descriptions.Item>
              {open.factorName && (
                <Descriptions.Item label={t('rect.factor')}>
                  {`${open.factorName} ${open.measuredValue ?? ''} / ${open.limitValue ?? ''}`}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('rect.suggestion')}>{open.suggestion}</Descriptions.Item>
              <Descriptions.Item label={t('item.deadline')}>{open.deadline}</Descriptions.Item>
              <Descriptions.Item label={t('rect.responsible')}>{open.responsibleName}</Descriptions.Item>
            </Descriptions>
            <div style={{ marginTop: 16 }}>
              <FollowUpTimeline followUps={open.followUps} />
            </div>
            <Card
              size="small"
              title={t('chase.history')}
              style={{ marginTop: 16 }}
              extra={
                open.status !== 'closed' && (
                  <ChaseButton
                    size="small"
                    target={{ targetType: 'rectification', targetId: open.id }}
                    unit={open.responsibleName}
                  />
                )
              }
            >
              <ReminderList target={{ targetType: 'rectification', targetId: open.id }} />
            </Card>
            {open.status !== 'closed' && kinds.length > 0 && (
              <FollowUpForm
                key={open.followUps.length}
                kinds={kinds}
                onSubmit={async (kind, note) => {
                  const r = await unwrap(
                    api.POST('/api/rectifications/{id}/follow-ups', {
                      params: { path: { id: open.id } },
                      body: { kind, note },
                    }),
                  );
                  return r.followUpId;
                }}
                onSaved={() => {
                  show(open.id);
                  reload();
                }}
              />
            )}
          </>
        )}
      </Drawer>
    </Card>
  );
}
