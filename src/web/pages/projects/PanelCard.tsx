import { App, Button, Card, Descriptions, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import type { Detail } from './projectActions';

/** The review panel and its verifiable draw (EX-3): commitment, public value, seed, picks, declines. */
export function PanelCard({ project, onChange }: { project: Detail; onChange(project: Detail): void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [verify, setVerify] = useState<{ isValid: boolean } | null>(null);
  const id = project.id;
  const path = { params: { path: { id } } };

  const decline = (memberId: number) => {
    let text = '';
    Modal.confirm({
      title: t('pp.declineTitle'),
      content: (
        <Input
          placeholder={t('pp.declineReason')}
          onChange={(e) => (text = e.target.value)}
          data-testid="decline-reason"
        />
      ),
      onOk: async () => {
        try {
          onChange(
            await unwrap(
              api.POST('/api/projects/{id}/panel/{memberId}/decline', {
                params: { path: { id, memberId } },
                body: { reason: text },
              }),
            ),
          );
        } catch (e) {
          showError(e, (m) => message.error(m));
        }
      },
    });
  };

  const runVerify = async () => {
    try {
      setVerify(await unwrap(api.GET('/api/projects/{id}/draw/verify', path)));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  return (
    <Card
      title={t('pp.panelTitle')}
      extra={
        project.draw?.status === 'drawn' && (
          <Button onClick={runVerify} data-testid="verify-draw">
            {t('pp.verify')}
          </Button>
        )
      }
    >
      {project.draw && (
        <Descriptions column={2} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('pp.commitment')}>
            <Typography.Text code copyable>
              {project.draw.commitment}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('pp.beaconSource')}>{project.draw.beaconSource}</Descriptions.Item>
          <Descriptions.Item label={t('pp.beaconValue')}>{project.draw.beaconValue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('pp.seed')}>
            <Typography.Text code>{project.draw.seed ?? '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('pp.candidates')}>
            {project.draw.candidates?.length ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('pp.exclusions')}>
            {(project.draw.exclusions ?? []).map((e) => `#${e.id} ${e.reasons.join(',')}`).join('；') || '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      {verify && (
        <Tag color={verify.isValid ? 'green' : 'red'} data-testid="verify-result">
          {verify.isValid ? t('pp.verified') : t('pp.notVerified')}
        </Tag>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={project.panel}
        data-testid="panel-table"
        columns={[
          { title: '#', dataIndex: 'step', width: 50 },
          { title: t('pp.expert'), dataIndex: 'expertName' },
          { title: t('pp.field'), dataIndex: 'field', render: (v: string | null) => v ?? t('pp.openSlot') },
          {
            title: t('pp.status'),
            dataIndex: 'status',
            render: (v: string, row) =>
              v === 'declined' ? (
                <Tag color="red">{`${t('pp.declined')}：${row.declineReason}`}</Tag>
              ) : (
                <Tag>{t('pp.invited')}</Tag>
              ),
          },
          { title: t('pp.total'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_, row) =>
              project.status === 'reviewing' &&
              row.status === 'invited' &&
              !row.scoredAt &&
              can('projects:manage') ? (
                <Button size="small" onClick={() => decline(row.id)}>
                  {t('pp.recordDecline')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
