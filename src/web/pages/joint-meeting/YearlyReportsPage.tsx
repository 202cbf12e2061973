import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, downloadFile, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';
import { ChaseButton, ReminderList } from './Chase';

type MemberReport = Schemas['MemberReport'];
type ImplReport = Schemas['ImplementationReport'];
type DueDates = Schemas['DueDates'];

export const REPORT_STATUS_COLORS: Record<string, string> = {
  none: 'default',
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

function StatusTag({ status, isOverdue }: { status: string | null; isOverdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={REPORT_STATUS_COLORS[status ?? 'none']}>{t(`reportStatus.${status ?? 'none'}`)}</Tag>
      {isOverdue && <Tag color="red">{t('itemStatus.overdue')}</Tag>}
    </>
  );
}

function History({ events }: { events: MemberReport['events'] }) {
  const { t } = useI18n();
  if (events.length === 0) return null;
  return (
    <Timeline
      items={events.map((e) => ({
        color: e.action === 'accept' ? 'green' : e.action === 'return' ? 'orange' : 'blue',
        content: `${t(`reportAction.${e.action}`)} · ${e.username} · ${e.at.slice(0, 16).replace('T', ' ')}${e.comment ? `：${e.comment}` : ''}`,
      }))}
    />
  );
}

/** Review buttons: accept, or return with the comment saying what to revise. */
function ReviewButtons({
  onReview,
}: {
  onReview: (decision: 'accept' | 'return', comment?: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [isReturning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  return (
    <Space>
      <Button type="primary" data-testid="accept" onClick={() => onReview('accept')}>
        {t('report.accept')}
      </Button>
      <Button danger data-testid="return" onClick={() => setReturning(true)}>
        {t('report.return')}
      </Button>
      <Modal
        open={isReturning}
        title={t('report.return')}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          await onReview('return', comment);
          setReturning(false);
          setComment('');
        }}
      >
        <Input.TextArea
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('report.returnHint')}
        />
      </Modal>
    </Space>
  );
}

function MemberReports({ year, lateOnly }: { year: number; lateOnly: boolean }) {
  const { t, language } = useI18n();
  const { can, me } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const [open, setOpen] = useState<MemberReport | null>(null);
  const [form] = Form.useForm();
  const code = current?.code;
  // The workbench links here with ?late=true: only the units whose report is overdue (decision 0041).
  const [isLateOnly, setLateOnly] = useState(lateOnly);
  const queryClient = useQueryClient();
  // The key holds the jurisdiction and the year: a late answer for an earlier one cannot fill the board.
  const { data: board } = useListQuery({
    queryKey: ['member-reports', 'board', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/member-reports/board', { params: { query: { jurisdiction: code, year } }, signal }),
      ),
  });
  const load = () => queryClient.invalidateQueries({ queryKey: ['member-reports'] });
  const mine = board?.items.find((i) => i.organisationId === me?.organisation?.id);
  const fields = mine ? (board?.templates[mine.template]?.fields ?? []) : [];
  const openReport = async (id: number) => {
    try {
      setOpen(await unwrap(api.GET('/api/member-reports/{id}', { params: { path: { id } } })));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };
  const run = async (call: () => Promise<MemberReport>) => {
    try {
      const r = await call();
      setOpen(r);
      message.success(t('common.saved'));
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {board && (
        <Alert
          type="info"
          title={t('memberReport.due', {
            date: board.dueDate,
            where: board.dueDefinedAt ?? t('memberReport.default'),
          })}
        />
      )}
      {isLateOnly && (
        <Alert
          type="warning"
          title={t('wb.filtered')}
          action={
            <Button size="small" onClick={() => setLateOnly(false)}>
              {t('wb.clearFilter')}
            </Button>
          }
        />
      )}
      <Table
        rowKey="organisationId"
        size="small"
        pagination={false}
        dataSource={(board?.items ?? []).filter((i) => !isLateOnly || i.isOverdue)}
        expandable={
          can('meetings:manage')
            ? {
                expandedRowRender: (row) => (
                  <ReminderList
                    target={{ targetType: 'member_report', targetId: row.organisationId, year }}
                  />
                ),
              }
            : undefined
        }
        columns={[
          { title: t('meeting.unit'), dataIndex: 'organisationName' },
          {
            title: t('memberReport.template'),
            dataIndex: 'template',
            width: 160,
            render: (v: string) => board?.templates[v]?.name ?? v,
          },
          {
            title: t('item.status'),
            dataIndex: 'status',
            width: 180,
            render: (v: string | null, row) => <StatusTag status={v} isOverdue={row.isOverdue} />,
          },
          {
            title: t('report.submittedAt'),
            dataIndex: 'submittedAt',
            width: 160,
            render: (v: string | null) => v?.slice(0, 10) ?? '—',
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 180,
            render: (_, row) => (
              <Space>
                {row.reportId && (can('meetings:manage') || row.organisationId === me?.organisation?.id) ? (
                  <Button size="small" onClick={() => openReport(row.reportId as number)}>
                    {t('report.open')}
                  </Button>
                ) : null}
                {row.status !== 'submitted' && row.status !== 'accepted' && (
                  <ChaseButton
                    size="small"
                    target={{ targetType: 'member_report', targetId: row.organisationId, year }}
                    unit={row.organisationName}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      {mine &&
        can('meetings:report') &&
        (mine.status === null || mine.status === 'draft' || mine.status === 'returned') && (
          <Card size="small" title={t('memberReport.mine', { year })}>
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) =>
                run(() =>
                  unwrap(
                    api.PUT('/api/member-reports', {
                      body: {
                        year,
                        content: Object.fromEntries(
                          Object.entries(v).filter(([, x]) => x !== undefined),
                        ) as Record<string, string | number | null>,
                      },
                    }),
                  ),
                )
              }
            >
              {fields.map((f) => (
                <Form.Item key={f.key} name={f.key} label={language === 'zh' ? f.label : f.labelEn}>
                  {f.type === 'number' ? (
                    <InputNumber min={0} style={{ width: 200 }} />
                  ) : (
                    <Input.TextArea rows={3} />
                  )}
                </Form.Item>
              ))}
              <Space>
                <Button htmlType="submit">{t('common.save')}</Button>
                {mine.reportId && (
                  <Button
                    type="primary"
                    onClick={() =>
                      run(() =>
                        unwrap(
                          api.POST('/api/member-reports/{id}/submit', {
                            params: { path: { id: mine.reportId as number } },
                            body: {},
                          }),
                        ),
                      )
                    }
                  >
                    {t('report.submit')}
                  </Button>
                )}
              </Space>
            </Form>
          </Card>
        )}
      <Modal
        open={open !== null}
        title={open?.organisationName}
        footer={null}
        onCancel={() => setOpen(null)}
        width={640}
      >
        {open && (
          <>
            <StatusTag status={open.status} />
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              {open.fields.map((f) => (
                <Descriptions.Item key={f.key} label={language === 'zh' ? f.label : f.labelEn}>
                  {String(open.content[f.key] ?? '—')}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <History events={open.events} />
            {can('meetings:manage') && open.status === 'submitted' && (
              <ReviewButtons
                onReview={(decision, comment) =>
                  run(() =>
                    unwrap(
                      api.POST('/api/member-reports/{id}/review', {
                        params: { path: { id: open.id } },
                        body: { decision, comment },
                      }),
                    ),
                  )
                }
              />
            )}
          </>
        )}
      </Modal>
    </Space>
  );
}

const PART_COLORS = { ok: 'green', no_data: 'orange', not_available: 'default' } as const;

function ImplementationReportView({
  report,
  onChange,
}: {
  report: ImplReport;
  onChange: (r: ImplReport) => void;
}) {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const [narrative, setNarrative] = useState(report.narrative);
  const isOwn = me?.jurisdiction.code === report.jurisdiction.code;
  const canEdit =
    isOwn && can('meetings:manage') && (report.status === 'draft' || report.status === 'returned');
  const run = async (call: () => Promise<ImplReport>) => {
    try {
      onChange(await call());
      message.success(t('common.saved'));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };
  return (
    <Card
      size="small"
      title={
        <>
          {t('impl.title', { name: report.jurisdiction.name, year: report.year })}{' '}
          <StatusTag status={report.status} isOverdue={report.isOverdue} />
        </>
      }
      extra={
        <Space>
          <Button onClick={() => window.open(`/api/implementation-reports/${report.id}/print`, '_blank')}>
            {t('impl.print')}
          </Button>
          {(['pdf', 'docx'] as const).map((format) => (
            <Button
              key={format}
              onClick={() =>
                downloadFile(`/api/implementation-reports/${report.id}/print?format=${format}`).catch((e) =>
                  showError(e, (m) => message.error(m)),
                )
              }
            >
              {t(format === 'pdf' ? 'impl.pdf' : 'impl.docx')}
            </Button>
          ))}
          <Button
            onClick={() =>
              downloadFile(`/api/implementation-reports/${report.id}/xlsx`).catch((e) =>
                showError(e, (m) => message.error(m)),
              )
            }
          >
            XLSX
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('impl.due', { date: report.dueDate ?? '—' })}
      </Typography.Paragraph>
      {report.reviewComment && report.status === 'returned' && (
        <Alert
          type="warning"
          title={t('impl.returned', { comment: report.reviewComment })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Typography.Title level={5}>{t('impl.narrative')}</Typography.Title>
      {canEdit ? (
        <Input.TextArea rows={4} value={narrative} onChange={(e) => setNarrative(e.target.value)} />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          {report.narrative || '—'}
        </Typography.Paragraph>
      )}
      {report.parts.map((p) => (
        <div key={p.key} style={{ marginTop: 12 }}>
          <Typography.Text strong>{p.title}</Typography.Text>{' '}
          {p.status !== 'ok' && <Tag color={PART_COLORS[p.status]}>{t(`partStatus.${p.status}`)}</Tag>}
          {p.status === 'ok' && (
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginTop: 4 }}>
              {p.rows.map((r) => (
                <Descriptions.Item key={r.label} label={r.label}>
                  {r.value}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </div>
      ))}
      <History events={report.events} />
      <Space style={{ marginTop: 12 }}>
        {canEdit && (
          <>
            <Button
              onClick={() =>
                run(() =>
                  unwrap(
                    api.POST('/api/implementation-reports', {
                      body: { jurisdictionCode: report.jurisdiction.code, year: report.year, narrative },
                    }),
                  ),
                )
              }
            >
              {t('impl.recompose')}
            </Button>
            <Button
              type="primary"
              data-testid="impl-submit"
              onClick={() =>
                run(() =>
                  unwrap(
                    api.POST('/api/implementation-reports/{id}/submit', {
                      params: { path: { id: report.id } },
                      body: {},
                    }),
                  ),
                )
              }
            >
              {t('report.submit')}
            </Button>
          </>
        )}
        {!isOwn && report.canReview && can('meetings:manage') && report.status === 'submitted' && (
          <ReviewButtons
            onReview={(decision, comment) =>
              run(() =>
                unwrap(
                  api.POST('/api/implementation-reports/{id}/review', {
                    params: { path: { id: report.id } },
                    body: { decision, comment },
                  }),
                ),
              )
            }
          />
        )}
      </Space>
    </Card>
  );
}

function ImplementationReports({ year }: { year: number }) {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ImplReport | null>(null);
  const code = current?.code;
  const queryClient = useQueryClient();
  const { data: list } = useListQuery({
    queryKey: ['implementation-reports', 'list', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/implementation-reports', { params: { query: { jurisdiction: code, year } }, signal }),
      ),
  });
  const load = () => queryClient.invalidateQueries({ queryKey: ['implementation-reports'] });
  const show = async (id: number) => {
    try {
      setOpen(await unwrap(api.GET('/api/implementation-reports/{id}', { params: { path: { id } } })));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };
  const isOwnJurisdiction = me?.jurisdiction.code === list?.jurisdiction.code;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {list?.own.dueDate && (
        <Card size="small" title={t('impl.own', { name: list.jurisdiction.name })}>
          <StatusTag status={list.own.status} isOverdue={list.own.isOverdue} />{' '}
          {t('impl.due', { date: list.own.dueDate })}{' '}
          {list.own.reportId ? (
            <Button size="small" onClick={() => show(list.own.reportId as number)}>
              {t('report.open')}
            </Button>
          ) : (
            isOwnJurisdiction &&
            can('meetings:manage') && (
              <Button
                size="small"
                type="primary"
                data-testid="impl-compose"
                onClick={async () => {
                  try {
                    setOpen(
                      await unwrap(
                        api.POST('/api/implementation-reports', {
                          body: { jurisdictionCode: list.jurisdiction.code, year },
                        }),
                      ),
                    );
                    load();
                  } catch (e) {
                    showError(e, (m) => message.error(m));
                  }
                }}
              >
                {t('impl.compose')}
              </Button>
            )
          )}
        </Card>
      )}
      {list && list.subordinates.length > 0 && (
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={list.subordinates}
          columns={[
            { title: t('meeting.jurisdiction'), dataIndex: 'name' },
            { title: t('impl.dueCol'), dataIndex: 'dueDate', width: 120 },
            {
              title: t('item.status'),
              dataIndex: 'status',
              width: 180,
              render: (v: string | null, row) => <StatusTag status={v} isOverdue={row.isOverdue} />,
            },
            {
              title: t('common.actions'),
              key: 'a',
              width: 100,
              render: (_, row) =>
                row.reportId && (
                  <Button size="small" onClick={() => show(row.reportId as number)}>
                    {t('report.open')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {open && (
        <ImplementationReportView
          key={`${open.id}-${open.status}-${open.composedAt}`}
          report={open}
          onChange={(r) => {
            setOpen(r);
            load();
          }}
        />
      )}
    </Space>
  );
}

function DueDateSettings() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const code = current?.code;
  const queryClient = useQueryClient();
  const key = ['joint-meeting-settings', code];
  const { data: settings } = useListQuery({
    queryKey: key,
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/joint-meeting-settings', { params: { query: { jurisdiction: code } }, signal })),
  });
  const setSettings = (next: DueDates) => queryClient.setQueryData(key, next);
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={settings?.settings ?? []}
      columns={[
        { title: t('settings.key'), dataIndex: 'key', render: (v: string) => t(`dueSetting.${v}`) },
        {
          title: t('settings.value'),
          dataIndex: 'value',
          width: 200,
          render: (v: string, row) =>
            can('meetings:manage') && code ? (
              <Input
                defaultValue={v}
                style={{ width: 100 }}
                onBlur={async (e) => {
                  if (e.target.value === v) return;
                  try {
                    setSettings(
                      await unwrap(
                        api.PUT('/api/joint-meeting-settings', {
                          body: { jurisdictionCode: code, key: row.key, value: e.target.value },
                        }),
                      ),
                    );
                    message.success(t('common.saved'));
                  } catch (err) {
                    showError(err, (m) => message.error(m));
                  }
                }}
              />
            ) : (
              v
            ),
        },
        {
          title: t('settings.definedAt'),
          dataIndex: 'definedAt',
          width: 160,
          render: (v: string | null) => v ?? t('memberReport.default'),
        },
      ]}
    />
  );
}

/** Yearly reports: member units' (JM-5), the implementation report to the superior (JM-6), due dates. */
export default function YearlyReportsPage() {
  const { t } = useI18n();
  const { current } = useJurisdiction();
  const [searchParams] = useSearchParams();
  const linkedYear = Number(searchParams.get('year'));
  const [year, setYear] = useState(
    Number.isInteger(linkedYear) && linkedYear >= 2000 && linkedYear <= 2100
      ? linkedYear
      : currentYearInChina(),
  );
  const isLateLink = searchParams.get('late') === 'true';
  return (
    <Card
      title={`${current?.name ?? ''} · ${t('nav.yearlyReports')}`}
      extra={
        <>
          {t('overview.year')}{' '}
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </>
      }
    >
      <Tabs
        defaultActiveKey={isLateLink || searchParams.get('tab') === 'member' ? 'member' : 'impl'}
        items={[
          { key: 'impl', label: t('impl.tab'), children: <ImplementationReports year={year} /> },
          {
            key: 'member',
            label: t('memberReport.tab'),
            children: <MemberReports year={year} lateOnly={isLateLink} />,
          },
          { key: 'settings', label: t('settings.tab'), children: <DueDateSettings /> },
        ]}
      />
    </Card>
  );
}
