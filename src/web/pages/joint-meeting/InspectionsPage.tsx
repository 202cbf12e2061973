import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas, showError, unwrap, uploadFile } from '../../api/client';
import { useListQuery } from '../../api/use-list-query';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';
import { currentYearInChina } from '../../time';

type Inspection = Schemas['Inspection'];
type Finding = Schemas['InspectionFinding'];
type Option = { value: number; label: string };
type Candidate = { value: string; label: string };

/** 联合检查: plan, record findings on a phone, turn a hazard into a rectification (KI-4), the year's figures. */
export default function InspectionsPage() {
  const { t, language } = useI18n();
  const { can, me } = useAuth();
  const { current } = useJurisdiction();
  const { message } = App.useApp();
  const code = current?.code;
  const [open, setOpen] = useState<Inspection | null>(null);
  const [units, setUnits] = useState<Option[]>([]);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [isPlanning, setPlanning] = useState(false);
  const [rectifying, setRectifying] = useState<Finding | null>(null);
  const [planForm] = Form.useForm();
  const [findingForm] = Form.useForm();
  const [rectForm] = Form.useForm();
  const [photo, setPhoto] = useState<File | null>(null);

  const queryClient = useQueryClient();
  // Keys hold the jurisdiction: a late answer for an earlier one cannot fill the page.
  const list = useListQuery({
    queryKey: ['inspections', 'list', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/inspections', { params: { query: { jurisdiction: code } }, signal })),
  });
  const items = list.data?.items ?? [];
  const year = currentYearInChina();
  const { data: report } = useListQuery({
    queryKey: ['inspections', 'report', code, year],
    enabled: code !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/inspection-reports/{code}/{year}', {
          params: { path: { code: code as string, year } },
          signal,
        }),
      ),
  });
  const load = () => queryClient.invalidateQueries({ queryKey: ['inspections'] });

  const show = async (id: number) => {
    try {
      setOpen(await unwrap(api.GET('/api/inspections/{id}', { params: { path: { id } } })));
    } catch (e) {
      showError(e, (m) => message.error(m));
    }
  };

  const startPlanning = async () => {
    if (!code) return;
    setPlanning(true);
    const [org, monitored, ledger] = await Promise.all([
      api.GET('/api/organisations', {
        params: { query: { jurisdiction: code, kind: 'member_department', pageSize: 100 } as never },
      }),
      api.GET('/api/enterprises/monitoring', {
        params: { query: { jurisdiction: code, pageSize: 100 } as never },
      }),
      api.GET('/api/enterprises/ledger', {
        params: { query: { jurisdiction: code, pageSize: 100 } as never },
      }),
    ]);
    setUnits(
      (org.data?.items ?? [])
        .filter((o) => o.jurisdictionCode === code)
        .map((o) => ({ value: o.id, label: o.name })),
    );
    setCandidates([
      ...(monitored.data?.items ?? []).map((e) => ({
        value: `monitoring:${e.id}`,
        label: `${e.name}（${t('inspection.source.monitoring')}）`,
      })),
      ...(ledger.data?.items ?? []).map((e) => ({
        value: `ledger:${e.id}`,
        label: `${e.name}（${t('inspection.source.ledger')}）`,
      })),
    ]);
  };

  const plan = async () => {
    const v = await planForm.validateFields();
    if (!code) return;
    const [from, to] = v.dates as [Dayjs, Dayjs];
    try {
      const created = await unwrap(
        api.POST('/api/inspections', {
          body: {
            jurisdictionCode: code,
            title: v.title,
            startsOn: from.format('YYYY-MM-DD'),
            endsOn: to.format('YYYY-MM-DD'),
            memberUnitIds: v.memberUnitIds,
            employers: (v.employers as string[]).map((s) => {
              const [source, id] = s.split(':');
              return { employerId: Number(id), source: source as 'ledger' | 'monitoring' };
            }),
          },
        }),
      );
      setPlanning(false);
      planForm.resetFields();
      setOpen(created);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), planForm);
    }
  };

  const ownUnit = open?.units.find((u) => u.id === me?.organisation?.id) ?? null;
  const record = async () => {
    if (!open) return;
    const v = await findingForm.validateFields();
    const unit = open.units.find((u) => u.id === (v.unitId ?? ownUnit?.id));
    try {
      const finding = await unwrap(
        api.POST('/api/inspections/{id}/findings', {
          params: { path: { id: open.id } },
          body: {
            employerId: v.employerId,
            ...(v.unitId ? { unitId: v.unitId } : {}),
            checklist: (unit?.checklist ?? []).map((c) => ({
              code: c.code,
              isMet: v.met?.[c.code] !== false,
            })),
            finding: v.finding,
            isHazard: Boolean(v.isHazard),
          },
        }),
      );
      if (photo)
        await uploadFile(
          `/api/inspection-findings/${finding.id}/photos?fileName=${encodeURIComponent(photo.name)}`,
          photo,
        );
      findingForm.resetFields();
      setPhoto(null);
      show(open.id);
    } catch (e) {
      showError(e, (m) => message.error(m), findingForm);
    }
  };

  const rectify = async () => {
    if (!rectifying || !open) return;
    const v = await rectForm.validateFields();
    try {
      await unwrap(
        api.POST('/api/inspection-findings/{id}/rectification', {
          params: { path: { id: rectifying.id } },
          body: { ...v, deadline: (v.deadline as Dayjs).format('YYYY-MM-DD') },
        }),
      );
      setRectifying(null);
      rectForm.resetFields();
      show(open.id);
      load();
    } catch (e) {
      showError(e, (m) => message.error(m), rectForm);
    }
  };

  const selectedUnitId = Form.useWatch('unitId', findingForm) as number | undefined;
  const checklistUnit = open?.units.find((u) => u.id === (selectedUnitId ?? ownUnit?.id));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('inspection.title')}
        extra={
          can('meetings:manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={startPlanning}
              data-testid="inspection-plan"
            >
              {t('inspection.plan')}
            </Button>
          )
        }
      >
        {report && (
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t('inspection.figure.inspections')} value={report.inspections} />
            <Statistic title={t('inspection.figure.employers')} value={report.employersInspected} />
            <Statistic title={t('inspection.figure.findings')} value={report.findings} />
            <Statistic title={t('inspection.figure.issued')} value={report.rectificationsIssued} />
            <Statistic title={t('inspection.figure.closed')} value={report.rectificationsClosed} />
          </Space>
        )}
        <Table
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          columns={[
            {
              title: t('inspection.name'),
              dataIndex: 'title',
              render: (v: string, row) => (
                <Button type="link" size="small" onClick={() => show(row.id)}>
                  {v}
                </Button>
              ),
            },
            { title: t('inspection.dates'), key: 'dates', render: (_, r) => `${r.startsOn} — ${r.endsOn}` },
            { title: t('inspection.employers'), dataIndex: 'employers' },
            {
              title: t('inspection.findings'),
              dataIndex: 'findings',
              render: (v: number) => <Tag color={v === 0 ? 'red' : 'green'}>{v}</Tag>,
            },
          ]}
        />
      </Card>
      {open && (
        <Card title={`${open.title}（${open.startsOn} — ${open.endsOn}）`} data-testid="inspection-detail">
          <Typography.Paragraph>
            {t('inspection.units')}：{open.units.map((u) => u.name).join('、')}
          </Typography.Paragraph>
          {can('meetings:report') && (
            <Form form={findingForm} layout="vertical" style={{ maxWidth: 560 }}>
              <Form.Item name="employerId" label={t('inspection.employer')}>
                <Select
                  data-testid="finding-employer"
                  options={open.employers.map((e) => ({ value: e.id, label: e.name }))}
                />
              </Form.Item>
              {(can('meetings:manage') || !ownUnit) && (
                <Form.Item name="unitId" label={t('inspection.unit')}>
                  <Select options={open.units.map((u) => ({ value: u.id, label: u.name }))} />
                </Form.Item>
              )}
              {checklistUnit?.checklist.map((c) => (
                <Form.Item
                  key={c.code}
                  name={['met', c.code]}
                  label={language === 'zh' ? c.zh : c.en}
                  valuePropName="checked"
                  initialValue={true}
                >
                  <Switch checkedChildren={t('inspection.met')} unCheckedChildren={t('inspection.notMet')} />
                </Form.Item>
              ))}
              <Form.Item name="finding" label={t('inspection.finding')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={3} data-testid="finding-text" />
              </Form.Item>
              <Form.Item name="isHazard" label={t('inspection.isHazard')} valuePropName="checked">
                <Switch data-testid="finding-hazard" />
              </Form.Item>
              <Form.Item label={t('inspection.photo')}>
                <input
                  type="file"
                  accept="image/*"
                  capture="environment"
                  onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
                />
              </Form.Item>
              <Button type="primary" block onClick={record} data-testid="finding-save">
                {t('inspection.record')}
              </Button>
            </Form>
          )}
          <List
            style={{ marginTop: 16 }}
            dataSource={open.findings}
            renderItem={(f) => (
              <List.Item
                data-testid={`finding-${f.id}`}
                actions={[
                  f.rectificationId ? (
                    <Tag color="blue" key="r">
                      {t('inspection.rectified', { deadline: f.rectificationDeadline ?? '' })}
                    </Tag>
                  ) : (
                    can('meetings:manage') &&
                    f.isHazard && (
                      <Button
                        key="r"
                        size="small"
                        onClick={() => setRectifying(f)}
                        data-testid="finding-rectify"
                      >
                        {t('inspection.toRectification')}
                      </Button>
                    )
                  ),
                ]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {f.employerName} · {f.unitName}{' '}
                      {f.isHazard && <Tag color="red">{t('inspection.hazard')}</Tag>}
                    </span>
                  }
                  description={
                    <span>
                      {f.finding}
                      {f.photos.map((p) => (
                        <a
                          key={p.id}
                          href={`/api/inspection-photos/${p.id}`}
                          target="_blank"
                          rel="noreferrer"
                        >
                          {' '}
                          📷 {p.fileName}
                        </a>
                      ))}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Modal open={isPlanning} title={t('inspection.plan')} onOk={plan} onCancel={() => setPlanning(false)}>
        <Form form={planForm} layout="vertical">
          <Form.Item name="title" label={t('inspection.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="dates" label={t('inspection.dates')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="memberUnitIds" label={t('inspection.units')} rules={[{ required: true }]}>
            <Select mode="multiple" options={units} />
          </Form.Item>
          <Form.Item name="employers" label={t('inspection.employers')} rules={[{ required: true }]}>
            <Select mode="multiple" options={candidates} optionFilterProp="label" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={rectifying !== null}
        title={t('inspection.toRectification')}
        onOk={rectify}
        onCancel={() => setRectifying(null)}
      >
        <Form form={rectForm} layout="vertical">
          <Form.Item
            name="suggestion"
            label={t('inspection.suggestion')}
            rules={[{ required: true, min: 2 }]}
          >
            <Input.TextArea rows={2} data-testid="rect-suggestion" />
          </Form.Item>
          <Form.Item name="deadline" label={t('inspection.deadline')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="rect-deadline" />
          </Form.Item>
          <Form.Item
            name="responsibleOrganisationId"
            label={t('inspection.responsible')}
            rules={[{ required: true }]}
          >
            <Select
              data-testid="rect-unit"
              options={(open?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
