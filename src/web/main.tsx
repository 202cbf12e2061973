import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './App';
import { AuthProvider } from './auth/auth';
import { JurisdictionProvider } from './auth/jurisdiction';
import { I18nProvider, useI18n } from './i18n/i18n';

/**
 * Page data goes through TanStack Query (decision 0030): requests carry an AbortSignal and are
 * cancelled when their key changes, so a slow answer never overwrites a newer one; writes invalidate
 * the keys they change.
 */
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
});

function Localised() {
  const { language } = useI18n();
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1f5fa8' } }}>
      <AntApp>
        <AuthProvider>
          <JurisdictionProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </JurisdictionProvider>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <Localised />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
