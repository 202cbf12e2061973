import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * Colours with at least 4.5:1 contrast on white (WCAG 2.1 AA, 1.4.3): Ant Design's default blue
 * (#1677ff, 4.1:1) and its grey secondary and empty-state text (45 % black, 3.4:1) fall short, so
 * every public page (App.tsx wraps them) darkens them. axe-core checks it (decision 0039).
 */
export const ACCESSIBLE_THEME = {
  token: {
    colorPrimary: '#1f5fa8',
    colorLink: '#1f5fa8',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.68)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.62)',
  },
};

export function PortalTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={ACCESSIBLE_THEME}>{children}</ConfigProvider>;
}
