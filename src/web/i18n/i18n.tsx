import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setApiLanguage } from '../api/client';
import { en, type MessageKey, zh } from './messages';

export type Language = 'zh' | 'en';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** Translates a key; dynamic keys (e.g. `role.${role}`) fall back to the key itself. */
  t(key: MessageKey | (string & {}), params?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'yufang.language';

function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const lang = initialLanguage();
    setApiLanguage(lang);
    return lang;
  });
  const setLanguage = useCallback((lang: Language) => {
    localStorage.setItem(STORAGE_KEY, lang);
    setApiLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    setLanguageState(lang);
  }, []);
  const value = useMemo<I18n>(() => {
    const table = language === 'zh' ? zh : en;
    return {
      language,
      setLanguage,
      t: (key, params = {}) =>
        ((table as Record<string, string>)[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) =>
          String(params[name] ?? ''),
        ),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
