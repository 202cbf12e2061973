import { useQuery } from '@tanstack/react-query';
import { Tag, Tooltip } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';

/**
 * Projects declared by an employer that holds a designated warning-education base (PU-2: the
 * joint meeting favours them), as projectId → base name, for the jurisdiction shown; empty for a
 * user who may not read publicity.
 */
export function useFavouredProjects(code: string | undefined): Map<number, string> {
  const { can } = useAuth();
  const enabled = Boolean(code) && can('publicity:read');
  const { data } = useQuery({
    queryKey: ['favoured-projects', code],
    enabled,
    queryFn: () =>
      unwrap(api.GET('/api/publicity/favoured-projects', { params: { query: { jurisdiction: code } } })),
  });
  return new Map((data?.items ?? []).map((i) => [i.projectId, i.baseName]));
}

/** The mark on a project of a base's employer: 警示教育基地, its name on hover. */
export function BaseTag({ baseName }: { baseName: string | undefined }) {
  const { t } = useI18n();
  if (!baseName) return null;
  return (
    <Tooltip title={baseName}>
      <Tag color="purple" data-testid="base-tag">
        {t('pp.baseTag')}
      </Tag>
    </Tooltip>
  );
}
