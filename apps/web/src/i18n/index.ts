import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './catalogues';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'jointcall.language';

/** The remembered choice, else the browser's language: Japanese for ja-*, English otherwise. */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (stored === 'ja' || stored === 'en') return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

const language = initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages);
document.documentElement.lang = language;
i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { en: { translation: catalogues.en }, ja: { translation: catalogues.ja } },
  lng: language,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export { i18next };
