import type { MessageValues } from './i18n-context.ts';

/** Fills `{name}` placeholders; unknown placeholders are left as written so the gap is visible. */
export function formatMessage(template: string, values?: MessageValues): string {
  if (values === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
