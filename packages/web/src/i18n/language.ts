/** The UI languages, zh-CN first. */
export const languages = ['zh-CN', 'en'] as const;

export type Language = (typeof languages)[number];

const storageKey = 'ssj.language';

/** Reads the remembered language; zh-CN when none is stored or storage is unavailable. */
export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return languages.find((language) => language === stored) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Remembers the language; silently ignored when storage is unavailable (private mode). */
export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Nothing to do: the choice lasts for this page only.
  }
}
