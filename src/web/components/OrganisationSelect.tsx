import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';

/** Picks an organisation of a jurisdiction (and below), searching by name as the user types. */
export function OrganisationSelect({
  jurisdictionCode,
  value,
  onChange,
  initialLabel,
}: {
  jurisdictionCode?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string | null;
}) {
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);

  useEffect(() => {
    if (!jurisdictionCode) return;
    const timer = setTimeout(() => {
      api
        .GET('/api/organisations', {
          params: { query: { jurisdiction: jurisdictionCode, search: search || undefined, pageSize: 30 } },
        })
        .then(({ data }) => setOptions((data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))));
    }, 250);
    return () => clearTimeout(timer);
  }, [jurisdictionCode, search]);

  const withCurrent =
    value && initialLabel && !options.some((o) => o.value === value)
      ? [{ value, label: initialLabel }, ...options]
      : options;
  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={withCurrent}
      showSearch={{ filterOption: false, onSearch: setSearch }}
    />
  );
}
