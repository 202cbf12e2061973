import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, downloadFile, type Schemas, showError, unwrap, uploadFile } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina, linkedYearOf, todayInChina } from '../../time';
import { CoverageMap, type MapArea } from './CoverageMap';
import { ExampleFigures } from './ExampleFigures';
import { OrganisationPicker } from './OrganisationPicker';

type Board = Schemas['QuotaBoard'];
type Campaign = Schemas['Campaign'];
type Base = Schemas['WarningBase'];
type Coverage = Schemas['BaseCoverage'];
type Example = Schemas['AdvancedExample'];

export const CELL_COLOR = { held: 'green', planned: 'gold', none: 'red' } as const;
const BASE_COLOR = { applied: 'blue', designated: 'green', rejected: 'default', withdrawn: 'red' } as const;
const CHANNELS = ['tv', 'newspaper', 'new_media', 'on_site', 'online_course', 'other'] as const;
const DATE = 'YYYY-MM-DD';

function useNotify() {
  const { message } = App.useApp();
  return useCallback((e: unknown) => showError(e, (m) => message.error(m)), [message]);
}

/** The quota board: key industries × areas, green/amber/red, reach, drill-down, XLSX. */
function BoardTab() {
  const { t } = useI18n();
  const notify = useNotify();
  const { current } = useJurisdiction();
  const [searchParams] = useSearchParams();
  const [year, setYear] = useState(() => linkedYearOf(searchParams));
  const [area, setArea] = useState<string | null>(null);
  const [drill, setDrill] = useState<Campaign[] | null>(null);
  const code = area ?? current?.code;
  // The key holds the area and the year: a late answer for an earlier one cannot fill the board.
  const { data: board } = useListQuery({
    queryKey: ['publicity', 'board', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/publicity/quota-board', { params: { query: { jurisdiction: code, year } }, signal }),
      ),
  });
  if (!board) return null;
  const openCell = async (ids: number[]) => {
    const list = await unwrap(
      api.GET('/api/publicity/campaigns', {
        params: { query: { jurisdiction: board.jurisdictionCode, year } },
      }),
    ).catch(notify);
    if (list) setDrill(list.items.filter((c) => ids.includes(c.id)));
  };
  const columns = [
    {
      title: t('pu.area'),
      key: 'area',
      fixed: 'left' as const,
      render: (_: unknown, a: Board['areas'][number]) =>
        a.code === board.jurisdictionCode ? (
          `${a.name}（${t('pu.ownLevel')}）`
        ) : (
          <Typography.Link onClick={() => setArea(a.code)}>{a.name}</Typography.Link>
        ),
    },
    ...board.industries.map((industry) => ({
      title: industry.name,
      key: `i${industry.id}`,
      render: (_: unknown, a: Board['areas'][number]) => {
        const cell = board.cells.find((c) => c.industryId === industry.id && c.areaCode === a.code);
        const status = cell?.status ?? 'none';
        return (
          <Tag
            color={CELL_COLOR[status]}
            data-testid={`cell-${industry.name}-${a.code}`}
            data-status={status}
            style={{ cursor: cell?.campaignIds.length ? 'pointer' : undefined }}
            onClick={() => cell?.campaignIds.length && openCell(cell.campaignIds)}
          >
            {t(`pu.${status}`)}
          </Tag>
        );
      },
    })),
    {
      title: t('pu.campaigns'),
      key: 'held',
      render: (_: unknown, a: Board['areas'][number]) =>
        board.areaTotals.find((x) => x.areaCode === a.code)?.held ?? 0,
    },
    {
      title: t('pu.views'),
      key: 'views',
      render: (_: unknown, a: Board['areas'][number]) =>
        board.areaTotals.find((x) => x.areaCode === a.code)?.reach.views ?? 0,
    },
    {
      title: t('pu.participants'),
      key: 'participants',
      render: (_: unknown, a: Board['areas'][number]) =>
        board.areaTotals.find((x) => x.areaCode === a.code)?.reach.participants ?? 0,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber
          value={year}
          min={2021}
          max={2100}
          onChange={(v) => v && setYear(v)}
          addonBefore={t('pu.year')}
        />
        {area && <Button onClick={() => setArea(null)}>{current?.name}</Button>}
        <Button
          onClick={() =>
            downloadFile(
              `/api/publicity/quota-board/export?jurisdiction=${board.jurisdictionCode}&year=${year}`,
            ).catch(notify)
          }
        >
          {t('pu.export')}
        </Button>
      </Space>
      <Space size="large" wrap>
        <Statistic title={t('pu.heldPct')} value={board.summary.heldPct ?? 0} suffix="%" />
        <Statistic title={t('pu.held')} value={board.summary.held} />
        <Statistic title={t('pu.planned')} value={board.summary.planned} />
        <Statistic title={t('pu.none')} value={board.summary.none} />
        <Statistic title={t('pu.views')} value={board.summary.reach.views} />
        <Statistic title={t('pu.participants')} value={board.summary.reach.participants} />
        <Statistic title={t('pu.enterprisesReached')} value={board.summary.reach.enterprisesReached} />
      </Space>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={board.areas}
        columns={columns}
        data-testid="quota-board"
      />
      <Modal
        open={drill !== null}
        onCancel={() => setDrill(null)}
        footer={null}
        title={t('pu.drill')}
        width={720}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={drill ?? []}
          columns={campaignColumns(t)}
        />
      </Modal>
    </Space>
  );
}

function campaignColumns(t: (k: string) => string) {
  return [
    { title: t('pu.title'), dataIndex: 'title' },
    { title: t('pu.jurisdiction'), dataIndex: 'jurisdictionName' },
    {
      title: t('pu.industries'),
      key: 'industries',
      render: (_: unknown, c: Campaign) =>
        c.industries.map((i) => (
          <Tag
            key={i.name}
            color={i.isKey ? undefined : 'orange'}
            title={i.isKey ? undefined : t('pu.notKey')}
          >
            {i.name}
          </Tag>
        )),
    },
    { title: t('pu.startsOn'), dataIndex: 'startsOn' },
    { title: t('pu.endsOn'), dataIndex: 'endsOn' },
    {
      title: t('pu.status'),
      dataIndex: 'status',
      render: (s: string) => <Tag data-testid="campaign-status">{t(`pu.status.${s}`)}</Tag>,
    },
    { title: t('pu.views'), dataIndex: 'views' },
  ];
}

/** Campaigns: plan, record, accept, files. */
function CampaignsTab() {
  const { t, language } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const notify = useNotify();
  const { current } = useJurisdiction();
  const [creating, setCreating] = useState(false);
  const [recording, setRecording] = useState<Campaign | null>(null);
  const [form] = Form.useForm();
  const organiserKind = Form.useWatch('organiserKind', form);
  const [recordForm] = Form.useForm();
  const queryClient = useQueryClient();
  const code = current?.code;
  const { data: list } = useListQuery({
    queryKey: ['publicity', 'campaigns', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/publicity/campaigns', { params: { query: { jurisdiction: code } }, signal })),
  });
  const items = list?.items ?? [];
  const load = () => queryClient.invalidateQueries({ queryKey: ['publicity'] });
  const topics = useListQuery({
    queryKey: ['publicity', 'topics', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/publicity/topics', { params: { query: { jurisdiction: code } }, signal })),
  });
  const topicNames = topics.data?.items ?? [];
  useEffect(() => {
    if (topics.data) form.setFieldsValue({ topics: topics.data.items.slice(0, 1).map((i) => i.code) });
  }, [topics.data, form]);
  const keyIndustries = useQuery({
    queryKey: ['key-industries', 'key', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/key-industries', {
          params: { query: { jurisdiction: code as string, category: 'key' } },
          signal,
        }),
      ),
  });
  const industries = (keyIndustries.data?.items ?? []).map((i) => i.name);
  const create = async () => {
    const v = await form.validateFields();
    try {
      const saved = await unwrap(
        api.POST('/api/publicity/campaigns', {
          body: {
            jurisdiction: current?.code,
            title: v.title,
            industries: v.industries,
            topics: v.topics,
            organisers: [
              { kind: v.organiserKind, name: v.organiserName, organisationId: v.organiserId ?? null },
            ],
            channels: v.channels,
            occasion: v.occasion || undefined,
            startsOn: v.dates[0].format(DATE),
            endsOn: v.dates[1].format(DATE),
          },
        }),
      );
      if (saved.warnings.length > 0)
        message.warning(
          t('pu.warningNotKey', {
            names: saved.warnings.map((w) => v.industries[Number(w.field.split('.')[1])]).join('、'),
          }),
        );
      else message.success(t('pu.saved'));
      setCreating(false);
      form.resetFields();
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  const record = async () => {
    if (!recording) return;
    const v = await recordForm.validateFields();
    try {
      await unwrap(
        api.POST('/api/publicity/campaigns/{id}/record', {
          params: { path: { id: recording.id } },
          body: {
            events: v.events,
            views: v.views,
            participants: v.participants,
            enterprisesReached: v.enterprisesReached,
            reachSource: v.reachSource,
            summary: v.summary,
            materialLinks: (v.materialLinks ?? '')
              .split('\n')
              .map((s: string) => s.trim())
              .filter(Boolean),
          },
        }),
      );
      message.success(t('pu.saved'));
      setRecording(null);
      recordForm.resetFields();
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), recordForm);
    }
  };
  const accept = async (id: number) => {
    await unwrap(api.POST('/api/publicity/campaigns/{id}/accept', { params: { path: { id } } }))
      .then(load)
      .catch(notify);
  };
  const topicLabel = (code: string) => {
    const topic = topicNames.find((x) => x.code === code);
    return topic ? (language === 'zh' ? topic.zh : topic.en) : code;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('publicity:manage') && (
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-campaign">
          {t('pu.newCampaign')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={items}
        data-testid="campaigns"
        columns={[
          ...campaignColumns(t),
          {
            title: t('pu.topics'),
            key: 'topics',
            render: (_: unknown, c: Campaign) => c.topics.map(topicLabel).join('、'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, c: Campaign) => (
              <Space>
                {can('publicity:report') && c.mayRecord && c.status !== 'accepted' && (
                  <Button size="small" onClick={() => setRecording(c)} data-testid={`record-${c.id}`}>
                    {t('pu.record')}
                  </Button>
                )}
                {can('publicity:manage') && c.status === 'recorded' && (
                  <Button size="small" onClick={() => accept(c.id)}>
                    {t('pu.accept')}
                  </Button>
                )}
                {can('publicity:report') && c.mayRecord && (
                  <Upload
                    showUploadList={false}
                    beforeUpload={(file) => {
                      const kind = file.type.startsWith('image/') ? 'photo' : 'material';
                      uploadFile(
                        `/api/publicity/campaigns/${c.id}/files?fileName=${encodeURIComponent(file.name)}&kind=${kind}`,
                        file,
                      )
                        .then(() => message.success(t('pu.saved')))
                        .catch(notify);
                      return false;
                    }}
                  >
                    <Button size="small">{t('pu.upload')}</Button>
                  </Upload>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('pu.newCampaign')}
        onOk={create}
        onCancel={() => setCreating(false)}
        width={640}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ organiserKind: 'member_unit' }}>
          <Form.Item name="title" label={t('pu.title')} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="campaign-title" />
          </Form.Item>
          <Form.Item name="industries" label={t('pu.industries')} rules={[{ required: true }]}>
            <Select
              mode="tags"
              options={industries.map((i) => ({ value: i, label: i }))}
              data-testid="campaign-industries"
            />
          </Form.Item>
          <Form.Item name="topics" label={t('pu.topics')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={topicNames.map((x) => ({ value: x.code, label: topicLabel(x.code) }))}
            />
          </Form.Item>
          <Space>
            <Form.Item name="organiserKind" label={t('pu.organiserKind')}>
              <Select
                style={{ width: 140 }}
                options={['member_unit', 'association', 'project', 'other'].map((k) => ({
                  value: k,
                  label: t(`pu.org.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="organiserName" label={t('pu.organiserName')} rules={[{ required: true }]}>
              <Input data-testid="campaign-organiser" />
            </Form.Item>
          </Space>
          {(organiserKind === 'member_unit' || organiserKind === 'association') && (
            <Form.Item name="organiserId" label={t('pu.organiserUnit')} extra={t('pu.organiserUnitHint')}>
              <OrganisationPicker
                kind={organiserKind === 'member_unit' ? 'member_department' : 'industry_association'}
                testId="campaign-organiser-unit"
              />
            </Form.Item>
          )}
          <Form.Item name="channels" label={t('pu.channels')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={CHANNELS.map((c) => ({ value: c, label: t(`pu.channel.${c}`) }))}
              data-testid="campaign-channels"
            />
          </Form.Item>
          <Form.Item name="occasion" label={t('pu.occasion')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="dates"
            label={`${t('pu.startsOn')} – ${t('pu.endsOn')}`}
            rules={[{ required: true }]}
          >
            <DatePicker.RangePicker data-testid="campaign-dates" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={recording !== null}
        title={t('pu.record')}
        onOk={record}
        onCancel={() => setRecording(null)}
      >
        <Form form={recordForm} layout="vertical">
          <Space wrap>
            {(['events', 'views', 'participants', 'enterprisesReached'] as const).map((k) => (
              <Form.Item key={k} name={k} label={t(`pu.${k}`)} rules={[{ required: true }]}>
                <InputNumber min={0} precision={0} data-testid={`record-${k}`} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="reachSource" label={t('pu.reachSource')} rules={[{ required: true }]}>
            <Input data-testid="record-source" />
          </Form.Item>
          <Form.Item name="summary" label={t('pu.summary')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="record-summary" />
          </Form.Item>
          <Form.Item name="materialLinks" label={t('pu.materialLinks')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The form of a base application (an employer for itself, or HRSS for a named employer). */
function ApplyModal({
  open,
  employerId,
  onClose,
}: {
  open: boolean;
  employerId: number | null;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/publicity/bases', {
          body: {
            ...v,
            employerId: employerId ?? v.employerId,
            meetingJurisdiction: v.meetingJurisdiction || undefined,
          },
        }),
      );
      message.success(t('pu.saved'));
      form.resetFields();
      onClose(true);
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  return (
    <Modal open={open} title={t('pu.apply')} onOk={submit} onCancel={() => onClose(false)} width={640}>
      <Form form={form} layout="vertical">
        {employerId === null && (
          <Form.Item name="employerId" label={t('pu.employer')} rules={[{ required: true }]}>
            <OrganisationPicker testId="base-employer" />
          </Form.Item>
        )}
        <Form.Item name="meetingJurisdiction" label={t('pu.meeting')} extra={t('pu.meetingHint')}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item name="name" label={t('pu.baseName')} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="base-name" />
        </Form.Item>
        <Form.Item name="address" label={t('pu.address')} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="base-address" />
        </Form.Item>
        <Form.Item name="cases" label={t('pu.cases')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="base-cases" />
        </Form.Item>
        <Form.Item name="exhibits" label={t('pu.exhibits')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="base-exhibits" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="capacity" label={t('pu.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} data-testid="base-capacity" />
          </Form.Item>
          <Form.Item name="openingTimes" label={t('pu.openingTimes')} rules={[{ required: true }]}>
            <Input data-testid="base-opening" />
          </Form.Item>
          <Form.Item name="booking" label={t('pu.booking')} rules={[{ required: true }]}>
            <Input data-testid="base-booking" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** An employer's own base applications and bases, with visits. */
function OwnBasesTab() {
  const { t } = useI18n();
  const { me } = useAuth();
  const notify = useNotify();
  const { message } = App.useApp();
  const [items, setItems] = useState<Base[]>([]);
  const [applying, setApplying] = useState(false);
  const [visiting, setVisiting] = useState<Base | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    unwrap(api.GET('/api/own-publicity/bases'))
      .then((r) => setItems(r.items))
      .catch(notify);
  }, [notify]);
  useEffect(load, [load]);
  const visit = async () => {
    if (!visiting) return;
    const v = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/publicity/bases/{id}/visits', {
          params: { path: { id: visiting.id } },
          body: { ...v, visitedOn: v.visitedOn.format(DATE) },
        }),
      );
      message.success(t('pu.saved'));
      setVisiting(null);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setApplying(true)} data-testid="apply-base">
        {t('pu.apply')}
      </Button>
      <Table
        rowKey="id"
        size="small"
        dataSource={items}
        locale={{ emptyText: t('pu.ownBasesEmpty') }}
        data-testid="own-bases"
        columns={[
          { title: t('pu.baseName'), dataIndex: 'name' },
          { title: t('pu.meeting'), dataIndex: 'jurisdictionName' },
          {
            title: t('pu.status'),
            dataIndex: 'status',
            render: (s: Base['status']) => <Tag color={BASE_COLOR[s]}>{t(`pu.base.${s}`)}</Tag>,
          },
          { title: t('pu.visitors'), key: 'v', render: (_: unknown, b: Base) => b.visits.visitors },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, b: Base) =>
              b.status === 'designated' && (
                <Button size="small" onClick={() => setVisiting(b)}>
                  {t('pu.recordVisit')}
                </Button>
              ),
          },
        ]}
      />
      <ApplyModal
        open={applying}
        employerId={me?.organisation?.id ?? null}
        onClose={(saved) => {
          setApplying(false);
          if (saved) load();
        }}
      />
      <Modal
        open={visiting !== null}
        title={t('pu.recordVisit')}
        onOk={visit}
        onCancel={() => setVisiting(null)}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="visitedOn" label={t('pu.visitedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Space>
            {(['groups', 'visitors', 'enterprises'] as const).map((k) => (
              <Form.Item key={k} name={k} label={t(`pu.${k}`)} rules={[{ required: true }]}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
            ))}
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}

/** Coverage (map and table), bases with review/designation, the filing list, favoured projects. */
function BasesTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [reviewing, setReviewing] = useState<Base | null>(null);
  const [candidates, setCandidates] = useState<{ id: number; name: string }[]>([]);
  const [applying, setApplying] = useState(false);
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const code = current?.code;
  const { data: coverage } = useListQuery({
    queryKey: ['publicity', 'base-coverage', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/publicity/base-coverage', { params: { query: { jurisdiction: code } }, signal })),
  });
  const { data: baseList } = useListQuery({
    queryKey: ['publicity', 'bases', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/publicity/bases', { params: { query: { jurisdiction: code } }, signal })),
  });
  const bases = baseList?.items ?? [];
  // The same key as the projects' base tag (BaseTag.tsx).
  const { data: favoured } = useListQuery({
    queryKey: ['favoured-projects', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/publicity/favoured-projects', { params: { query: { jurisdiction: code } }, signal }),
      ),
  });
  const favouredProjects = favoured?.items ?? [];
  const load = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['publicity'] }),
      queryClient.invalidateQueries({ queryKey: ['favoured-projects'] }),
    ]);
  const openReview = async (base: Base) => {
    setReviewing(base);
    const list = await unwrap(
      api.GET('/api/publicity/bases/{id}/expert-candidates', { params: { path: { id: base.id } } }),
    ).catch(notify);
    setCandidates(list ? list.items : []);
    form.setFieldsValue({
      reviewedOn: todayInChina(),
      outcome: base.status === 'applied' ? 'designate' : 'keep',
      experts: [],
    });
  };
  const review = async () => {
    if (!reviewing) return;
    const v = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/publicity/bases/{id}/review', {
          params: { path: { id: reviewing.id } },
          body: {
            reviewedOn: v.reviewedOn.format(DATE),
            siteVisit: v.siteVisit,
            expertOpinions: (v.experts as number[]).map((expertId) => ({ expertId, opinion: v.opinion })),
            outcome: v.outcome,
            reason: v.reason || undefined,
          },
        }),
      );
      message.success(t('pu.saved'));
      setReviewing(null);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  const act = (path: '/api/publicity/bases/{id}/provincial', id: number) =>
    unwrap(api.POST(path, { params: { path: { id } } }))
      .then(load)
      .catch(notify);
  const provinceCode = current?.path.split('/')[1] ?? '';
  const mapAreas: MapArea[] = useMemo(
    () =>
      (coverage?.areas ?? [])
        .filter((a) => a.level === 'county')
        .map((a) => ({
          code: a.code,
          name: a.name,
          color: a.hasBase ? '#52c41a' : '#ff4d4f',
          label: a.hasBase ? `${t('pu.covered')} ${a.bases}` : t('pu.uncovered'),
        })),
    [coverage, t],
  );
  if (!coverage) return null;
  const baseColumns = [
    { title: t('pu.baseName'), dataIndex: 'name' },
    { title: t('pu.employer'), dataIndex: 'employerName' },
    { title: t('pu.meeting'), dataIndex: 'jurisdictionName' },
    {
      title: t('pu.status'),
      key: 'status',
      render: (_: unknown, b: Base) => (
        <Space size={4}>
          <Tag color={BASE_COLOR[b.status]} data-testid={`base-status-${b.id}`}>
            {t(`pu.base.${b.status}`)}
          </Tag>
          {b.isProvincial && <Tag color="purple">{t('pu.provincial')}</Tag>}
          {b.isReviewDue && <Tag color="orange">{t('pu.reviewDue')}</Tag>}
        </Space>
      ),
    },
    { title: t('pu.filedOn'), dataIndex: 'filedOn' },
    { title: t('pu.visitors'), key: 'v', render: (_: unknown, b: Base) => b.visits.visitors },
    {
      title: t('common.actions'),
      key: 'a',
      render: (_: unknown, b: Base) =>
        can('publicity:manage') && (
          <Space>
            {(b.status === 'applied' || b.status === 'designated') && (
              <Button size="small" onClick={() => openReview(b)} data-testid={`review-${b.id}`}>
                {t('pu.review')}
              </Button>
            )}
            {b.status === 'designated' && !b.isProvincial && current?.level === 'province' && (
              <Button size="small" onClick={() => act('/api/publicity/bases/{id}/provincial', b.id)}>
                {t('pu.raise')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  const noBoundary = coverage.areas.filter((a) => /^\d{4}7\d$/.test(a.code) || a.code.includes('Z'));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size="large" wrap data-testid="coverage-summary">
        <Statistic
          title={`${t('pu.prefectures')} ${t('pu.covered')}`}
          value={`${coverage.summary.prefecturesCovered} / ${coverage.summary.prefectures}`}
        />
        <Statistic
          title={`${t('pu.counties')} ${t('pu.covered')}`}
          value={`${coverage.summary.countiesCovered} / ${coverage.summary.counties}`}
        />
        <Statistic title={t('pu.bases')} value={coverage.summary.bases} />
        <Statistic title={t('pu.provincialBases')} value={coverage.summary.provincialBases} />
      </Space>
      <Card size="small" title={t('pu.coverage')}>
        <CoverageMap provinceCode={provinceCode} areas={mapAreas} />
        <Table
          rowKey="code"
          size="small"
          pagination={{ pageSize: 20 }}
          dataSource={coverage.areas}
          data-testid="coverage-table"
          columns={[
            { title: t('pu.area'), dataIndex: 'name' },
            { title: 'GB/T 2260', dataIndex: 'code' },
            {
              title: t('pu.status'),
              key: 's',
              render: (_: unknown, a: Coverage['areas'][number]) => (
                <Tag
                  color={a.hasBase ? 'green' : 'red'}
                  data-testid={`coverage-${a.code}`}
                  data-covered={a.hasBase}
                >
                  {a.hasBase ? t('pu.covered') : t('pu.uncovered')}
                </Tag>
              ),
            },
            { title: t('pu.bases'), dataIndex: 'bases' },
          ]}
        />
        {noBoundary.length > 0 && (
          <Typography.Text type="secondary">
            {t('pu.noBoundary')}：{noBoundary.map((a) => a.name).join('、')}
          </Typography.Text>
        )}
      </Card>
      {can('publicity:manage') && (
        <Button onClick={() => setApplying(true)} data-testid="apply-base-hrss">
          {t('pu.apply')}
        </Button>
      )}
      <Table rowKey="id" size="small" dataSource={bases} columns={baseColumns} data-testid="bases" />
      {current?.level === 'province' && (
        <Card size="small" title={t('pu.filings')}>
          <Table
            rowKey="id"
            size="small"
            dataSource={bases.filter((b) => b.filedOn)}
            columns={baseColumns.slice(0, 5)}
            data-testid="filings"
          />
        </Card>
      )}
      <Card size="small" title={t('pu.favoured')}>
        <Table
          rowKey="projectId"
          size="small"
          pagination={false}
          dataSource={favouredProjects}
          columns={[
            { title: t('pu.projectTitle'), dataIndex: 'title' },
            { title: t('pu.year'), dataIndex: 'year' },
            { title: t('pu.baseName'), dataIndex: 'baseName' },
            { title: t('pu.status'), dataIndex: 'status' },
          ]}
        />
      </Card>
      <ApplyModal
        open={applying}
        employerId={null}
        onClose={(saved) => {
          setApplying(false);
          if (saved) load();
        }}
      />
      <Modal
        open={reviewing !== null}
        title={t('pu.review')}
        onOk={review}
        onCancel={() => setReviewing(null)}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reviewedOn" label={t('pu.reviewedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="siteVisit" label={t('pu.siteVisit')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="review-site" />
          </Form.Item>
          <Form.Item name="experts" label={t('pu.experts')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={candidates.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="review-experts"
            />
          </Form.Item>
          <Form.Item name="opinion" label={t('pu.opinion')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="review-opinion" />
          </Form.Item>
          <Form.Item name="outcome" label={t('pu.outcome')} rules={[{ required: true }]}>
            <Select
              options={(reviewing?.status === 'applied' ? ['designate', 'reject'] : ['keep', 'withdraw']).map(
                (o) => ({
                  value: o,
                  label: t(`pu.outcome.${o}`),
                }),
              )}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('pu.reason')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** Advanced examples: nominate, publish, photos. */
function ExamplesTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const code = current?.code;
  const { data: list } = useListQuery({
    queryKey: ['publicity', 'examples', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/publicity/examples', { params: { query: { jurisdiction: code } }, signal })),
  });
  const items = list?.items ?? [];
  const load = () => queryClient.invalidateQueries({ queryKey: ['publicity'] });
  const nominate = async () => {
    const v = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/publicity/examples', {
          body: {
            jurisdiction: current?.code,
            subjectKind: v.subjectKind,
            category: v.category,
            name: v.name,
            organisationId: v.organisationId,
            year: v.year,
            story: v.story,
          },
        }),
      );
      setOpen(false);
      form.resetFields();
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  const decide = (id: number, decision: 'publish' | 'reject') =>
    unwrap(
      api.POST('/api/publicity/examples/{id}/review', {
        params: { path: { id } },
        body: { decision, note: decision === 'reject' ? '—' : undefined },
      }),
    )
      .then(load)
      .catch(notify);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('publicity:manage') && (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('pu.nominate')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={items}
        columns={[
          { title: t('pu.name'), dataIndex: 'name' },
          { title: t('pu.category'), dataIndex: 'category', render: (c: string) => t(`pu.category.${c}`) },
          { title: t('pu.subjectKind'), dataIndex: 'subjectKind', render: (k: string) => t(`pu.kind.${k}`) },
          { title: t('pu.year'), dataIndex: 'year' },
          {
            title: t('pu.figures'),
            key: 'figures',
            render: (_: unknown, e: Example) => <ExampleFigures figures={e.figures} />,
          },
          {
            title: t('pu.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag>{t(`pu.example.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, e: Example) =>
              can('publicity:manage') && (
                <Space>
                  {e.status === 'nominated' && (
                    <>
                      <Button size="small" onClick={() => decide(e.id, 'publish')}>
                        {t('pu.publish')}
                      </Button>
                      <Button size="small" onClick={() => decide(e.id, 'reject')}>
                        {t('pu.reject')}
                      </Button>
                    </>
                  )}
                  <Upload
                    showUploadList={false}
                    accept="image/*"
                    beforeUpload={(file) => {
                      uploadFile(
                        `/api/publicity/examples/${e.id}/files?fileName=${encodeURIComponent(file.name)}&kind=photo`,
                        file,
                      )
                        .then(load)
                        .catch(notify);
                      return false;
                    }}
                  >
                    <Button size="small">{t('pu.upload')}</Button>
                  </Upload>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={open} title={t('pu.nominate')} onOk={nominate} onCancel={() => setOpen(false)} width={640}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ subjectKind: 'employer', category: 'advanced', year: currentYearInChina() }}
        >
          <Space wrap>
            <Form.Item name="subjectKind" label={t('pu.subjectKind')}>
              <Select
                style={{ width: 140 }}
                options={['employer', 'project', 'person'].map((k) => ({
                  value: k,
                  label: t(`pu.kind.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="category" label={t('pu.category')}>
              <Select
                style={{ width: 160 }}
                options={['advanced', 'demonstration'].map((k) => ({
                  value: k,
                  label: t(`pu.category.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="year" label={t('pu.year')}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </Space>
          <Form.Item name="name" label={t('pu.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="organisationId" label={t('pu.employer')}>
            <OrganisationPicker testId="example-employer" />
          </Form.Item>
          <Form.Item name="story" label={t('pu.story')} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Typography.Text type="secondary">{t('pu.figures.computedHint')}</Typography.Text>
        </Form>
      </Modal>
    </Space>
  );
}

/** Publicity (PU-1…3): the quota board, campaigns, bases and their coverage, advanced examples. */
export default function PublicityPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  // A link may open a tab (?tab=bases: a scorecard score's base coverage).
  const [searchParams] = useSearchParams();
  const items = [
    can('publicity:read') && { key: 'board', label: t('pu.tab.board'), children: <BoardTab /> },
    can('publicity:read') && { key: 'campaigns', label: t('pu.tab.campaigns'), children: <CampaignsTab /> },
    can('publicity:read') && { key: 'bases', label: t('pu.tab.bases'), children: <BasesTab /> },
    can('publicity:read') && { key: 'examples', label: t('pu.tab.examples'), children: <ExamplesTab /> },
    !can('publicity:read') &&
      can('publicity:apply') && { key: 'own', label: t('pu.tab.ownBases'), children: <OwnBasesTab /> },
  ].filter(Boolean) as { key: string; label: string; children: React.ReactNode }[];
  return (
    <Card title={t('nav.publicityWork')}>
      <Tabs items={items} destroyOnHidden defaultActiveKey={searchParams.get('tab') ?? undefined} />
    </Card>
  );
}
