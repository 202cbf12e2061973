import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';

type Hit = Schemas['CrosscheckHit'];
type Status = 'standing' | 'open' | 'confirmed' | 'explained' | 'closed' | 'resolved';

const STATUS_COLORS: Record<string, string> = {
  open: 'orange',
  confirmed: 'blue',
  explained: 'purple',
  closed: 'default',
  resolved: 'green',
};

function StatusTag({ hit }: { hit: Pick<Hit, 'status' | 'isOverdue'> }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={STATUS_COLORS[hit.status]} data-testid="hit-status">
        {t(`crosscheckStatus.${hit.status}`)}
      </Tag>
      {hit.isOverdue && <Tag color="red">{t('crosscheck.overdue')}</Tag>}
    </Space>
  );
}

/** One hit: the records behind it, its history, and the unit's answers. */
function HitDetail({ id }: { id: number }) {
  const { t, language } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const [isSaving, setSaving] = useState(false);
  const { data: hit, error } = useQuery({
    queryKey: ['crosschecks', 'hit', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/crosschecks/hits/{id}', { params: { path: { id } }, signal })),
  });
  if (error) return <LoadFailed error={error} />;
  if (!hit) return <Card loading />;
  const isMine = me?.organisation?.id === hit.ownerOrganisationId || can('crosschecks:manage');
  const isStanding = ['open', 'confirmed', 'explained'].includes(hit.status);
  const respond = async (action: 'confirm' | 'explain' | 'close') => {
    const text = form.getFieldValue('text') as string | undefined;
    setSaving(true);
    try {
      const body = action === 'confirm' ? { note: text } : { explanation: text };
      const path = `/api/crosschecks/hits/{id}/${action}` as '/api/crosschecks/hits/{id}/close';
      await unwrap(api.POST(path, { params: { path: { id } }, body }));
      form.resetFields();
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['crosschecks'] });
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <>
            {language === 'en' ? hit.ruleTitleEn : hit.ruleTitleZh} <StatusTag hit={hit} />
          </>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('crosscheck.employer')}>
            {`${hit.employer.name}（${hit.employer.creditCode ?? '—'}）`}
          </Descriptions.Item>
          <Descriptions.Item label={t('crosscheck.jurisdiction')}>{hit.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label={t('crosscheck.owner')}>
            {hit.ownerOrganisationName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('crosscheck.detectedOn')}>{hit.detectedOn}</Descriptions.Item>
          <Descriptions.Item label={t('crosscheck.deadline')}>{hit.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('crosscheck.detectedBy')}>
            {hit.detectedByBatchId ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('crosscheck.resolvedBy')}>
            {hit.resolvedByBatchId ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('crosscheck.explanation')}>{hit.explanation ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('crosscheck.evidence')}>
        <Descriptions column={1} size="small" bordered data-testid="hit-evidence">
          {Object.entries(hit.evidence).map(([key, value]) => (
            <Descriptions.Item key={key} label={key}>
              {value === null ? '—' : String(value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card title={t('crosscheck.history')}>
        <Timeline
          items={hit.events.map((e) => ({
            color: e.action === 'resolved' ? 'green' : e.action === 'escalated' ? 'red' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{t(`crosscheckEvent.${e.action}`)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {`${e.username ?? ''} · ${e.at.slice(0, 16).replace('T', ' ')}${e.batchId ? ` · #${e.batchId}` : ''}`}
                </Typography.Text>
                {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      {isMine && isStanding && can('crosschecks:respond') && (
        <Card title={t('common.actions')}>
          <Typography.Paragraph type="secondary">
            {t('crosscheck.correctHint')} <Link to="/exchange">{t('crosscheck.correct')}</Link>
          </Typography.Paragraph>
          <Form form={form} layout="vertical">
            <Form.Item name="text" label={t('crosscheck.explanation')}>
              <Input.TextArea rows={3} data-testid="hit-text" />
            </Form.Item>
            <Space wrap>
              {hit.status === 'open' && (
                <Button loading={isSaving} onClick={() => respond('confirm')} data-testid="hit-confirm">
                  {t('crosscheck.confirm')}
                </Button>
              )}
              <Button loading={isSaving} onClick={() => respond('explain')} data-testid="hit-explain">
                {t('crosscheck.explain')}
              </Button>
              <Button
                type="primary"
                loading={isSaving}
                onClick={() => respond('close')}
                data-testid="hit-close"
              >
                {t('crosscheck.close')}
              </Button>
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}

/** 数据比对 (AN-6): hits by rule and status; HRSS sees its scope's, a member unit those it answers. */
export default function CrosschecksPage() {
  const { id } = useParams();
  const { t, language } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const rule = params.get('rule') ?? undefined;
  const [status, setStatus] = useState<Status>('standing');
  const [page, setPage] = useState(1);
  const code = current?.code;
  const { data, error, isFetching } = useQuery({
    queryKey: ['crosschecks', 'hits', code, rule, status, page],
    enabled: !id && Boolean(code),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/crosschecks/hits', {
          params: { query: { jurisdiction: code, rule, status, page, pageSize: 20 } },
          signal,
        }),
      ),
  });
  if (id) return <HitDetail id={Number(id)} />;
  if (error) return <LoadFailed error={error} />;
  const runAll = async () => {
    if (!code) return;
    try {
      const r = await unwrap(api.POST('/api/crosschecks/runs', { body: { jurisdictionCode: code } }));
      message.success(t('crosscheck.runDone', { raised: r.raised, resolved: r.resolved }));
      await queryClient.invalidateQueries({ queryKey: ['crosschecks'] });
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };
  const columns: ColumnsType<Hit> = [
    {
      title: t('crosscheck.rule'),
      dataIndex: 'rule',
      render: (_: string, row) => (
        <Link to={`/crosschecks/hits/${row.id}`}>
          {language === 'en' ? row.ruleTitleEn : row.ruleTitleZh}
        </Link>
      ),
    },
    { title: t('crosscheck.employer'), render: (_: unknown, row) => row.employer.name, width: 220 },
    { title: t('crosscheck.jurisdiction'), dataIndex: 'jurisdictionName', width: 110 },
    { title: t('crosscheck.owner'), dataIndex: 'ownerOrganisationName', width: 190 },
    { title: t('crosscheck.detectedOn'), dataIndex: 'detectedOn', width: 110 },
    { title: t('crosscheck.deadline'), dataIndex: 'deadline', width: 110 },
    { title: t('crosscheck.status'), width: 150, render: (_: unknown, row) => <StatusTag hit={row} /> },
  ];
  return (
    <Card
      title={t('crosscheck.title')}
      extra={
        can('crosschecks:manage') && (
          <Button onClick={runAll} data-testid="crosscheck-run">
            {t('crosscheck.runAll')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 320, maxWidth: '100%' }}
          value={rule ?? ''}
          onChange={(v) => {
            setPage(1);
            setParams(v ? { rule: v } : {});
          }}
          options={[
            { value: '', label: t('crosscheck.allRules') },
            ...(data?.byRule ?? []).map((r) => ({
              value: r.rule,
              label: `${language === 'en' ? r.titleEn : r.titleZh}（${t('crosscheck.open')} ${r.open}）`,
            })),
          ]}
          data-testid="crosscheck-rule"
        />
        <Segmented
          value={status}
          onChange={(v) => {
            setPage(1);
            setStatus(v as Status);
          }}
          options={(['standing', 'open', 'confirmed', 'explained', 'closed', 'resolved'] as const).map(
            (s) => ({
              value: s,
              label: t(`crosscheckStatus.${s}`),
            }),
          )}
        />
      </Space>
      <Table
        rowKey="id"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        data-testid="crosscheck-hits"
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        onRow={(row) => (row.isOverdue ? { style: { background: '#fff1f0' } } : {})}
      />
    </Card>
  );
}
