import { Layout, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { PortalTheme } from './PortalTheme';

/** The portal's sections, in navigation order: a path under the site root and its label. */
export const PORTAL_SECTIONS: readonly { path: string; label: MessageKey; description: MessageKey }[] = [
  { path: '/public/fees', label: 'portal.fees', description: 'portal.fees.desc' },
  { path: '/public/projects', label: 'portal.projects', description: 'portal.projects.desc' },
  { path: '/public/statistics', label: 'portal.statistics', description: 'portal.statistics.desc' },
  { path: '/public/bulletins', label: 'portal.bulletins', description: 'portal.bulletins.desc' },
  { path: '/public/training-providers', label: 'portal.training', description: 'portal.training.desc' },
  { path: '/public/publicity', label: 'portal.publicity', description: 'portal.publicity.desc' },
  { path: '/public/certificates', label: 'portal.certificates', description: 'portal.certificates.desc' },
  { path: '/public/open-data', label: 'portal.openData', description: 'portal.openData.desc' },
];

/** The skip link (WCAG 2.4.1) stays off screen until it has the keyboard focus. */
const SKIP_LINK_CSS =
  '.portal-skip{position:absolute;left:-9999px}.portal-skip:focus{left:8px;top:8px;z-index:10;background:#fff;color:#1f5fa8;padding:4px 8px}';

/**
 * The public portal's frame (SV-2), no sign-in: a skip link, the title, the language switch and the
 * sections' navigation, then the page in a <main>. The page's language is set on <html> so screen
 * readers read each language with its own voice.
 */
export function PortalLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { pathname } = useLocation();
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = `${title} · ${t('portal.title')}`;
  }, [language, title, t]);
  return (
    <PortalTheme>
      <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
        <style>{SKIP_LINK_CSS}</style>
        <a href="#portal-main" className="portal-skip">
          {t('portal.skip')}
        </a>
        <header style={{ background: '#1f5fa8', padding: '12px 24px' }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
            <Link to="/public" style={{ color: '#fff', fontSize: 20, fontWeight: 600, flex: 1 }}>
              {t('portal.title')}
            </Link>
            <button
              type="button"
              lang={language === 'zh' ? 'en' : 'zh-CN'}
              onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
              style={{
                color: '#fff',
                background: 'transparent',
                border: '1px solid #fff',
                borderRadius: 4,
                padding: '4px 12px',
                cursor: 'pointer',
              }}
            >
              {language === 'zh' ? 'English' : '中文'}
            </button>
          </div>
          <nav aria-label={t('portal.navLabel')} style={{ marginTop: 8 }}>
            <ul
              style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 16, margin: 0, padding: 0 }}
            >
              <li>
                <Link
                  to="/public"
                  style={{ color: '#fff' }}
                  aria-current={pathname === '/public' ? 'page' : undefined}
                >
                  {t('portal.home')}
                </Link>
              </li>
              {PORTAL_SECTIONS.map((s) => (
                <li key={s.path}>
                  <Link
                    to={s.path}
                    style={{ color: '#fff', textDecoration: pathname === s.path ? 'underline' : 'none' }}
                    aria-current={pathname === s.path ? 'page' : undefined}
                  >
                    {t(s.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="portal-main" style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
          <Typography.Title level={1} style={{ fontSize: 26 }}>
            {title}
          </Typography.Title>
          {children}
        </main>
      </Layout>
    </PortalTheme>
  );
}
