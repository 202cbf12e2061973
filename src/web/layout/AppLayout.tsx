import { BellOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Badge,
  Breadcrumb,
  Button,
  Dropdown,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Spin,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import { Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { useAuth } from '../auth/auth';
import { useJurisdiction } from '../auth/jurisdiction';
import { useI18n } from '../i18n/i18n';
import { HOME_ICON, MENU_GROUPS, matchRoute, mayOpen, ROUTES } from '../routes';

const { Header, Sider, Content } = Layout;
const HEADER_HEIGHT = 56;

/** The header's bell: the unread count, refreshed every minute and whenever the inbox changes it. */
function MessageBell() {
  const { t } = useI18n();
  const { data: unread = 0 } = useQuery({
    queryKey: queryKeys.unreadNotifications,
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/notifications', { params: { query: { unreadOnly: 'true', pageSize: 1 } }, signal }),
        )
      ).total,
    refetchInterval: 60_000,
  });
  return (
    <Tooltip title={t('shell.unread', { count: unread })}>
      <Link to="/inbox" data-testid="message-bell" aria-label={t('shell.unread', { count: unread })}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18, color: 'rgba(0,0,0,0.65)' }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}

/** A page opens at its top, whatever the scroll of the page before (runs when the new page commits). */
function ScrollToTop({ pathname }: { pathname: string }) {
  useLayoutEffect(() => {
    if (pathname) window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

/**
 * The signed-in shell: a fixed header and sidebar, the menu built from the route table (routes.tsx)
 * for what the user may open, one group open at a time, breadcrumbs, and the page scrolled to the
 * top on every navigation.
 */
export function AppLayout() {
  const { me, can, signOut } = useAuth();
  const { t, language, setLanguage } = useI18n();
  const { tree, current, setCurrent, byCode } = useJurisdiction();
  const navigate = useNavigate();
  const location = useLocation();
  // A link into a page may name its area (?jurisdiction=350900, e.g. a scorecard score's records):
  // it becomes the header's jurisdiction when it lies in the user's scope.
  const linkedJurisdiction = new URLSearchParams(location.search).get('jurisdiction');
  useEffect(() => {
    if (linkedJurisdiction && byCode.has(linkedJurisdiction)) setCurrent(linkedJurisdiction);
  }, [linkedJurisdiction, byCode, setCurrent]);
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  // On a phone the menu folds away (width 0): an open group would float over the page as a popup.
  const [isMenuFolded, setMenuFolded] = useState(false);

  const route = matchRoute(location.pathname);
  const listRoute = route?.parent ? ROUTES.find((r) => r.path === route.parent) : route;
  const selectedKey = listRoute ? `/${listRoute.path}` : location.pathname;
  const currentGroup = listRoute?.group;

  const items = useMemo<MenuProps['items']>(() => {
    const groups = MENU_GROUPS.map((group) => {
      const entries = ROUTES.filter((r) => r.group === group.key && mayOpen(r, can));
      // A group of public links only (信息公开, 证书查验) is not worth a menu group of its own.
      if (!entries.some((r) => r.layout !== 'public')) return null;
      return {
        key: group.key,
        icon: group.icon,
        label: t(group.label),
        children: entries.map((r) => ({ key: `/${r.path}`, label: t(r.label), title: t(r.label) })),
      };
    }).filter((g) => g !== null);
    return [{ key: '/', icon: HOME_ICON, label: t('nav.home') }, ...groups];
  }, [can, t]);

  // Only the current page's group is open; opening another closes it (ant-design-pro's accordion).
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  useEffect(() => {
    if (currentGroup) setOpenKeys([currentGroup]);
  }, [currentGroup]);

  const group = MENU_GROUPS.find((g) => g.key === currentGroup);
  const crumbs = [
    { key: 'home', title: <Link to="/">{t('nav.home')}</Link> },
    ...(group ? [{ key: 'group', title: t(group.label) }] : []),
    ...(listRoute && listRoute.path !== '' && listRoute !== route
      ? [{ key: 'list', title: <Link to={`/${listRoute.path}`}>{t(listRoute.label)}</Link> }]
      : []),
    ...(route && route.path !== '' ? [{ key: 'page', title: t(route.label) }] : []),
  ];

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
    { key: 'docs', icon: <GlobalOutlined />, label: t('nav.apiDocs') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        width={224}
        breakpoint="md"
        collapsedWidth={0}
        theme="light"
        data-testid="sidebar"
        onCollapse={(folded) => setMenuFolded(folded)}
        style={{
          borderRight: '1px solid #f0f0f0',
          position: 'sticky',
          top: 0,
          height: '100vh',
          zIndex: 20,
        }}
      >
        <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
          <div
            style={{
              height: HEADER_HEIGHT,
              lineHeight: `${HEADER_HEIGHT}px`,
              padding: '0 20px',
              fontWeight: 600,
              fontSize: 18,
              color: '#1f5fa8',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              flex: 'none',
            }}
          >
            {t('app.name')}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8, fontWeight: 400 }}>
              {t('app.title')}
            </Typography.Text>
          </div>
          <Menu
            mode="inline"
            style={{ flex: 1, overflowY: 'auto', overflowX: 'hidden', borderInlineEnd: 0 }}
            selectedKeys={[selectedKey]}
            openKeys={isMenuFolded ? [] : openKeys}
            onOpenChange={(keys) => setOpenKeys(keys.filter((k) => !openKeys.includes(k)).slice(-1))}
            items={items}
            onClick={({ key }) => navigate(key)}
          />
        </div>
      </Sider>
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: '#fff',
            padding: narrow ? '0 12px 0 48px' : '0 24px',
            height: HEADER_HEIGHT,
            lineHeight: `${HEADER_HEIGHT}px`,
            display: 'flex',
            alignItems: 'center',
            gap: narrow ? 8 : 16,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {!narrow && <Typography.Text type="secondary">{t('header.jurisdiction')}</Typography.Text>}
          <TreeSelect
            data-testid="jurisdiction-selector"
            style={{ width: narrow ? undefined : 280, flex: narrow ? 1 : undefined, minWidth: 0 }}
            treeData={tree}
            value={current?.code}
            onChange={(code: string) => setCurrent(code)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={me ? [me.jurisdiction.code] : []}
          />
          {!narrow && <div style={{ flex: 1 }} />}
          <MessageBell />
          <Button
            type="text"
            size={narrow ? 'small' : 'middle'}
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
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={me?.displayName}>
              {narrow ? null : `${me?.displayName ?? ''} · ${me ? t(`role.${me.role}`) : ''}`}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          {crumbs.length > 1 && (
            <Breadcrumb
              className="no-print"
              data-testid="breadcrumb"
              style={{ marginBottom: 12 }}
              items={crumbs}
            />
          )}
          <Suspense fallback={<Spin />}>
            <ScrollToTop pathname={location.pathname} />
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
