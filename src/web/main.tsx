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

/**
 * Form messages shown beside their field, so they need not name it: antd's defaults put the label
 * in, or, for a field without one (rows of a list), its raw name path ("请输入0,item").
 */
function validateMessages(t: ReturnType<typeof useI18n>['t']) {
  // antd fills in its own placeholders (${max}…): hand them through our {max} ones.
  const keep = { max: `\${max}`, min: `\${min}`, len: `\${len}` };
  return {
    required: t('form.required'),
    whitespace: t('form.required'),
    pattern: { mismatch: t('form.pattern') },
    types: {
      email: t('form.email'),
      url: t('form.url'),
      number: t('form.number'),
      integer: t('form.number'),
    },
    string: { max: t('form.maxChars', keep), min: t('form.minChars', keep), len: t('form.lenChars', keep) },
    number: { max: t('form.maxNumber', keep), min: t('form.minNumber', keep), range: t('form.range', keep) },
  };
}

// A form's validateFields() rejects when a field is invalid, and the form already shows why beside
// the field: such a rejection left unhandled in a modal's submit is not an error of the page.
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason as { errorFields?: unknown } | undefined;
  if (reason && typeof reason === 'object' && Array.isArray(reason.errorFields)) event.preventDefault();
});

function Localised() {
  const { language, t } = useI18n();
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1f5fa8' } }}
      form={{ validateMessages: validateMessages(t) }}
    >
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
