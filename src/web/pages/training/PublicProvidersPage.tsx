import { Card, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Schemas, showError, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { PortalLayout } from '../portal/PortalLayout';

type List = Schemas['PublicTrainingProviderList'];

/** Public (no sign-in): the recommended training institutions and online platforms (TR-5). */
export default function PublicProvidersPage() {
  const { t } = useI18n();
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(api.GET('/api/public/training-providers', { params: { query: {} } })).then(setList, (e) =>
      showError(e, setError),
    );
  }, []);
  return (
    <PortalLayout title={t('providers.publicTitle')}>
      <Card>
        {error}
        <Table
          rowKey="id"
          size="small"
          data-testid="public-providers"
          dataSource={list?.items ?? []}
          columns={[
            { title: t('providers.name'), dataIndex: 'name' },
            {
              title: t('providers.kind'),
              dataIndex: 'kind',
              render: (k: 'institution' | 'online_platform') => <Tag>{t(`providers.kind.${k}`)}</Tag>,
            },
            { title: t('providers.services'), dataIndex: 'services' },
            { title: t('schools.area'), dataIndex: 'jurisdictionName' },
            {
              title: t('providers.url'),
              dataIndex: 'url',
              render: (u: string | null) =>
                u ? (
                  <a href={u} target="_blank" rel="noreferrer">
                    {u}
                  </a>
                ) : (
                  ''
                ),
            },
            { title: t('providers.listedAt'), dataIndex: 'listedAt', render: (v: string) => v.slice(0, 10) },
          ]}
        />
      </Card>
    </PortalLayout>
  );
}
