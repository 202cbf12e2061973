import { App, Button, Card, InputNumber, Space, Table, Tag, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { api, downloadFile, showError, unwrap, uploadFile } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

type Rate = {
  trainedOn: string | null;
  untrainedPosts: number;
  before: { from: number; to: number; ratePer1000: number | null } | null;
  after: { from: number; to: number; ratePer1000: number | null } | null;
  changePct: number | null;
};
type ImportResult = {
  rows: number;
  added: number;
  ended: number;
  unchanged: number;
  rejected: { line: number; issues: { columnName: string; message: string }[] }[];
};

/** Coverage follow-through (TR-1, TR-2, item 8): trend by quarter, exports, injury groups, import, rate change. */
export default function CoverageExtrasPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [employerId, setEmployerId] = useState<number | null>(null);
  const [rate, setRate] = useState<Rate | null>(null);
  const fail = useCallback((e: unknown) => showError(e, (m) => message.error(m)), [message]);
  const code = current?.code;
  const mayRead = can('training:read');
  // Keys hold the jurisdiction: a late answer for an earlier one cannot fill the page.
  const { data: trend } = useListQuery({
    queryKey: ['training', 'trend', code],
    enabled: code !== undefined && mayRead,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training/coverage/trend', {
          params: { query: { jurisdiction: code as string, quarters: 8 } },
          signal,
        }),
      ),
  });
  const { data: groups } = useListQuery({
    queryKey: ['training', 'injury-groups', code],
    enabled: code !== undefined && mayRead,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training/coverage/injury-groups', {
          params: { query: { jurisdiction: code as string } },
          signal,
        }),
      ),
  });
  const q = current ? `jurisdiction=${current.code}` : '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {trend && (
        <Card
          title={t('trainingExtras.trend')}
          extra={
            <Space>
              <Button
                onClick={() => downloadFile(`/api/training/coverage/export?${q}&what=coverage`).catch(fail)}
              >
                {t('trainingExtras.exportCoverage')}
              </Button>
              <Button
                onClick={() => downloadFile(`/api/training/coverage/export?${q}&what=gaps`).catch(fail)}
              >
                {t('trainingExtras.exportGaps')}
              </Button>
            </Space>
          }
        >
          <Table
            rowKey="quarter"
            size="small"
            pagination={false}
            dataSource={trend.items}
            data-testid="coverage-trend"
            columns={[
              { title: t('trainingExtras.quarter'), dataIndex: 'quarter' },
              { title: t('trainingExtras.asOf'), dataIndex: 'asOf' },
              { title: t('training.posts'), dataIndex: 'posts' },
              { title: t('training.due'), dataIndex: 'due' },
              { title: t('training.trained'), dataIndex: 'trained' },
              {
                title: t('trainingExtras.coveragePct'),
                dataIndex: 'coveragePct',
                render: (v: number | null) => (v === null ? '—' : `${v}%`),
              },
            ]}
          />
        </Card>
      )}
      {groups && (
        <Card title={`${t('trainingExtras.groups')} ${groups.from}–${groups.to}`}>
          <Table
            rowKey="band"
            size="small"
            pagination={false}
            dataSource={groups.ageBands}
            columns={[
              { title: t('trainingExtras.ageBand'), dataIndex: 'band' },
              { title: t('trainingExtras.ratePer1000'), dataIndex: 'ratePer1000' },
              {
                title: t('trainingExtras.flag'),
                dataIndex: 'isFlagged',
                render: (v: boolean) => (v ? <Tag color="red">{t('trainingExtras.moreTraining')}</Tag> : ''),
              },
              { title: t('trainingExtras.holders'), dataIndex: 'holders' },
              { title: t('trainingExtras.trainedHolders'), dataIndex: 'trainedHolders' },
            ]}
          />
          <Table
            rowKey="post"
            size="small"
            style={{ marginTop: 16 }}
            pagination={false}
            dataSource={groups.posts}
            columns={[
              { title: t('trainingExtras.post'), dataIndex: 'post' },
              { title: t('trainingExtras.injuries'), dataIndex: 'injuries' },
              { title: t('trainingExtras.share'), dataIndex: 'sharePct', render: (v: number) => `${v}%` },
              {
                title: t('trainingExtras.flag'),
                dataIndex: 'isFlagged',
                render: (v: boolean) => (v ? <Tag color="red">{t('trainingExtras.moreTraining')}</Tag> : ''),
              },
            ]}
          />
        </Card>
      )}
      {can('training:register') && (
        <Card title={t('trainingExtras.import')}>
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              uploadFile<ImportResult>(
                `/api/training/holders/import?fileName=${encodeURIComponent(file.name)}`,
                file,
              ).then(setImported, fail);
              return false;
            }}
          >
            <Button>{t('trainingExtras.chooseFile')}</Button>
          </Upload>
          {imported && (
            <div data-testid="import-result" style={{ marginTop: 12 }}>
              {t('trainingExtras.importSummary')
                .replace('{rows}', String(imported.rows))
                .replace('{added}', String(imported.added))
                .replace('{ended}', String(imported.ended))
                .replace('{rejected}', String(imported.rejected.length))}
              <Table
                rowKey="line"
                size="small"
                pagination={false}
                dataSource={imported.rejected}
                columns={[
                  { title: t('trainingExtras.line'), dataIndex: 'line' },
                  {
                    title: t('trainingExtras.reason'),
                    render: (_: unknown, r: ImportResult['rejected'][number]) =>
                      r.issues.map((i) => `${i.columnName}：${i.message}`).join('；'),
                  },
                ]}
              />
            </div>
          )}
        </Card>
      )}
      {can('training:read') && (
        <Card title={t('trainingExtras.rateChange')}>
          <Space>
            <InputNumber
              placeholder={t('trainingExtras.employerId')}
              onChange={(v) => setEmployerId(v as number)}
            />
            <Button
              disabled={!employerId}
              onClick={() =>
                unwrap(
                  api.GET('/api/training/employers/{id}/rate-change', {
                    params: { path: { id: employerId ?? 0 } },
                  }),
                ).then(setRate, fail)
              }
            >
              {t('trainingExtras.show')}
            </Button>
          </Space>
          {rate && (
            <p data-testid="rate-change">
              {rate.trainedOn
                ? `${t('trainingExtras.trainedOn')} ${rate.trainedOn}；${t('trainingExtras.before')} ${rate.before?.from}–${rate.before?.to}: ${rate.before?.ratePer1000 ?? '—'}‰；${t('trainingExtras.after')} ${rate.after?.from ?? ''}–${rate.after?.to ?? ''}: ${rate.after?.ratePer1000 ?? '—'}‰；${rate.changePct ?? '—'}%`
                : t('trainingExtras.notYetTrained').replace('{n}', String(rate.untrainedPosts))}
            </p>
          )}
        </Card>
      )}
    </Space>
  );
}
