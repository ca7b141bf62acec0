import { useTranslation } from 'react-i18next';
import { type Bilingual, pick } from '../lib/format';

/**
 * Bilingual content in the reader's language; where only the other language was given, it is shown
 * and marked with its own `lang`, so that screen readers pronounce it right (WCAG 3.1.2).
 */
export function Localized({ text }: { readonly text: Bilingual | null | undefined }) {
  const { i18n } = useTranslation();
  const shown = pick(text, i18n.language);
  const own = i18n.language === 'ja' ? text?.ja : text?.en;
  if (own?.trim() || shown === '') return <>{shown}</>;
  return <span lang={i18n.language === 'ja' ? 'en' : 'ja'}>{shown}</span>;
}
