import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, downloadFile, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina, linkedYearOf } from '../../time';
import { formatRate, formatYuan, STATUS_COLOR } from './rates-format';

type RuleSet = Schemas['RateRuleSetList']['items'][number];
type Example = Schemas['RateRuleSetExample'];
type Simulation = Schemas['RateSimulation'];
type Run = Schemas['RateRun'];
type Assignment = Schemas['RateAssignment'];
type Appeal = Schemas['RateAppeal'];

/** Field errors of a refused rule set, listed (the definition is one JSON field). */
function ProblemList({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={
        <ul style={{ margin: 0 }} data-testid="rule-problems">
          {error.fields.map((f) => (
            <li key={`${f.field}-${f.code}`}>
              <code>{f.field}</code> {f.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function DraftModal({
  open,
  onClose,
  onDrafted,
}: {
  open: boolean;
  onClose: () => void;
  onDrafted: () => void;
}) {
  const { t, language } = useI18n();
  const { current } = useJurisdiction();
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError | null>(null);
  const examplesQuery = useQuery({
    queryKey: ['rates', 'examples'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/rates/examples', { signal })),
  });
  const examples: Example[] = examplesQuery.data?.items ?? [];
  const pick = (key: string) => {
    const e = examples.find((x) => x.key === key);
    if (e)
      form.setFieldsValue({
        name: language === 'zh' ? e.nameZh : e.nameEn,
        definition: JSON.stringify(e.definition, null, 2),
      });
  };
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    let definition: unknown;
    try {
      definition = JSON.parse(v.definition);
    } catch {
      form.setFields([{ name: 'definition', errors: [t('rates.draft.badJson')] }]);
      return;
    }
    try {
      await unwrap(
        api.POST('/api/rates/rule-sets', {
          body: {
            jurisdiction: v.jurisdiction,
            name: v.name,
            note: v.note ?? null,
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
            definition: definition as Schemas['RateRuleDefinitionInput'],
            fromExample: v.example,
          },
        }),
      );
      form.resetFields();
      onDrafted();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };
  return (
    <Modal
      open={open}
      width={760}
      title={t('rates.draft.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('rates.draft.submit')}
    >
      <Alert type="info" showIcon title={t('rates.exampleWarning')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ jurisdiction: current?.code }}>
        <Form.Item name="example" label={t('rates.draft.example')}>
          <Select
            data-testid="rates-example"
            allowClear
            onChange={pick}
            options={examples.map((e) => ({ value: e.key, label: language === 'zh' ? e.nameZh : e.nameEn }))}
          />
        </Form.Item>
        <Form.Item name="jurisdiction" label={t('rates.pooling')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('rates.name')} rules={[{ required: true }]}>
          <Input data-testid="rates-name" />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('rates.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker data-testid="rates-effective" />
        </Form.Item>
        <Form.Item name="note" label={t('rates.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="definition"
          label={t('rates.definition')}
          rules={[{ required: true }]}
          extra={t('rates.definitionHint')}
        >
          <Input.TextArea rows={12} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        </Form.Item>
      </Form>
      <ProblemList error={error} />
    </Modal>
  );
}

type MeetingSummary = Schemas['MeetingSummary'];

/** Puts the simulation on a draft or scheduled meeting of the current jurisdiction (FR-2). */
function AttachToAgenda({ ruleSet, year }: { ruleSet: RuleSet; year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [open, setOpen] = useState(false);
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [attached, setAttached] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const code = current?.code;
  // Loaded while the dialog is open, for the header's jurisdiction (in the key).
  const meetingsQuery = useListQuery({
    queryKey: ['meetings', 'list', code],
    enabled: open,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/meetings', { params: { query: { jurisdiction: code } }, signal })),
  });
  const meetings: MeetingSummary[] | null = meetingsQuery.data
    ? meetingsQuery.data.items.filter(
        (m) => (m.status === 'draft' || m.status === 'scheduled') && (!code || m.jurisdictionCode === code),
      )
    : null;
  const show = () => setOpen(true);
  const attach = () => {
    if (meetingId === null) return;
    setBusy(true);
    unwrap(
      api.POST('/api/rates/rule-sets/{id}/simulation/agenda', {
        params: { path: { id: ruleSet.id } },
        body: { meetingId, rateYear: year },
      }),
    )
      .then((m) => {
        setAttached(m.id);
        setOpen(false);
        message.success(t('rates.sim.attached'));
      })
      .catch((e) => showError(e, (m) => message.error(m)))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button onClick={show} data-testid="rates-sim-agenda">
        {t('rates.sim.toAgenda')}
      </Button>
      {attached !== null && (
        <Link to={`/joint-meeting/meetings/${attached}`} data-testid="rates-sim-agenda-link">
          {t('rates.sim.openMeeting')}
        </Link>
      )}
      <Modal
        open={open}
        title={t('rates.sim.toAgenda')}
        onCancel={() => setOpen(false)}
        onOk={attach}
        okButtonProps={
          { disabled: meetingId === null, loading: busy, 'data-testid': 'rates-sim-agenda-ok' } as never
        }
      >
        {meetings !== null && meetings.length === 0 ? (
          <Alert type="info" showIcon message={t('rates.sim.noMeeting')} />
        ) : (
          <Form layout="vertical">
            <Form.Item label={t('rates.sim.meeting')}>
              <Select
                data-testid="rates-sim-meeting"
                loading={meetings === null}
                value={meetingId ?? undefined}
                onChange={setMeetingId}
                options={(meetings ?? []).map((m) => ({
                  value: m.id,
                  label: `${m.title}（${m.plannedOn}）`,
                }))}
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}

function SimulationPanel({ ruleSet }: { ruleSet: RuleSet }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [year, setYear] = useState(currentYearInChina());
  const [sim, setSim] = useState<Simulation | null>(null);
  const query = { jurisdiction: current?.code, rateYear: year };
  const run = () =>
    unwrap(api.GET('/api/rates/rule-sets/{id}/simulation', { params: { path: { id: ruleSet.id }, query } }))
      .then(setSim)
      .catch((e) => showError(e, (m) => message.error(m)));
  const change = sim ? sim.draft.incomeFen - sim.adopted.incomeFen : 0;
  const table = (
    a: Record<string, number>,
    b: Record<string, number>,
    label: (k: string) => string,
    money: boolean,
  ) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .sort((x, y) => (Number(x) || 0) - (Number(y) || 0) || x.localeCompare(y))
      .map((k) => ({ key: k, label: label(k), draft: a[k] ?? 0, adopted: b[k] ?? 0, money }));
  const compare = [
    { title: '', dataIndex: 'label' },
    {
      title: t('rates.sim.draft'),
      dataIndex: 'draft',
      render: (v: number, r: { money: boolean }) => (r.money ? formatYuan(v) : v),
    },
    {
      title: t('rates.sim.adopted'),
      dataIndex: 'adopted',
      render: (v: number, r: { money: boolean }) => (r.money ? formatYuan(v) : v),
    },
  ];
  return (
    <Card size="small" title={`${t('rates.sim.title')} · ${ruleSet.name}`} style={{ marginTop: 16 }}>
      <Space style={{ marginBottom: 12 }}>
        {t('rates.rateYear')}
        <InputNumber value={year} onChange={(v) => setYear(Number(v))} min={2000} max={2100} />
        <Button type="primary" onClick={run} data-testid="rates-simulate">
          {t('rates.sim.run')}
        </Button>
        {sim && (
          <Button
            onClick={() =>
              downloadFile(
                `/api/rates/rule-sets/${ruleSet.id}/simulation.xlsx?rateYear=${year}${current ? `&jurisdiction=${current.code}` : ''}`,
              ).catch((e) => showError(e, (m) => message.error(m)))
            }
          >
            {t('rates.sim.xlsx')}
          </Button>
        )}
        {sim && <AttachToAgenda ruleSet={ruleSet} year={year} />}
      </Space>
      {sim && (
        <>
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('rates.sim.incomeDraft')} value={formatYuan(sim.draft.incomeFen)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('rates.sim.incomeAdopted')} value={formatYuan(sim.adopted.incomeFen)} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('rates.sim.change')}
                value={formatYuan(change)}
                valueStyle={{ color: change < 0 ? '#cf1322' : '#389e0d' }}
                prefix={change > 0 ? '+' : ''}
              />
              <span data-testid="rates-income-change" hidden>
                {change}
              </span>
            </Col>
            <Col span={6}>
              <Statistic
                title={t('rates.sim.balance')}
                value={
                  sim.draft.balanceRatio === null
                    ? '—'
                    : `${(sim.draft.balanceRatio * 100).toFixed(1)}% / ${((sim.adopted.balanceRatio ?? 0) * 100).toFixed(1)}%`
                }
              />
            </Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 12 }}>
            <Col span={8}>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                columns={compare}
                dataSource={table(
                  sim.draft.byTier,
                  sim.adopted.byTier,
                  (k) => `${t('rates.tier')} ${k}%`,
                  false,
                )}
              />
            </Col>
            <Col span={8}>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                columns={compare}
                dataSource={table(
                  sim.draft.incomeByClass,
                  sim.adopted.incomeByClass,
                  (k) => `${t('rates.riskClass')} ${k}`,
                  true,
                )}
              />
            </Col>
            <Col span={8}>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                columns={compare}
                dataSource={table(
                  sim.draft.incomeByPrefecture,
                  sim.adopted.incomeByPrefecture,
                  (k) => k,
                  true,
                )}
              />
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('rates.sim.movers')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="employerId"
            pagination={{ pageSize: 10 }}
            dataSource={sim.movers}
            columns={[
              { title: t('rates.employer'), dataIndex: 'employerName' },
              { title: t('rates.riskClass'), dataIndex: 'riskClass' },
              { title: t('rates.sim.adopted'), dataIndex: 'adoptedRateMicro', render: formatRate },
              { title: t('rates.sim.draft'), dataIndex: 'draftRateMicro', render: formatRate },
              { title: t('rates.sim.premiumChange'), dataIndex: 'changeFen', render: formatYuan },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function RuleSetsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [drafting, setDrafting] = useState(false);
  const [simulated, setSimulated] = useState<RuleSet | null>(null);
  const ruleSets = useListQuery({
    queryKey: ['rates', 'rule-sets'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/rates/rule-sets', { signal })),
  });
  const items: RuleSet[] = ruleSets.data?.items ?? [];
  const load = () => queryClient.invalidateQueries({ queryKey: ['rates', 'rule-sets'] });
  const act = (call: () => Promise<unknown>) =>
    call()
      .then(() => {
        message.success(t('common.saved'));
        load();
      })
      .catch((e) => showError(e, (m) => message.error(m)));
  const review = (r: RuleSet, decision: 'approve' | 'return') =>
    act(() =>
      unwrap(
        api.POST('/api/rates/rule-sets/{id}/review', { params: { path: { id: r.id } }, body: { decision } }),
      ),
    );
  const adopt = (r: RuleSet) =>
    modal.confirm({
      title: t('rates.adoptConfirm'),
      onOk: () =>
        act(() => unwrap(api.POST('/api/rates/rule-sets/{id}/adopt', { params: { path: { id: r.id } } }))),
    });
  return (
    <>
      {can('rates:manage') && (
        <Button
          type="primary"
          onClick={() => setDrafting(true)}
          style={{ marginBottom: 12 }}
          data-testid="rates-draft"
        >
          {t('rates.draft.title')}
        </Button>
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('rates.pooling'), dataIndex: 'jurisdictionName' },
          { title: t('rates.version'), dataIndex: 'version', width: 70 },
          {
            title: t('rates.name'),
            dataIndex: 'name',
            render: (name: string, r: RuleSet) => (
              <Space>
                {name}
                {r.isExample && <Tag color="orange">{t('rates.example')}</Tag>}
              </Space>
            ),
          },
          { title: t('rates.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
          {
            title: t('rates.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`rates.ruleStatus.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            render: (_: unknown, r: RuleSet) => (
              <Space>
                <Button size="small" onClick={() => setSimulated(r)} data-testid={`rates-sim-${r.id}`}>
                  {t('rates.sim.open')}
                </Button>
                {can('rates:review') && r.status === 'draft' && (
                  <>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => review(r, 'approve')}
                      data-testid={`rates-approve-${r.id}`}
                    >
                      {t('rates.approve')}
                    </Button>
                    <Button size="small" onClick={() => review(r, 'return')}>
                      {t('rates.return')}
                    </Button>
                  </>
                )}
                {can('rates:manage') && r.status === 'reviewed' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => adopt(r)}
                    data-testid={`rates-adopt-${r.id}`}
                  >
                    {t('rates.adopt')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {simulated && <SimulationPanel key={simulated.id} ruleSet={simulated} />}
      <DraftModal
        open={drafting}
        onClose={() => setDrafting(false)}
        onDrafted={() => {
          setDrafting(false);
          load();
        }}
      />
    </>
  );
}

function RunsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const [year, setYear] = useState(() => linkedYearOf(searchParams));
  // The run clicked (or just made) under the jurisdiction it was chosen in; otherwise the current run.
  const [chosen, setChosen] = useState<{ code: string | undefined; run: Run } | null>(null);
  const [page, setPage] = useState(1);
  const code = current?.code;
  const runsQuery = useListQuery({
    queryKey: ['rates', 'runs', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/rates/runs', { params: { query: { jurisdiction: code } }, signal })),
  });
  const runs: Run[] = runsQuery.data?.items ?? [];
  const selected =
    (chosen?.code === code ? chosen?.run : undefined) ?? runs.find((x) => x.supersededAt === null) ?? null;
  const setSelected = (run: Run) => setChosen({ code, run });
  const assignmentsQuery = useListQuery({
    queryKey: ['rates', 'assignments', selected?.id, page],
    enabled: selected !== null,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/rates/runs/{id}/assignments', {
          params: { path: { id: selected?.id as number }, query: { page, pageSize: 20 } },
          signal,
        }),
      ),
  });
  const assignments: { total: number; items: Assignment[] } | null = assignmentsQuery.data ?? null;
  const load = () => queryClient.invalidateQueries({ queryKey: ['rates', 'runs'] });
  const rate = () =>
    current &&
    unwrap(api.POST('/api/rates/runs', { body: { jurisdiction: current.code, rateYear: year } }))
      .then((run) => {
        message.success(t('rates.run.done', { n: run.summary.employers }));
        setSelected(run);
        load();
      })
      .catch((e) => showError(e, (m) => message.error(m)));
  return (
    <>
      {can('rates:manage') && (
        <Space style={{ marginBottom: 12 }}>
          {current?.name} · {t('rates.rateYear')}
          <InputNumber value={year} onChange={(v) => setYear(Number(v))} min={2000} max={2100} />
          <Button type="primary" onClick={rate} data-testid="rates-run">
            {t('rates.run.start')}
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={runs}
        onRow={(r) => ({
          onClick: () => {
            setSelected(r);
            setPage(1);
          },
        })}
        rowClassName={(r) => (r.id === selected?.id ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('rates.area'), dataIndex: 'jurisdictionName' },
          { title: t('rates.rateYear'), dataIndex: 'rateYear' },
          { title: t('rates.ruleSet'), dataIndex: 'ruleSetName' },
          { title: t('rates.employers'), render: (_: unknown, r: Run) => r.summary.employers },
          { title: t('rates.up'), render: (_: unknown, r: Run) => r.summary.up },
          { title: t('rates.down'), render: (_: unknown, r: Run) => r.summary.down },
          {
            title: t('rates.incomeChange'),
            render: (_: unknown, r: Run) => formatYuan(r.summary.incomeAtNewFen - r.summary.incomeAtBaseFen),
          },
          {
            title: '',
            render: (_: unknown, r: Run) =>
              r.supersededAt ? <Tag>{t('rates.ruleStatus.superseded')}</Tag> : null,
          },
        ]}
      />
      {assignments && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="id"
          dataSource={assignments.items}
          pagination={{ current: page, pageSize: 20, total: assignments.total, onChange: setPage }}
          columns={[
            {
              title: t('rates.employer'),
              dataIndex: 'employerName',
              render: (v: string, a: Assignment) => <Link to={`/rates/notices/${a.id}`}>{v}</Link>,
            },
            { title: t('rates.area'), dataIndex: 'jurisdictionName' },
            { title: t('rates.riskClass'), dataIndex: 'riskClass' },
            {
              title: t('rates.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`rates.status.${s}`)}</Tag>,
            },
            {
              title: t('rates.tier'),
              dataIndex: 'multiplierPct',
              render: (v: number | null) => (v === null ? '—' : `${v}%`),
            },
            { title: t('rates.rate'), dataIndex: 'rateMicro', render: formatRate },
            { title: t('rates.projectedRate'), dataIndex: 'projectedRateMicro', render: formatRate },
          ]}
        />
      )}
    </>
  );
}

function AppealsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const [form] = Form.useForm();
  const code = current?.code;
  const appeals = useListQuery({
    queryKey: ['rates', 'appeals', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/rates/appeals', { params: { query: { jurisdiction: code } }, signal })),
  });
  const items: Appeal[] = appeals.data?.items ?? [];
  const load = () => queryClient.invalidateQueries({ queryKey: ['rates', 'appeals'] });
  const decide = async () => {
    if (!deciding) return;
    const v = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/rates/appeals/{id}/decision', { params: { path: { id: deciding.id } }, body: v }),
      );
      setDeciding(null);
      form.resetFields();
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={false}
        columns={[
          {
            title: t('rates.employer'),
            dataIndex: 'employerName',
            render: (v: string, a: Appeal) => <Link to={`/rates/notices/${a.assignmentId}`}>{v}</Link>,
          },
          { title: t('rates.appeal.reason'), dataIndex: 'reason' },
          {
            title: t('rates.appeal.files'),
            render: (_: unknown, a: Appeal) => (
              <Space direction="vertical" size={0}>
                {a.files.map((f) => (
                  <Typography.Link
                    key={f.id}
                    onClick={() =>
                      downloadFile(`/api/rates/appeal-files/${f.id}`).catch((e) =>
                        showError(e, (m) => message.error(m)),
                      )
                    }
                  >
                    {f.fileName}
                  </Typography.Link>
                ))}
              </Space>
            ),
          },
          {
            title: t('rates.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`rates.appealStatus.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            render: (_: unknown, a: Appeal) =>
              can('rates:manage') && a.status === 'submitted' ? (
                <Button size="small" onClick={() => setDeciding(a)} data-testid={`rates-decide-${a.id}`}>
                  {t('rates.appeal.decide')}
                </Button>
              ) : (
                a.decisionNote
              ),
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title={t('rates.appeal.decide')}
        onCancel={() => setDeciding(null)}
        onOk={decide}
      >
        <Form form={form} layout="vertical" initialValues={{ decision: 'upheld' }}>
          <Form.Item name="decision" label={t('rates.appeal.decision')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'upheld', label: t('rates.appealStatus.upheld') },
                { value: 'dismissed', label: t('rates.appealStatus.dismissed') },
              ]}
            />
          </Form.Item>
          <Form.Item name="correctedMultiplierPct" label={t('rates.appeal.correctedTier')}>
            <Select
              allowClear
              data-testid="rates-corrected-tier"
              options={[50, 80, 100, 120, 150].map((v) => ({ value: v, label: `${v}%` }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('rates.appeal.decisionNote')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="rates-decision-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Premium-rate floating (FR-1, FR-2): rule sets with 财政's review and simulation, rating runs, appeals. */
export default function RatesPage() {
  const { t } = useI18n();
  // A link may open a tab (?tab=runs&year=2026: a scorecard score's rating runs).
  const [searchParams] = useSearchParams();
  return (
    <Card title={t('nav.rates')}>
      <Tabs
        defaultActiveKey={searchParams.get('tab') ?? undefined}
        items={[
          { key: 'rules', label: t('rates.tab.rules'), children: <RuleSetsTab /> },
          { key: 'runs', label: t('rates.tab.runs'), children: <RunsTab /> },
          { key: 'appeals', label: t('rates.tab.appeals'), children: <AppealsTab /> },
        ]}
      />
    </Card>
  );
}
