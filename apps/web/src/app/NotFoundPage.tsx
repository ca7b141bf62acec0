import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../ui/Page';
import { PAGES } from './page-paths';

/** Shown for unknown pages and for objects the api answers 404 (absent, or not the viewer's). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFound')}>
      <p>{t('common.notFoundText')}</p>
      <p>
        <Link to={PAGES.home}>{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}
