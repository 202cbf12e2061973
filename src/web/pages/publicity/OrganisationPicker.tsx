import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

/**
 * Picks an organisation of a kind (default: an employer) of the current jurisdiction (and below)
 * by name or credit code as the user types (GET /api/organisations), instead of typing its id.
 */
export function OrganisationPicker({
  value,
  onChange,
  testId,
  kind = 'employer',
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  testId?: string;
  kind?: 'employer' | 'member_department' | 'industry_association';
}) {
  const { t } = useI18n();
  const { current } = useJurisdiction();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => {
      api
        .GET('/api/organisations', {
          params: {
            query: {
              jurisdiction: current.code,
              kind,
              search: search || undefined,
              pageSize: 30,
            },
          },
        })
        .then(({ data }) =>
          setOptions(
            (data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.name}（${o.jurisdictionName}${o.creditCode ? ` · ${o.creditCode}` : ''}）`,
            })),
          ),
        );
    }, 250);
    return () => clearTimeout(timer);
  }, [current, kind, search]);
  return (
    <Select
      allowClear
      data-testid={testId}
      placeholder={t('pu.employerSearch')}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      style={{ width: '100%' }}
    />
  );
}
