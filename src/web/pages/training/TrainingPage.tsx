import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { OrganisationSelect } from '../../components/OrganisationSelect';
import { useI18n } from '../../i18n/i18n';
import { todayInChina } from '../../time';
import { TrainingConfigTab } from './TrainingConfigTab';

type Course = Schemas['TrainingCourse'];

const STATUS_COLOR = { met: 'green', behind: 'orange', overdue: 'red', no_target: 'default' } as const;

/** Coverage as a percentage bar, red below the target. */
function CoverageBar({ pct, target }: { pct: number | null; target: number | null }) {
  if (pct === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const below = target !== null && pct < target;
  return (
    <Progress percent={pct} size="small" status={below ? 'exception' : 'success'} format={(p) => `${p}%`} />
  );
}

/** The current plan period's roles (the configuration tab reads the same key). */
function useRoles() {
  const { data } = useQuery({
    queryKey: ['training', 'roles', 'current'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/training/roles', { params: { query: {} }, signal })),
  });
  return data ?? null;
}

function CoverageTab() {
  const { t, language } = useI18n();
  const { current } = useJurisdiction();
  const roles = useRoles();
  const code = current?.code;
  // Keys hold the jurisdiction: a late answer for an earlier one cannot fill the tab.
  const { data: coverage } = useListQuery({
    queryKey: ['training', 'coverage', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training/coverage', { params: { query: { jurisdiction: code as string } }, signal }),
      ),
  });
  const { data: gaps } = useListQuery({
    queryKey: ['training', 'gaps', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training/coverage/gaps', {
          params: { query: { jurisdiction: code as string, pageSize: 50 } },
          signal,
        }),
      ),
  });
  if (!coverage) return null;
  const target = coverage.target?.coveragePct ?? null;
  const roleName = (code: string) => {
    const role = roles?.roles.find((r) => r.code === code);
    return role ? (language === 'zh' ? role.nameZh : role.nameEn) : code;
  };
  const countColumns = [
    { title: t('training.posts'), dataIndex: 'posts', width: 90 },
    { title: t('training.due'), dataIndex: 'due', width: 90 },
    { title: t('training.inGrace'), dataIndex: 'inGrace', width: 90 },
    { title: t('training.trained'), dataIndex: 'trained', width: 90 },
    {
      title: t('training.coverage'),
      dataIndex: 'coveragePct',
      width: 200,
      render: (v: number | null) => <CoverageBar pct={v} target={target} />,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Space size={48} wrap>
          <Statistic
            title={t('training.coverage')}
            value={coverage.totals.coveragePct ?? '—'}
            suffix={coverage.totals.coveragePct === null ? '' : '%'}
            valueStyle={{ color: coverage.status === 'met' ? '#3f8600' : '#cf1322' }}
          />
          <Statistic title={t('training.due')} value={coverage.totals.due} />
          <Statistic title={t('training.trained')} value={coverage.totals.trained} />
          <Statistic title={t('training.untrained')} value={coverage.totals.untrained} />
          <Statistic title={t('training.inGrace')} value={coverage.totals.inGrace} />
          <div>
            <div>{t('training.target')}</div>
            <Space>
              <Tag color={STATUS_COLOR[coverage.status]} data-testid="coverage-status">
                {t(`training.status.${coverage.status}`)}
              </Tag>
              {coverage.target && (
                <Typography.Text>
                  {coverage.target.coveragePct}% · {coverage.target.dueDate}
                </Typography.Text>
              )}
            </Space>
            {coverage.target && (
              <Typography.Paragraph type="secondary" style={{ maxWidth: 420, marginBottom: 0 }}>
                {coverage.target.source}
              </Typography.Paragraph>
            )}
          </div>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('training.explain', {
            period: coverage.planPeriod,
            asOf: coverage.asOf,
            grace: coverage.graceDays,
          })}
        </Typography.Paragraph>
      </Card>
      <Card title={t('training.byRole')} size="small">
        <Table
          rowKey="roleCode"
          size="small"
          pagination={false}
          dataSource={coverage.byRole}
          data-testid="coverage-by-role"
          columns={[
            {
              title: t('training.role'),
              dataIndex: 'roleCode',
              render: (_: string, r) => (language === 'zh' ? r.nameZh : r.nameEn),
            },
            ...countColumns,
          ]}
        />
      </Card>
      <Card title={t('training.byArea')} size="small">
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={coverage.byArea}
          data-testid="coverage-by-area"
          columns={[{ title: t('org.jurisdiction'), dataIndex: 'name' }, ...countColumns]}
        />
      </Card>
      <Card title={t('training.byIndustry')} size="small">
        <Table
          rowKey="industry"
          size="small"
          pagination={false}
          dataSource={coverage.byIndustry}
          columns={[{ title: t('training.industry'), dataIndex: 'industry' }, ...countColumns]}
        />
      </Card>
      <Card title={t('training.gaps', { total: gaps?.total ?? 0 })} size="small">
        <Table
          rowKey="employerId"
          size="small"
          dataSource={gaps?.items ?? []}
          pagination={{ pageSize: 10 }}
          data-testid="coverage-gaps"
          columns={[
            { title: t('training.employer'), dataIndex: 'employerName' },
            { title: t('org.jurisdiction'), dataIndex: 'jurisdictionName', width: 100 },
            { title: t('training.due'), dataIndex: 'due', width: 80 },
            { title: t('training.trained'), dataIndex: 'trained', width: 80 },
            {
              title: t('training.coverage'),
              dataIndex: 'coveragePct',
              width: 180,
              render: (v: number | null, r) =>
                r.noneRegistered ? (
                  <Tag color="red">{t('training.noneRegistered')}</Tag>
                ) : (
                  <CoverageBar pct={v} target={target} />
                ),
            },
            {
              title: t('training.untrainedByRole'),
              dataIndex: 'untrainedByRole',
              render: (v: Record<string, number>) =>
                Object.entries(v).map(([code, n]) => (
                  <Tag key={code}>
                    {roleName(code)} {n}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function HolderModal({ open, onClose }: { open: boolean; onClose: (saved: boolean) => void }) {
  const { t, language } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const roles = useRoles();
  const [form] = Form.useForm();
  const ownEmployer = !can('training:manage') ? (me?.organisation?.id ?? null) : null;
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/training/holders', {
          body: {
            ...values,
            employerId: ownEmployer ?? values.employerId,
            startedOn: (values.startedOn as dayjs.Dayjs).format('YYYY-MM-DD'),
          },
        }),
      );
      message.success(t('common.saved'));
      form.resetFields();
      onClose(true);
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  return (
    <Modal
      open={open}
      title={t('training.addHolder')}
      onCancel={() => onClose(false)}
      onOk={submit}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ startedOn: todayInChina() }}>
        {ownEmployer === null && (
          <Form.Item name="employerId" label={t('training.employer')} rules={[{ required: true }]}>
            <OrganisationSelect jurisdictionCode={current?.code} />
          </Form.Item>
        )}
        <Form.Item name="roleCode" label={t('training.role')} rules={[{ required: true }]}>
          <Select
            options={(roles?.roles ?? []).map((r) => ({
              value: r.code,
              label: language === 'zh' ? r.nameZh : r.nameEn,
            }))}
          />
        </Form.Item>
        <Form.Item name="personName" label={t('training.personName')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('training.idNumber')} rules={[{ required: true, len: 18 }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="startedOn" label={t('training.startedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HoldersTab({ own }: { own: boolean }) {
  const { t, language } = useI18n();
  const { message, modal } = App.useApp();
  const { current } = useJurisdiction();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [isAdding, setAdding] = useState(false);
  const queryClient = useQueryClient();
  const code = current?.code;
  const { data } = useListQuery({
    queryKey: ['training', 'holders', own, code, page, search],
    enabled: code !== undefined,
    queryFn: ({ signal }) => {
      const query = {
        jurisdiction: code as string,
        page,
        pageSize: 20,
        active: 'true' as const,
        search: search || undefined,
      };
      return unwrap(
        own
          ? api.GET('/api/own-training/holders', { params: { query }, signal })
          : api.GET('/api/training/holders', { params: { query }, signal }),
      );
    },
  });
  const load = () => queryClient.invalidateQueries({ queryKey: ['training'] });
  const end = (id: number) =>
    modal.confirm({
      title: t('training.endHolder'),
      onOk: async () => {
        try {
          await unwrap(
            api.POST('/api/training/holders/{id}/end', {
              params: { path: { id } },
              body: { endedOn: todayInChina().format('YYYY-MM-DD') },
            }),
          );
          load();
        } catch (e) {
          showError(e, (m) => message.error(m));
        }
      },
    });
  return (
    <Card
      size="small"
      title={
        <Space>
          <Input.Search
            placeholder={t('training.holders.search')}
            allowClear
            onSearch={(v) => setSearch(v)}
            style={{ width: 240 }}
          />
          {data?.masked && <Tag>{t('training.masked')}</Tag>}
        </Space>
      }
      extra={
        <Button type="primary" onClick={() => setAdding(true)} data-testid="add-holder">
          {t('training.addHolder')}
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        data-testid="holders"
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('training.employer'), dataIndex: 'employerName' },
          {
            title: t('training.role'),
            dataIndex: 'roleCode',
            render: (_: string, r) => (language === 'zh' ? r.roleNameZh : r.roleNameEn),
          },
          { title: t('training.personName'), dataIndex: 'personName', width: 100 },
          { title: t('training.idNumber'), dataIndex: 'idNumber', width: 190 },
          { title: t('training.startedOn'), dataIndex: 'startedOn', width: 110 },
          {
            title: t('training.trainedOn'),
            dataIndex: 'trainedOn',
            width: 120,
            render: (v: string | null) =>
              v ? <Tag color="green">{v}</Tag> : <Tag color="red">{t('training.notTrained')}</Tag>,
          },
          {
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, r) =>
              r.endedOn === null && (
                <Button size="small" onClick={() => end(r.id)}>
                  {t('training.end')}
                </Button>
              ),
          },
        ]}
      />
      <HolderModal
        open={isAdding}
        onClose={(saved) => {
          setAdding(false);
          if (saved) load();
        }}
      />
    </Card>
  );
}

function CoursesTab() {
  const { t, language } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { current } = useJurisdiction();
  const roles = useRoles();
  const [isCreating, setCreating] = useState(false);
  const [recording, setRecording] = useState<Course | null>(null);
  const [issued, setIssued] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [record] = Form.useForm();
  const queryClient = useQueryClient();
  const code = current?.code;
  const { data: courseList } = useListQuery({
    queryKey: ['training', 'courses', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/training/courses', { params: { query: { jurisdiction: code as string } }, signal }),
      ),
  });
  const courses = courseList?.items ?? [];
  // A course or a completion changes courses, coverage and gaps alike.
  const load = () => queryClient.invalidateQueries({ queryKey: ['training'] });
  const roleName = (code: string) => {
    const role = roles?.roles.find((r) => r.code === code);
    return role ? (language === 'zh' ? role.nameZh : role.nameEn) : code;
  };
  const create = async () => {
    const values = await form.validateFields();
    try {
      await unwrap(
        api.POST('/api/training/courses', { body: { ...values, jurisdictionCode: current?.code } }),
      );
      setCreating(false);
      form.resetFields();
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), form);
    }
  };
  const saveRecord = async () => {
    if (!recording) return;
    const values = await record.validateFields();
    try {
      const result = await unwrap(
        api.POST('/api/training/completions', {
          body: {
            ...values,
            courseId: recording.id,
            completedOn: (values.completedOn as dayjs.Dayjs).format('YYYY-MM-DD'),
          },
        }),
      );
      setIssued(result.certificateNumber);
      record.resetFields();
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), record);
    }
  };
  return (
    <Card
      size="small"
      extra={
        can('training:manage') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('training.addCourse')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        dataSource={courses}
        data-testid="courses"
        columns={[
          {
            title: t('training.courseTitle'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/training/courses/${r.id}`}>{v}</Link>,
          },
          {
            title: t('training.form'),
            dataIndex: 'form',
            width: 90,
            render: (v: string) => t(`training.form.${v}`),
          },
          {
            title: t('training.roles'),
            dataIndex: 'roleCodes',
            render: (v: string[]) => v.map((c) => <Tag key={c}>{roleName(c)}</Tag>),
          },
          { title: t('training.hours'), dataIndex: 'hours', width: 70 },
          { title: t('org.jurisdiction'), dataIndex: 'jurisdictionName', width: 110 },
          { title: t('training.completions'), dataIndex: 'completions', width: 90 },
          {
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, r) =>
              can('training:manage') &&
              r.status === 'active' && (
                <Button size="small" onClick={() => setRecording(r)}>
                  {t('training.recordCompletion')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={isCreating}
        title={t('training.addCourse')}
        onCancel={() => setCreating(false)}
        onOk={create}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            form: 'offline',
            contentItems: ['policy', 'accident_prevention', 'warning_education'],
          }}
        >
          <Form.Item name="title" label={t('training.courseTitle')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="form" label={t('training.form')} rules={[{ required: true }]}>
            <Select
              options={['online', 'offline', 'mixed'].map((v) => ({
                value: v,
                label: t(`training.form.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="roleCodes" label={t('training.roles')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={(roles?.roles ?? []).map((r) => ({ value: r.code, label: roleName(r.code) }))}
            />
          </Form.Item>
          <Form.Item name="contentItems" label={t('training.content')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={['policy', 'accident_prevention', 'warning_education', 'occupational_health'].map(
                (v) => ({
                  value: v,
                  label: t(`training.content.${v}`),
                }),
              )}
            />
          </Form.Item>
          <Form.Item name="hours" label={t('training.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={999} step={0.5} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={recording !== null}
        title={`${t('training.recordCompletion')}：${recording?.title ?? ''}`}
        onCancel={() => {
          setRecording(null);
          setIssued(null);
        }}
        onOk={saveRecord}
        destroyOnHidden
      >
        {issued && (
          <Alert
            type="success"
            style={{ marginBottom: 12 }}
            message={t('training.issued', { number: issued })}
            data-testid="issued"
          />
        )}
        <Form
          form={record}
          layout="vertical"
          initialValues={{ method: 'offline', completedOn: todayInChina() }}
        >
          <Form.Item name="personName" label={t('training.personName')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('training.idNumber')} rules={[{ required: true, len: 18 }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="employerId" label={t('training.employer')}>
            <OrganisationSelect jurisdictionCode={current?.code} />
          </Form.Item>
          <Form.Item name="method" label={t('training.method')} rules={[{ required: true }]}>
            <Select
              options={['offline', 'online', 'exam'].map((v) => ({
                value: v,
                label: t(`training.method.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="completedOn" label={t('training.completedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 重点岗位人员培训 (TR-1, TR-4): coverage against the target, the key-post registry, courses. */
export default function TrainingPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const officer = can('training:read');
  return (
    <Tabs
      items={[
        officer && { key: 'coverage', label: t('training.tab.coverage'), children: <CoverageTab /> },
        { key: 'holders', label: t('training.tab.holders'), children: <HoldersTab own={!officer} /> },
        officer && { key: 'courses', label: t('training.tab.courses'), children: <CoursesTab /> },
        officer && { key: 'config', label: t('training.tab.config'), children: <TrainingConfigTab /> },
      ].filter((x): x is Exclude<typeof x, false> => Boolean(x))}
    />
  );
}
