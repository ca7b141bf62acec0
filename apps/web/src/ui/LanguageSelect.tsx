import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage, type Language } from '../i18n';

/** The language of the pages; the choice is remembered in this browser. */
export function LanguageSelect({ visibleLabel = false }: { readonly visibleLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className={visibleLabel ? undefined : 'visually-hidden'}>{t('nav.language')}</span>
      <select value={i18n.language} onChange={(event) => rememberLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`nav.languages.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
