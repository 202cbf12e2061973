import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';

type DailyTasks = Schemas['DailyTasks'];
type Run = DailyTasks['runs'][number];

const STATUS_COLORS: Record<Run['status'], string> = { done: 'green', failed: 'red', running: 'blue' };
const at = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '—');

/** 定时任务: what the server does by itself each day, and how each run went (platform/jobs/daily.ts). */
export default function DailyTasksPage() {
  const { t, language } = useI18n();
  const [data, setData] = useState<DailyTasks | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setError(null);
      setData(await unwrap(api.GET('/api/operations/daily-tasks')));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  if (error) return <LoadFailed error={error} onRetry={load} />;
  if (!data) return <Card loading />;
  const status = (r: Run | null) =>
    r ? (
      <Tag color={STATUS_COLORS[r.status]}>{t(`dailyTasks.status.${r.status}`)}</Tag>
    ) : (
      t('dailyTasks.never')
    );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('nav.dailyTasks')}>
        <Typography.Paragraph type="secondary">{t('dailyTasks.intro')}</Typography.Paragraph>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('dailyTasks.nextRun')}>
            <span data-testid="next-run">{at(data.nextRunAt)}</span>
          </Descriptions.Item>
        </Descriptions>
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={data.tasks}
          columns={[
            { title: t('dailyTasks.task'), dataIndex: 'name', render: (v: string) => <code>{v}</code> },
            {
              title: t('dailyTasks.what'),
              render: (_, task) => task.description[language],
            },
            { title: t('dailyTasks.lastDay'), render: (_, task) => task.lastRun?.day ?? '—' },
            { title: t('dailyTasks.status'), render: (_, task) => status(task.lastRun) },
            { title: t('dailyTasks.outcome'), render: (_, task) => task.lastRun?.outcome ?? '—' },
          ]}
        />
      </Card>
      <Card title={t('dailyTasks.history')}>
        <Table
          rowKey={(r) => `${r.task}:${r.day}`}
          size="small"
          dataSource={data.runs}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('dailyTasks.day'), dataIndex: 'day' },
            { title: t('dailyTasks.task'), dataIndex: 'task', render: (v: string) => <code>{v}</code> },
            { title: t('dailyTasks.status'), render: (_, r) => status(r) },
            { title: t('dailyTasks.started'), dataIndex: 'startedAt', render: at },
            {
              title: t('dailyTasks.duration'),
              dataIndex: 'durationMs',
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : `${v} ms`),
            },
            { title: t('dailyTasks.outcome'), dataIndex: 'outcome', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
