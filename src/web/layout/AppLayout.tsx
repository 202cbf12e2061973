import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  GlobalOutlined,
  HomeOutlined,
  KeyOutlined,
  LineChartOutlined,
  LogoutOutlined,
  PercentageOutlined,
  ReadOutlined,
  SettingOutlined,
  SoundOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, type MenuProps, Spin, TreeSelect, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth';
import { useJurisdiction } from '../auth/jurisdiction';
import { useI18n } from '../i18n/i18n';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { me, can, signOut } = useAuth();
  const { t, language, setLanguage } = useI18n();
  const { tree, current, setCurrent } = useJurisdiction();
  const navigate = useNavigate();
  const location = useLocation();

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    {
      key: 'org',
      icon: <ApartmentOutlined />,
      label: t('nav.org'),
      children: [
        can('jurisdictions:read') && {
          key: '/jurisdictions',
          icon: <GlobalOutlined />,
          label: t('nav.jurisdictions'),
        },
        can('organisations:read') && {
          key: '/organisations',
          icon: <BankOutlined />,
          label: t('nav.organisations'),
        },
      ].filter(Boolean) as MenuProps['items'],
    },
    {
      key: 'exchange',
      icon: <SwapOutlined />,
      label: t('nav.exchange'),
      children: [
        can('exchange:read') && { key: '/exchange', label: t('nav.exchangeSubmit') },
        can('exchange:read') && { key: '/exchange/records', label: t('nav.records') },
        { key: '/exchange/formats', label: t('nav.exchangeFormats') },
      ].filter(Boolean) as MenuProps['items'],
    },
    can('enterprises:read') && {
      key: 'enterprises',
      icon: <AlertOutlined />,
      label: t('nav.enterprises'),
      children: [
        { key: '/shared-picture', label: t('nav.picture') },
        { key: '/enterprises/ledger', label: t('nav.ledger') },
        { key: '/enterprises/key-industries', label: t('nav.keyIndustries') },
      ],
    },
    (can('analytics:read') || can('bulletins:read')) && {
      key: 'analytics',
      icon: <LineChartOutlined />,
      label: t('nav.analytics'),
      children: [
        can('analytics:read') && { key: '/analytics', label: t('nav.dashboard') },
        can('analytics:read') && { key: '/analytics/targets', label: t('nav.targets') },
        can('analytics:read') && { key: '/analysis/ranking', label: t('nav.ranking') },
        can('bulletins:read') && { key: '/analysis/bulletins', label: t('nav.bulletins') },
      ].filter(Boolean) as MenuProps['items'],
    },
    (can('projects:read') || can('projects:declare') || can('reviews:score') || can('experts:read')) && {
      key: 'pp',
      icon: <AccountBookOutlined />,
      label: t('nav.prevention'),
      children: [
        can('projects:read') && { key: '/projects', label: t('nav.projects') },
        can('projects:read') && { key: '/finance', label: t('nav.finance') },
        can('projects:declare') && { key: '/own-projects', label: t('nav.ownProjects') },
        can('reviews:score') && { key: '/reviews', label: t('nav.reviews') },
        can('experts:read') && { key: '/experts', label: t('nav.experts') },
        { key: '/public/projects', label: t('nav.publicProjects') },
      ].filter(Boolean) as MenuProps['items'],
    },
    (can('training:read') || can('training:register') || can('training:school') || can('training:apply')) && {
      key: 'training-group',
      icon: <ReadOutlined />,
      label: t('nav.training'),
      children: [
        { key: '/training', label: t('nav.trainingCoverage') },
        { key: '/training/analysis', label: t('nav.trainingExtras') },
        { key: '/training/schools', label: t('nav.trainingSchools') },
        { key: '/training/providers', label: t('nav.trainingProviders') },
        { key: '/public/certificates', label: t('nav.certificateCheck') },
        { key: '/public/training-providers', label: t('nav.publicProviders') },
      ],
    },
    (can('rates:read') || can('rates:own')) && {
      key: 'rates-group',
      icon: <PercentageOutlined />,
      label: t('nav.rates'),
      children: [
        can('rates:read') && { key: '/rates', label: t('nav.rates') },
        can('rates:own') && { key: '/own-rates', label: t('nav.ownRates') },
      ].filter(Boolean) as MenuProps['items'],
    },
    // A learner's own entry (an officer holds training:study too, but reads training instead).
    can('training:study') &&
      !can('training:read') && { key: '/study', icon: <ReadOutlined />, label: t('nav.study') },
    (can('publicity:read') || can('publicity:apply')) && {
      key: 'publicity-group',
      icon: <SoundOutlined />,
      label: t('nav.publicity'),
      children: [
        { key: '/publicity', label: t('nav.publicityWork') },
        { key: '/public/publicity', label: t('nav.publicPublicity') },
      ],
    },
    (can('roster:read') || can('meetings:read')) && {
      key: 'jm',
      icon: <TeamOutlined />,
      label: t('nav.jointMeeting'),
      children: [
        can('roster:read') && { key: '/joint-meeting/roster', label: t('nav.roster') },
        can('meetings:read') && { key: '/joint-meeting/meetings', label: t('nav.meetings') },
        can('meetings:read') && { key: '/joint-meeting/action-items', label: t('nav.actionItems') },
        can('meetings:read') && { key: '/joint-meeting/yearly-reports', label: t('nav.yearlyReports') },
        can('meetings:read') && { key: '/joint-meeting/rectifications', label: t('nav.rectifications') },
        can('meetings:read') && { key: '/joint-meeting/inspections', label: t('nav.inspections') },
      ].filter(Boolean) as MenuProps['items'],
    },
    { key: '/inbox', icon: <BellOutlined />, label: t('nav.inbox') },
    (can('users:read') || can('audit:read') || can('settings:read')) && {
      key: 'system',
      icon: <KeyOutlined />,
      label: t('nav.system'),
      children: [
        can('users:read') && { key: '/users', icon: <UserOutlined />, label: t('nav.users') },
        can('users:manage') && { key: '/tokens', icon: <ApiOutlined />, label: t('nav.tokens') },
        can('audit:read') && { key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') },
        can('settings:read') && { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') },
      ].filter(Boolean) as MenuProps['items'],
    },
  ].filter(Boolean) as MenuProps['items'];

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
    { key: 'docs', icon: <GlobalOutlined />, label: t('nav.apiDocs') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        width={220}
        breakpoint="lg"
        collapsedWidth={64}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div
          style={{
            padding: '16px 20px',
            fontWeight: 600,
            fontSize: 18,
            color: '#1f5fa8',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {t('app.name')}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8, fontWeight: 400 }}>
            {t('app.title')}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[location.pathname.startsWith('/projects/') ? '/projects' : location.pathname]}
          defaultOpenKeys={['org', 'exchange', 'enterprises', 'analytics', 'pp', 'jm', 'system']}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text type="secondary">{t('header.jurisdiction')}</Typography.Text>
          <TreeSelect
            data-testid="jurisdiction-selector"
            style={{ width: 280 }}
            treeData={tree}
            value={current?.code}
            onChange={(code: string) => setCurrent(code)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={me ? [me.jurisdiction.code] : []}
          />
          <div style={{ flex: 1 }} />
          <Button
            type="text"
            onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
            data-testid="language-switch"
          >
            {t('header.language')}
          </Button>
          <Dropdown
            menu={{
              items: userMenu,
              onClick: async ({ key }) => {
                if (key === 'password') navigate('/account/password');
                if (key === 'docs') window.open('/api/docs', '_blank');
                if (key === 'logout') {
                  await signOut();
                  navigate('/login');
                }
              },
            }}
          >
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              {me?.displayName} · {me ? t(`role.${me.role}`) : ''}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
