import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { NotFoundPage } from '../../app/NotFoundPage';
import { pagePath } from '../../app/page-paths';
import { formatInstant } from '../../lib/format';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useApplication } from './proposal-queries';
import { Localized } from '../../ui/Localized';

/** The proof of submission, printable: every receipt number with the server's time, in UTC and in the agency's zone. */
export function ReceiptPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const found = useApplication(id);
  if (found.error instanceof ApiError && found.error.status === 404) return <NotFoundPage />;
  if (found.error) return <ProblemAlert error={found.error} />;
  if (!found.data) return <Loading />;
  const application = found.data;
  const zoneOf = (agencyId: string) => application.sides.find((s) => s.agency.id === agencyId)?.deadline.timeZone ?? 'UTC';
  return (
    <Page
      title={t('receipt.title')}
      actions={
        <>
          <button type="button" className="no-print" onClick={() => window.print()}>
            {t('receipt.print')}
          </button>
          <Link className="button button-secondary no-print" to={pagePath('proposal', { id })}>
            {t('receipt.back')}
          </Link>
        </>
      }
    >
      <section className="card">
        <dl className="facts">
          <dt>{t('receipt.proposal')}</dt>
          <dd>{application.title}</dd>
          <dt>{t('receipt.call')}</dt>
          <dd>
            <Localized text={application.call.title} />
          </dd>
          <dt>{t('receipt.applicationId')}</dt>
          <dd>
            <code>{application.id}</code>
          </dd>
        </dl>
      </section>
      {application.receipts.length === 0 ? (
        <p>{t('receipt.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('receipt.receipts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('receipt.number')}</th>
                <th scope="col">{t('receipt.kind')}</th>
                <th scope="col">{t('calls.agency')}</th>
                <th scope="col">{t('receipt.serverTime')}</th>
              </tr>
            </thead>
            <tbody>
              {application.receipts.map((receipt) => (
                <tr key={receipt.number}>
                  <th scope="row">
                    <code>{receipt.number}</code>
                  </th>
                  <td>{t(`receipts.${receipt.kind}`)}</td>
                  <td>{receipt.agency.shortName}</td>
                  <td>
                    <time dateTime={receipt.issuedAt}>{receipt.issuedAt.replace('.000Z', 'Z')}</time>
                    <span className="agency-time muted small">
                      {' '}
                      ({formatInstant(receipt.issuedAt, i18n.language, zoneOf(receipt.agency.id))})
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
