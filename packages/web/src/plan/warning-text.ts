import type { PlanWarningDto } from '@ssj/server/api-types';
import type { Language } from '../i18n/language.ts';

/** A parser warning in the reader's language: Chinese by default, the parser's English for English readers. */
export function selectWarningText(warning: PlanWarningDto, language: Language): string {
  return language === 'en' ? warning.message : warning.messageZh;
}
