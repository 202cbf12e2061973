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
      <I18nProvider>
        <Localised />
      </I18nProvider>
    </StrictMode>,
  );
}
