import { Alert, Card, Col, Descriptions, List, Row, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { useAuth } from '../../auth/auth';
import { useJurisdiction } from '../../auth/jurisdiction';
import { useI18n } from '../../i18n/i18n';

export default function HomePage() {
  const { me, can } = useAuth();
  const { t } = useI18n();
  const { all, current } = useJurisdiction();
  const [organisationCount, setOrganisationCount] = useState<number | null>(null);
  const [rosterCount, setRosterCount] = useState<number | null>(null);
  const [myItems, setMyItems] = useState<Schemas['ActionItem'][]>([]);
  const code = current?.code;

  useEffect(() => {
    if (!code) return;
    if (can('organisations:read')) {
      api
        .GET('/api/organisations', { params: { query: { jurisdiction: code, pageSize: 1 } } })
        .then(({ data }) => setOrganisationCount(data?.total ?? null));
    }
    if (can('roster:read')) {
      api
        .GET('/api/joint-meetings/{code}/roster', { params: { path: { code } } })
        .then(({ data }) => setRosterCount(data?.current.length ?? null));
    }
    if (can('meetings:read') && me?.organisation) {
      api
        .GET('/api/action-items', { params: { query: { mine: 'true' } as never } })
        .then(({ data }) => setMyItems((data?.items ?? []).filter((i) => i.status !== 'closed')));
    }
  }, [code, can, me?.organisation]);

  if (!me) return null;
  const below = current ? all.filter((j) => j.path.startsWith(`${current.path}/`)).length : 0;
  return (
    <div>
      <Typography.Title level={3}>{t('home.welcome', { name: me.displayName })}</Typography.Title>
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title={<Link to="/account/password">{t('home.mustChange')}</Link>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('header.jurisdiction')}>
            {t('home.scope', { name: me.jurisdiction.name })}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.role')}>{t(`role.${me.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('home.organisation')}>
            {me.organisation?.name ?? t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={`${current?.name ?? ''} · ${t('home.counts.prefectures')}`} value={below} />
            <Link to="/jurisdictions">{t('nav.jurisdictions')}</Link>
          </Card>
        </Col>
        {can('organisations:read') && (
          <Col xs={24} md={8}>
            <Card>
              <Statistic title={t('home.counts.organisations')} value={organisationCount ?? '—'} />
              <Link to="/organisations">{t('nav.organisations')}</Link>
            </Card>
          </Col>
        )}
        {can('roster:read') && (
          <Col xs={24} md={8}>
            <Card>
              <Statistic title={t('home.counts.roster')} value={rosterCount ?? '—'} />
              <Link to="/joint-meeting/roster">{t('nav.roster')}</Link>
            </Card>
          </Col>
        )}
      </Row>
      {myItems.length > 0 && (
        <Card title={t('home.myItems')} style={{ marginTop: 16 }} data-testid="my-items">
          <List
            dataSource={myItems}
            renderItem={(item) => (
              <List.Item
                extra={
                  <Tag color={item.isOverdue ? 'red' : 'blue'}>
                    {item.isOverdue ? t('itemStatus.overdue') : t(`itemStatus.${item.status}`)}
                  </Tag>
                }
              >
                <Link to={`/joint-meeting/action-items/${item.id}`}>{item.title}</Link>
                <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                  {t('item.deadline')} {item.deadline}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
