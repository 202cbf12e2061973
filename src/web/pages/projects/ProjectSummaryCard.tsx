import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { DocumentButton } from '../../components/DocumentButton';
import { useI18n } from '../../i18n/i18n';
import { BaseTag, useFavouredProjects } from './BaseTag';
import { BudgetLinesTable } from './BudgetLinesTable';
import { STATUS_COLORS, yuan } from './format';
import { describePerformance } from './PerformanceFields';
import type { Action, Detail } from './projectActions';

/** The project's record with the actions the signed-in user may take now. */
export function ProjectSummaryCard({
  project,
  available,
  onAction,
}: {
  project: Detail;
  available: Action[];
  onAction(action: Action): void;
}) {
  const { t } = useI18n();
  const favoured = useFavouredProjects(project.jurisdiction.code);
  return (
    <Card
      title={
        <Space>
          {project.title}
          <Tag color={STATUS_COLORS[project.status]} data-testid="project-status">
            {t(`pp.status.${project.status}`)}
          </Tag>
          {project.isShowcase && <Tag color="gold">{t('pp.showcase')}</Tag>}
          <BaseTag baseName={favoured.get(project.id)} />
        </Space>
      }
      extra={
        <Space wrap>
          <DocumentButton url={`/api/projects/${project.id}/declaration`} label={t('doc.declaration')} />
          {available.map((a) => (
            <Button
              key={a.key}
              type={a.isPrimary ? 'primary' : 'default'}
              data-testid={`action-${a.key}`}
              onClick={() => onAction(a)}
            >
              {t(`pp.action.${a.key}`)}
            </Button>
          ))}
        </Space>
      }
    >
      <Descriptions column={3} size="small" bordered>
        <Descriptions.Item label={t('pp.applicant')}>{project.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('pp.type')}>{t(`pp.type.${project.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('pp.keyField')}>{project.keyField}</Descriptions.Item>
        <Descriptions.Item label={t('pp.requested')}>{yuan(project.requestedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('pp.contract')}>{yuan(project.contractFen)}</Descriptions.Item>
        <Descriptions.Item label={t('pp.deduction')}>{yuan(project.deductionFen)}</Descriptions.Item>
        <Descriptions.Item label={t('pp.score')}>{project.reviewScore ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pp.serviceOrg')}>
          {project.serviceOrganisation?.name ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('pp.agreementNo')}>{project.agreementNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pp.summary')} span={3}>
          {project.summary}
        </Descriptions.Item>
        <Descriptions.Item label={t('pp.budgetLines')} span={3}>
          <BudgetLinesTable lines={project.budgetLines} />
        </Descriptions.Item>
        <Descriptions.Item label={t('pp.perf.targets')} span={3}>
          {describePerformance(t, project.performanceTargets)}
        </Descriptions.Item>
        <Descriptions.Item label={t('pp.perf.results')} span={3}>
          {describePerformance(t, project.performanceResults)}
        </Descriptions.Item>
        {project.disclosureText && (
          <Descriptions.Item label={t('pp.disclosureText')} span={3}>
            {project.disclosureText}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
