import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { PORTAL_SECTIONS, PortalLayout } from './PortalLayout';

/** 信息公开门户 (SV-2): what the programme discloses to the public, no sign-in, in Chinese and English. */
export default function PortalHomePage() {
  const { t } = useI18n();
  return (
    <PortalLayout title={t('portal.homeTitle')}>
      <Typography.Paragraph>{t('portal.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]} data-testid="portal-sections">
        {PORTAL_SECTIONS.map((s) => (
          <Col key={s.path} xs={24} sm={12} lg={6}>
            <Card style={{ height: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 18 }}>
                <Link to={s.path}>{t(s.label)}</Link>
              </Typography.Title>
              <Typography.Paragraph style={{ margin: 0 }}>{t(s.description)}</Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </PortalLayout>
  );
}
