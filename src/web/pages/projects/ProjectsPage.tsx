import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';
import { BaseTag, useFavouredProjects } from './BaseTag';
import { DeclareModal } from './DeclareModal';
import { STATUS_COLORS, toFen, yuan } from './format';

type Project = Schemas['PreventionProject'];

const THIS_YEAR = currentYearInChina();

/** 工伤预防项目: the year's budget and cap (PP-1) and the projects of the jurisdiction. */
export default function ProjectsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  // The workbench links here with ?year=&status= (decision 0041).
  const [searchParams] = useSearchParams();
  const linkedYear = Number(searchParams.get('year'));
  const [year, setYear] = useState(linkedYear >= 2000 && linkedYear <= 2100 ? linkedYear : THIS_YEAR);
  const [status, setStatus] = useState<string | null>(searchParams.get('status'));
  const [isBudgetOpen, setBudgetOpen] = useState(false);
  const [isNoticeOpen, setNoticeOpen] = useState(false);
  const [isDeclareOpen, setDeclareOpen] = useState(false);
  const [budgetForm] = Form.useForm();
  const [noticeForm] = Form.useForm();
  const code = current?.code;

  const queryClient = useQueryClient();
  // Keys hold the jurisdiction and the year: a late answer for an earlier one cannot fill the page.
  const budgetQuery = useListQuery({
    queryKey: ['prevention-budgets', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/prevention-budgets/{code}/{year}', {
          params: { path: { code: code as string, year } },
          signal,
        }),
      ),
  });
  const list = useListQuery({
    queryKey: ['projects', 'list', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/projects', { params: { query: { jurisdiction: code, year } }, signal })),
  });
  const budget = budgetQuery.data ?? null;
  const projects = list.data?.items ?? [];
  const isLoading = budgetQuery.isFetching || list.isFetching;
  const load = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['prevention-budgets'] }),
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
    ]);

  const saveBudget = async () => {
    const v = await budgetForm.validateFields();
    if (!code) return;
    try {
      await unwrap(
        api.PUT('/api/prevention-budgets/{code}/{year}', {
          params: { path: { code, year } },
          body: {
            budgetFen: toFen(v.budgetYuan),
            keyFields: v.keyFields,
            reason: v.reason,
          },
        }),
      );
      message.success(t('common.saved'));
      setBudgetOpen(false);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), budgetForm);
    }
  };

  const publishNotice = async () => {
    const v = await noticeForm.validateFields();
    if (!code) return;
    try {
      await unwrap(
        api.POST('/api/prevention-budgets/{code}/{year}/notice', {
          params: { path: { code, year } },
          body: v,
        }),
      );
      message.success(t('common.saved'));
      setNoticeOpen(false);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), noticeForm);
    }
  };

  const favoured = useFavouredProjects(code);
  const columns: ColumnsType<Project> = [
    {
      title: t('pp.title'),
      dataIndex: 'title',
      render: (v: string, row) => (
        <>
          <Link to={`/projects/${row.id}`}>{v}</Link> <BaseTag baseName={favoured.get(row.id)} />
        </>
      ),
    },
    { title: t('pp.applicant'), key: 'applicant', render: (_, row) => row.applicant.name, width: 200 },
    { title: t('pp.type'), dataIndex: 'type', width: 80, render: (v: string) => t(`pp.type.${v}`) },
    { title: t('pp.keyField'), dataIndex: 'keyField', width: 120 },
    { title: t('pp.requested'), dataIndex: 'requestedFen', width: 130, align: 'right', render: yuan },
    { title: t('pp.contract'), dataIndex: 'contractFen', width: 130, align: 'right', render: yuan },
    { title: t('pp.score'), dataIndex: 'reviewScore', width: 80, render: (v: number | null) => v ?? '—' },
    {
      title: t('pp.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`pp.status.${v}`)}</Tag>,
    },
  ];

  const usedPercent =
    budget && budget.budgetFen > 0
      ? Math.round(((budget.committedFen + budget.paidFen) / budget.budgetFen) * 100)
      : 0;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={`${current?.name ?? ''} · ${t('pp.budgetTitle')}`}
        extra={
          <Space>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={[THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1].map((y) => ({ value: y, label: `${y}` }))}
              data-testid="budget-year"
            />
            {can('projects:manage') && (
              <Button
                data-testid="set-budget"
                onClick={() => {
                  budgetForm.setFieldsValue({
                    budgetYuan: budget?.isSet
                      ? budget.budgetFen / 100
                      : budget?.capFen
                        ? budget.capFen / 100
                        : undefined,
                    keyFields: budget?.keyFields ?? [],
                  });
                  setBudgetOpen(true);
                }}
              >
                {t('pp.setBudget')}
              </Button>
            )}
            {can('projects:manage') && budget?.isSet && (
              <Button onClick={() => setNoticeOpen(true)} data-testid="publish-notice">
                {t('pp.publishNotice')}
              </Button>
            )}
          </Space>
        }
        loading={isLoading}
      >
        {budget && budget.capFen === null && (
          <Alert
            type="warning"
            showIcon
            message={t('pp.noFundData', { year: budget.baseYear })}
            style={{ marginBottom: 16 }}
          />
        )}
        {budget && (
          <Row gutter={16}>
            <Col span={4}>
              <Statistic
                title={t('pp.baseIncome', { year: budget.baseYear })}
                value={yuan(budget.baseIncomeFen)}
              />
            </Col>
            <Col span={4}>
              <Statistic
                title={t('pp.cap', { pct: (budget.capBasisPoints / 100).toFixed(2) })}
                value={yuan(budget.capFen)}
              />
            </Col>
            <Col span={4}>
              <Statistic
                title={t('pp.budget')}
                value={budget.isSet ? yuan(budget.budgetFen) : t('pp.notSet')}
              />
            </Col>
            <Col span={4}>
              <Statistic title={t('pp.committed')} value={yuan(budget.committedFen)} />
            </Col>
            <Col span={4}>
              <Statistic title={t('pp.paid')} value={yuan(budget.paidFen)} />
            </Col>
            <Col span={4}>
              <Statistic
                title={t('pp.left')}
                value={yuan(budget.leftFen)}
                valueStyle={{ color: '#1f5fa8' }}
              />
            </Col>
            <Col span={24} style={{ marginTop: 12 }}>
              <Progress percent={usedPercent} />
              <Space wrap>
                {t('pp.keyFields')}：
                {budget.keyFields.map((f) => (
                  <Tag key={f}>{f}</Tag>
                ))}
                {budget.noticeFrom && (
                  <Tag color="geekblue">
                    {t('pp.noticePeriod', { from: budget.noticeFrom, to: budget.noticeTo ?? '' })}
                  </Tag>
                )}
                <span>
                  {t('pp.prepayRange', { min: budget.prepayMinPercent, max: budget.prepayMaxPercent })}
                </span>
              </Space>
            </Col>
          </Row>
        )}
      </Card>
      <Card
        title={t('pp.listTitle')}
        extra={
          can('projects:declare') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDeclareOpen(true)}
              data-testid="declare"
            >
              {t('pp.declare')}
            </Button>
          )
        }
      >
        {status && (
          <Alert
            type="warning"
            style={{ marginBottom: 12 }}
            title={`${t('wb.filtered')}: ${t(`pp.status.${status}`)}`}
            action={
              <Button size="small" onClick={() => setStatus(null)}>
                {t('wb.clearFilter')}
              </Button>
            }
          />
        )}
        <Table
          rowKey="id"
          columns={columns}
          dataSource={status ? projects.filter((p) => p.status === status) : projects}
          loading={isLoading}
          pagination={{ pageSize: 20 }}
          data-testid="projects-table"
        />
      </Card>
      <Modal
        open={isBudgetOpen}
        title={t('pp.setBudget')}
        onOk={saveBudget}
        onCancel={() => setBudgetOpen(false)}
        destroyOnHidden
      >
        <Form form={budgetForm} layout="vertical">
          <Form.Item name="budgetYuan" label={t('pp.budgetYuan')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="keyFields" label={t('pp.keyFields')} rules={[{ required: true }]}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="reason" label={t('pp.reason')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={isNoticeOpen}
        title={t('pp.publishNotice')}
        onOk={publishNotice}
        onCancel={() => setNoticeOpen(false)}
        destroyOnHidden
      >
        <Form form={noticeForm} layout="vertical">
          <Form.Item
            name="noticeFrom"
            label={t('pp.noticeFrom')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input placeholder="2026-03-01" />
          </Form.Item>
          <Form.Item
            name="noticeTo"
            label={t('pp.noticeTo')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input placeholder="2026-03-07" />
          </Form.Item>
          <Form.Item name="reason" label={t('pp.reason')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <DeclareModal
        open={isDeclareOpen}
        year={year}
        keyFields={budget?.keyFields ?? []}
        onClose={(saved) => {
          setDeclareOpen(false);
          if (saved) load();
        }}
      />
    </Space>
  );
}
