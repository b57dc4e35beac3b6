import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdEnUs from 'antd/locale/en_US';
import antdZhCn from 'antd/locale/zh_CN';
import { en } from './en.ts';
import { formatMessage } from './format-message.ts';
import { I18nContext } from './i18n-context.ts';
import type { I18nContextValue, MessageValues } from './i18n-context.ts';
import { readStoredLanguage, storeLanguage } from './language.ts';
import type { Language } from './language.ts';
import { zhCn } from './zh-cn.ts';
import type { MessageKey, Messages } from './zh-cn.ts';

const dictionaries: Record<Language, Messages> = { 'zh-CN': zhCn, en };
const antdLocales = { 'zh-CN': antdZhCn, en: antdEnUs } as const;

/** Holds the UI language (remembered in localStorage) and configures antd for it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18nContextValue>(() => {
    const dictionary = dictionaries[language];
    return {
      language,
      setLanguage,
      t: (key: MessageKey, values?: MessageValues) => formatMessage(dictionary[key], values),
    };
  }, [language, setLanguage]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = dictionaries[language]['app.title'];
  }, [language]);

  return (
    <I18nContext value={value}>
      <ConfigProvider locale={antdLocales[language]}>{children}</ConfigProvider>
    </I18nContext>
  );
}
