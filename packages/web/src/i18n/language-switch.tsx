import { Segmented } from 'antd';
import { languages } from './language.ts';
import type { Language } from './language.ts';
import { useI18n } from './use-t.ts';

/** A two-way switch 中文 | English; the choice is remembered. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      data-testid="language-switch"
      size={size}
      value={language}
      onChange={setLanguage}
      options={languages.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  );
}
