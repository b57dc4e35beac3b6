import { useContext } from 'react';
import { I18nContext } from './i18n-context.ts';
import type { I18nContextValue, Translate } from './i18n-context.ts';

/** The current language and its setter. */
export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n() must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useI18n().t;
}
