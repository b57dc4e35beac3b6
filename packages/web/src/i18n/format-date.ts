import type { Language } from './language.ts';

/** A date as people read it in the language: `2024年3月1日`, `March 1, 2024`. */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(iso),
  );
}

/** A date and time to the minute. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
