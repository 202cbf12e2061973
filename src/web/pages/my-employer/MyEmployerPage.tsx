import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Progress,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatRate, formatYuan } from '../rates/rates-format';

type MyEmployer = Schemas['MyEmployer'];
type Rectification = MyEmployer['rectifications'][number];

const KEY = ['my-employer'] as const;

const RECTIFICATION_COLOR: Record<string, string> = {
  issued: 'orange',
  rectifying: 'blue',
  closed: 'green',
  overdue: 'red',
};

/**
 * 本单位 (issue 17 item 7): the employer's own record on one page — headcount and injuries by year,
 * its injured workers (masked), rectification suggestions to answer, key-post coverage, rate
 * notices and the prevention projects it may declare.
 */
export default function MyEmployerPage() {
  const { t, language: lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [answering, setAnswering] = useState<Rectification | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const { data } = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api/my-employer', { signal })),
  });
  const joinable = useQuery({
    queryKey: [...KEY, 'projects'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/my-employer/projects', { signal })),
  });
  const answer = useMutation({
    mutationFn: (v: { id: number; note: string }) =>
      unwrap(
        api.POST('/api/my-employer/rectifications/{id}/answers', {
          params: { path: { id: v.id } },
          body: { note: v.note },
        }),
      ),
    onSuccess: () => {
      message.success(t('myEmployer.answered'));
      setAnswering(null);
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => showError(e, (m) => message.error(m), form),
  });
  if (!data) return null;
  if (!data.employer) return <Empty description={t('myEmployer.none')} />;
  const { employer, training } = data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="my-employer">
      <Card title={employer.name}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('myEmployer.creditCode')}>
            {employer.creditCode ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('myEmployer.industry')}>
            {employer.industryCode ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('myEmployer.jurisdiction')}>
            {employer.jurisdictionName}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={t('myEmployer.years')}
        extra={<Typography.Text type="secondary">{data.counting}</Typography.Text>}
      >
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={data.years}
          data-testid="my-employer-years"
          columns={[
            { title: t('myEmployer.year'), dataIndex: 'year' },
            {
              title: t('myEmployer.averageInsured'),
              dataIndex: 'averageInsured',
              render: (v: number | null) =>
                v === null ? <Tag color="red">{t('myEmployer.noHeadcount')}</Tag> : v,
            },
            { title: t('myEmployer.injuries'), dataIndex: 'injuries' },
            { title: t('myEmployer.deaths'), dataIndex: 'deaths' },
          ]}
        />
      </Card>

      <Card title={`${t('myEmployer.injuryList')}（${data.injuries.total}）`}>
        <Alert type="info" showIcon title={t('myEmployer.masked')} style={{ marginBottom: 12 }} />
        <Table
          size="small"
          rowKey="id"
          dataSource={data.injuries.items}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="my-employer-injuries"
          columns={[
            { title: t('myEmployer.caseNo'), dataIndex: 'caseNo' },
            { title: t('myEmployer.person'), dataIndex: 'personName' },
            { title: t('myEmployer.idNumber'), dataIndex: 'idNumber' },
            { title: t('myEmployer.ageBand'), dataIndex: 'ageBand' },
            { title: t('myEmployer.occurredOn'), dataIndex: 'occurredOn' },
            { title: t('myEmployer.determinedOn'), dataIndex: 'determinedOn' },
            { title: t('myEmployer.post'), dataIndex: 'post' },
            {
              title: t('myEmployer.severity'),
              dataIndex: 'isDeath',
              render: (isDeath: boolean, r) =>
                isDeath ? <Tag color="red">{t('myEmployer.death')}</Tag> : t(`severity.${r.severity}`),
            },
          ]}
        />
      </Card>

      <Card title={t('myEmployer.rectifications')}>
        {data.rectifications.length === 0 ? (
          <Empty description={t('myEmployer.noRectifications')} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="my-employer-rectifications">
            {data.rectifications.map((r) => (
              <Card
                key={r.id}
                size="small"
                title={
                  <Space>
                    <Tag color={RECTIFICATION_COLOR[r.displayStatus]}>
                      {t(`myEmployer.status.${r.displayStatus}`)}
                    </Tag>
                    {r.finding}
                  </Space>
                }
                extra={
                  r.status !== 'closed' && (
                    <Button
                      type="primary"
                      size="small"
                      onClick={() => setAnswering(r)}
                      data-testid="answer-rectification"
                    >
                      {t('myEmployer.answer')}
                    </Button>
                  )
                }
              >
                <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                  <Descriptions.Item label={t('myEmployer.suggestion')}>{r.suggestion}</Descriptions.Item>
                  <Descriptions.Item label={t('myEmployer.deadline')}>{r.deadline}</Descriptions.Item>
                  <Descriptions.Item label={t('myEmployer.responsible')}>
                    {r.responsibleName}
                  </Descriptions.Item>
                </Descriptions>
                {r.followUps.length > 0 && (
                  <Timeline
                    style={{ marginTop: 12 }}
                    items={r.followUps.map((f) => ({
                      content: `${f.createdAt.slice(0, 10)} ${f.username}：${f.note}`,
                    }))}
                  />
                )}
              </Card>
            ))}
          </Space>
        )}
      </Card>

      <Card title={t('myEmployer.training')} extra={<Link to="/training">{t('myEmployer.holders')}</Link>}>
        {!training?.isKeyEnterprise ? (
          <Typography.Text type="secondary">{t('myEmployer.notKey')}</Typography.Text>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space size="large" wrap>
              <Progress
                type="circle"
                size={96}
                percent={training.coveragePct ?? 0}
                status={
                  training.meetsTarget === false ? 'exception' : training.meetsTarget ? 'success' : 'normal'
                }
              />
              <Typography.Text>
                {t('myEmployer.coverage', {
                  held: String(training.held),
                  due: String(training.due),
                  trained: String(training.trained),
                  target: training.targetPct === null ? '—' : `${training.targetPct}%`,
                })}
              </Typography.Text>
            </Space>
            <Table
              size="small"
              rowKey="roleCode"
              pagination={false}
              dataSource={training.byRole}
              columns={[
                { title: t('myEmployer.role'), render: (_, r) => (lang === 'zh' ? r.nameZh : r.nameEn) },
                { title: t('myEmployer.held'), dataIndex: 'held' },
                { title: t('myEmployer.due'), dataIndex: 'due' },
                { title: t('myEmployer.trained'), dataIndex: 'trained' },
                {
                  title: '%',
                  dataIndex: 'coveragePct',
                  render: (v: number | null) => (v === null ? '—' : `${v}%`),
                },
              ]}
            />
          </Space>
        )}
      </Card>

      <Card title={t('myEmployer.rates')} extra={<Link to="/own-rates">{t('myEmployer.rateDetails')}</Link>}>
        {data.rateNotices.length === 0 ? (
          <Typography.Text type="secondary">{t('rates.own.none')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="assignmentId"
            pagination={false}
            dataSource={data.rateNotices}
            columns={[
              { title: t('myEmployer.rateYear'), dataIndex: 'rateYear' },
              {
                title: t('myEmployer.rate'),
                render: (_, n) => formatRate(n.correctedRateMicro ?? n.rateMicro),
              },
              {
                title: t('myEmployer.multiplier'),
                dataIndex: 'multiplierPct',
                render: (v: number | null) => (v === null ? '—' : `${v}%`),
              },
              {
                title: t('myEmployer.rationale'),
                render: (_, n) => (lang === 'zh' ? n.rationaleZh : n.rationaleEn),
              },
            ]}
          />
        )}
      </Card>

      <Card title={t('myEmployer.projects')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.projects.budgets.length === 0 ? (
            <Typography.Text type="secondary">{t('myEmployer.noBudget')}</Typography.Text>
          ) : (
            data.projects.budgets.map((b) => (
              <Typography.Text key={b.jurisdiction.code}>
                {t('myEmployer.budget', {
                  jurisdiction: b.jurisdiction.name,
                  year: String(b.year),
                  fields: b.keyFields.join('、'),
                })}
              </Typography.Text>
            ))
          )}
          {data.projects.mayDeclare ? (
            <Link to="/own-projects">{t('myEmployer.declare')}</Link>
          ) : (
            <Typography.Text type="secondary">{t('myEmployer.mayNotDeclare')}</Typography.Text>
          )}
          {data.projects.own.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.projects.own}
              columns={[
                { title: t('myEmployer.projectTitle'), dataIndex: 'title' },
                { title: t('myEmployer.year'), dataIndex: 'year' },
                {
                  title: t('myEmployer.projectStatus'),
                  dataIndex: 'status',
                  render: (v: string) => t(`pp.status.${v}`),
                },
                {
                  title: t('myEmployer.requested'),
                  dataIndex: 'requestedFen',
                  render: (v: number) => formatYuan(v),
                },
              ]}
            />
          )}
        </Space>
      </Card>

      <Card title={t('myEmployer.joinable')} data-testid="my-employer-joinable">
        <Typography.Paragraph type="secondary">{t('myEmployer.joinRule')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={joinable.isLoading}
          dataSource={joinable.data?.items ?? []}
          locale={{ emptyText: t('myEmployer.noJoinable') }}
          columns={[
            {
              title: t('myEmployer.projectTitle'),
              dataIndex: 'title',
              render: (v: string, p) => (
                <Space direction="vertical" size={0}>
                  {v}
                  <Typography.Text type="secondary">{p.summary}</Typography.Text>
                </Space>
              ),
            },
            { title: t('myEmployer.joinArea'), render: (_, p) => `${p.jurisdiction.name} · ${p.year}` },
            {
              title: t('myEmployer.projectStatus'),
              dataIndex: 'status',
              render: (v: string) => t(`pp.status.${v}`),
            },
            { title: t('myEmployer.organiser'), render: (_, p) => p.organiser.name },
            {
              title: t('myEmployer.organiserContact'),
              render: (_, p) =>
                p.organiser.contactName || p.organiser.contactPhone ? (
                  <Space direction="vertical" size={0}>
                    {[p.organiser.contactName, p.organiser.contactPhone].filter(Boolean).join(' ')}
                    {p.organiser.address && (
                      <Typography.Text type="secondary">{p.organiser.address}</Typography.Text>
                    )}
                  </Space>
                ) : (
                  (p.organiser.address ?? '—')
                ),
            },
            {
              title: t('myEmployer.deliveredBy'),
              dataIndex: 'serviceOrganisation',
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      </Card>

      <Modal
        open={answering !== null}
        title={answering ? `${t('myEmployer.answer')}：${answering.finding}` : ''}
        onCancel={() => setAnswering(null)}
        confirmLoading={answer.isPending}
        onOk={async () => {
          if (!answering) return;
          const v = await form.validateFields();
          answer.mutate({ id: answering.id, note: v.note });
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('myEmployer.answerNote')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={4} data-testid="answer-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
