import { createContext } from 'react';
import type { Language } from './language.ts';
import type { MessageKey } from './zh-cn.ts';

/** Values substituted into `{name}` placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** Translates a key into the current language. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export interface I18nContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nContextValue | null>(null);
