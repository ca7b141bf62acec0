import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/problem';
import { Loading, Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
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

/**
 * What a page of one object shows until it has the object: not found (404: absent, or not the
 * viewer's), the problem the api answered, or that it is loading. Use as
 * `if (query.error || !query.data) return <PageFallback query={query} />`.
 */
export function PageFallback({ query }: { readonly query: { readonly error: unknown } }) {
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ProblemAlert error={query.error} />;
  return <Loading />;
}
