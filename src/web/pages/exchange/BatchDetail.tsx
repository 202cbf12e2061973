import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Progress, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, downloadFile, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useI18n } from '../../i18n/i18n';
import { BatchStatusTag, batchProgress } from './batch-status';

type Batch = Schemas['ExchangeBatch'];
type Issues = Schemas['ExchangeBatchIssues'];

export function BatchDetail({ batch, onClose }: { batch: Batch; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  // A batch's rejected rows, once its import has ended (the batch and the page in the key).
  const issueList = useListQuery({
    queryKey: ['exchange', 'issues', batch.id, page],
    enabled: batch.status === 'committed' || batch.status === 'superseded',
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/exchange/batches/{id}/issues', {
          params: { path: { id: batch.id }, query: { page, pageSize: 50 } },
          signal,
        }),
      ),
  });
  const issues: Issues | null = issueList.data ?? null;

  const progress = batchProgress(batch);
  return (
    <Drawer
      open
      width={760}
      title={`${t('exchange.batch')} #${batch.id} · ${t(`domain.${batch.domain}`)}`}
      onClose={onClose}
    >
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('exchange.status')}>
          <BatchStatusTag status={batch.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.file')}>{batch.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.unit')}>{batch.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.submittedBy')}>
          {batch.submittedBy} · {dayjs(batch.createdAt).format('YYYY-MM-DD HH:mm:ss')}
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.rows')}>{batch.totalRows || batch.rowsDone}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.valid')}>{batch.validRows}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.rejected')}>{batch.rejectedRows}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.warnings')}>{batch.warningRows}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.pending')}>{batch.pendingEmployers}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.encoding')}>{batch.encoding ?? batch.format}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.sha')} span={2}>
          <Typography.Text code copyable style={{ fontSize: 12 }}>
            {batch.sha256}
          </Typography.Text>
        </Descriptions.Item>
        {batch.supersedesBatchId && (
          <Descriptions.Item label={t('exchange.supersede')} span={2}>
            {t('exchange.supersedes', { id: batch.supersedesBatchId, reason: batch.supersedeReason ?? '' })}
          </Descriptions.Item>
        )}
        {batch.supersededByBatchId && (
          <Descriptions.Item label={t('exchange.status')} span={2}>
            {t('exchange.supersededBy', { id: batch.supersededByBatchId })}
          </Descriptions.Item>
        )}
        {batch.error && (
          <Descriptions.Item label={t('exchange.error')} span={2}>
            <Typography.Text type="danger">{batch.errorMessage ?? batch.error}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {progress && (
        <div style={{ marginTop: 16 }}>
          <Progress percent={progress.percent} status="active" />
          <Typography.Text type="secondary">{progress.label(t)}</Typography.Text>
        </div>
      )}
      {issues && issues.total > 0 && (
        <>
          <Space style={{ margin: '16px 0 8px', justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('exchange.issues')}（{issues.total}）
            </Typography.Title>
            <Button
              icon={<DownloadOutlined />}
              data-testid="download-rejected"
              onClick={() =>
                downloadFile(`/api/exchange/batches/${batch.id}/rejected`).catch((e) =>
                  showError(e, (m) => message.error(m)),
                )
              }
            >
              {t('exchange.downloadRejected')}
            </Button>
          </Space>
          <Table
            size="small"
            rowKey="line"
            dataSource={issues.rejected}
            data-testid="batch-issues"
            pagination={{
              current: page,
              pageSize: 50,
              total: issues.total,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            columns={[
              { title: t('exchange.line'), dataIndex: 'line', width: 80 },
              {
                title: t('exchange.reasonCol'),
                key: 'issues',
                render: (_, row) =>
                  row.issues.map((i) => (
                    <div key={`${i.column}:${i.code}`}>
                      {i.columnName && <Typography.Text strong>{i.columnName}：</Typography.Text>}
                      {i.message}
                    </div>
                  )),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
