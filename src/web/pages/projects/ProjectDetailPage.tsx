import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, showError, unwrap } from '../../api/client';
import { useRecordQuery } from '../../api/use-record-query';
import { useAuth } from '../../auth/auth';
import { LoadFailed } from '../../components/ResultPages';
import { useI18n } from '../../i18n/i18n';
import { PanelCard } from './PanelCard';
import { ProcurementCard } from './ProcurementCard';
import { PaymentsCard, TimelineCard } from './ProjectRecordCards';
import { ProjectSummaryCard } from './ProjectSummaryCard';
import { type Action, type Detail, projectActions } from './projectActions';

/** One project: its record, the panel and draw, payments, and the whole-process timeline (PP-6). */
export default function ProjectDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [active, setActive] = useState<Action | null>(null);
  const [form] = Form.useForm();

  const key = ['projects', 'detail', id];
  const projectQuery = useRecordQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(api.GET('/api/projects/{id}', { params: { path: { id } }, signal })),
  });
  const project: Detail | null = projectQuery.data ?? null;
  // A write answers with the whole project: it becomes the page's data.
  const setProject = (next: Detail) => queryClient.setQueryData(key, next);
  const load = () => queryClient.invalidateQueries({ queryKey: ['projects'] });

  // The service organisations of the project's jurisdiction; without them the choice is empty.
  const jurisdictionCode = project?.jurisdiction.code;
  const serviceOrgList = useQuery({
    queryKey: ['service-organisations', 'options', jurisdictionCode],
    enabled: jurisdictionCode !== undefined,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/service-organisations', {
          params: { query: { jurisdiction: jurisdictionCode } },
          signal,
        }),
      ),
  });
  const serviceOrgs = (serviceOrgList.data?.items ?? []).map((o) => ({
    value: o.id,
    label: o.barredReason ? `${o.name}（${t('pp.barred')}）` : o.name,
    disabled: Boolean(o.barredReason),
  }));

  const actions = projectActions(t, id, serviceOrgs);

  if (projectQuery.error)
    return <LoadFailed error={projectQuery.error} onRetry={() => projectQuery.refetch()} />;
  if (!project) return <Card loading />;
  const isScheduled = project.draw?.status === 'scheduled';
  const available = actions.filter(
    (a) =>
      a.when.includes(project.status) &&
      can(a.permission) &&
      (a.key !== 'schedule' || !project.draw) &&
      (a.key !== 'draw' || isScheduled) &&
      (a.key !== 'showcase' || !project.isShowcase),
  );

  const run = async () => {
    if (!active) return;
    const values = active.fields ? await form.validateFields() : {};
    try {
      setProject(await active.send(values));
      message.success(t('common.saved'));
      setActive(null);
    } catch (e) {
      showError(e, (m) => message.error(m), active.fields ? form : undefined);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ProjectSummaryCard
        project={project}
        available={available}
        onAction={(a) => {
          form.resetFields();
          setActive(a);
        }}
      />
      <PanelCard project={project} onChange={setProject} />
      <ProcurementCard project={project} serviceOrgs={serviceOrgs} onChange={load} />
      <PaymentsCard project={project} />
      <TimelineCard project={project} />
      <Modal
        open={Boolean(active)}
        title={active ? t(`pp.action.${active.key}`) : ''}
        onOk={run}
        onCancel={() => setActive(null)}
        destroyOnHidden
      >
        {active?.fields ? (
          <Form form={form} layout="vertical">
            {active.fields}
          </Form>
        ) : (
          t('pp.confirmAction')
        )}
      </Modal>
    </Space>
  );
}
