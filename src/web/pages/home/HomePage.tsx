import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';

type WorkbenchCard = Schemas['Workbench']['cards'][number];

/** 工作台 (decision 0041): the work waiting for the signed-in user, each count a link to the filtered page. */
export default function HomePage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const { data, isLoading } = useQuery({
    queryKey: queryKeys.workbench,
    queryFn: async ({ signal }) => unwrap(api.GET('/api/workbench', { signal })),
    enabled: Boolean(me) && !me?.mustChangePassword,
  });
  if (!me) return null;
  // Work first: the cards with something waiting, then the quiet ones.
  const cards = [...(data?.cards ?? [])].sort((a, b) => Number(b.count > 0) - Number(a.count > 0));
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
      <Card title={t('wb.todo')} data-testid="workbench">
        {isLoading ? (
          <Skeleton active />
        ) : cards.length === 0 ? (
          <Empty description={t('wb.none')} />
        ) : (
          <Row gutter={[16, 16]}>
            {cards.map((card) => (
              <Col key={card.key} xs={24} sm={12} lg={8} xl={6}>
                <WorkCard card={card} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </div>
  );
}

function WorkCard({ card }: { card: WorkbenchCard }) {
  const { t } = useI18n();
  // Work waiting is marked; messages and a unit's open (not overdue) items are not urgent.
  const isUrgent = card.count > 0 && card.key !== 'unreadNotifications' && card.key !== 'myOpenActionItems';
  return (
    <Link
      to={card.link}
      data-testid={`wb-${card.key}`}
      aria-label={`${t(`wb.card.${card.key}`)}: ${card.count}`}
    >
      <Card hoverable size="small">
        <Statistic
          title={t(`wb.card.${card.key}`)}
          value={card.count}
          valueStyle={{ color: isUrgent ? '#cf1322' : card.count > 0 ? '#1677ff' : 'rgba(0,0,0,0.45)' }}
        />
        <Typography.Text type="secondary">{t('wb.open')} →</Typography.Text>
      </Card>
    </Link>
  );
}
