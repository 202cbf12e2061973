import { Alert, Card, Collapse, Descriptions, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { StandingReportView } from './StandingReportView';

type Meeting = Schemas['Meeting'];

export const ITEM_STATUS_COLORS: Record<string, string> = {
  open: 'blue',
  in_progress: 'gold',
  closed: 'green',
  overdue: 'red',
};

/** One meeting: its cycle (JM-2…4) from draft to approved minutes and action items. */
/** The agenda, standing reports frozen when the meeting is held (JM-2). */
export function AgendaCard({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  return (
    <Card title={t('meeting.agenda')}>
      <Collapse
        defaultActiveKey={meeting.agenda.filter((a) => a.report || a.paper).map((a) => String(a.id))}
        items={meeting.agenda.map((a, i) => ({
          key: String(a.id),
          label: (
            <span data-testid={`agenda-${a.kind}`}>
              {`${i + 1}. ${a.title}`}{' '}
              {a.paper && (
                <Tag color="green">{t('report.frozen', { at: (a.frozenAt ?? '').slice(0, 10) })}</Tag>
              )}
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
          ) : a.paper ? (
            <AgendaPaperView paper={a.paper} />
          ) : (
            <Typography.Text type="secondary">{t('meeting.topic')}</Typography.Text>
          ),
        }))}
      />
    </Card>
  );
}

/** A paper another module put on the agenda: its labelled figures, frozen when attached. */
function AgendaPaperView({ paper }: { paper: NonNullable<Meeting['agenda'][number]['paper']> }) {
  const { t, language } = useI18n();
  return (
    <div data-testid="agenda-paper-rows">
      <Typography.Text type="secondary">{t('meeting.paper')}</Typography.Text>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginTop: 8 }}
        items={paper.rows.map((r, i) => ({
          key: String(i),
          label: language === 'zh' ? r.labelZh : r.labelEn,
          children: r.value,
        }))}
      />
      <Link to={paper.link} style={{ display: 'inline-block', marginTop: 8 }}>
        {t('meeting.paperSource')}
      </Link>
    </div>
  );
}

/** Member units and their attendance. */
export function ParticipantsCard({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  return (
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
  );
}

/** The approved minutes and decisions. */
export function MinutesCard({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  return (
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
  );
}

/** The action items the meeting assigned, with their status (JM-3). */
export function ActionItemsCard({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  return (
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
  );
}
