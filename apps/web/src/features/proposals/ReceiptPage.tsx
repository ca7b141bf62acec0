import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageFallback } from '../../app/NotFoundPage';
import { pagePath } from '../../app/page-paths';
import { formatInstant, viewerTimeZone } from '../../lib/format';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/ProblemAlert';
import { type Application, useApplication } from './proposal-queries';
import { Localized } from '../../ui/Localized';
import { useSubmission } from './document-queries';
import { SubmittedDocuments } from './SubmittedDocuments';

/**
 * The proof of submission, printable: every receipt number with the server's time, in UTC and in
 * the agency's zone, and the documents of each submission the receipts acknowledge with their full SHA-256.
 */
export function ReceiptPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const found = useApplication(id);
  if (found.error || !found.data) return <PageFallback query={found} />;
  const application = found.data;
  const zoneOf = (agencyId: string) => application.sides.find((s) => s.agency.id === agencyId)?.deadline.timeZone ?? 'UTC';
  // The latest submission first: it is what the receipts of the current state acknowledge.
  const submissions = [...new Set(application.receipts.flatMap((r) => (r.submissionNumber === null ? [] : [r.submissionNumber])))].sort(
    (a, b) => b - a,
  );
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
                <th scope="col">{t('proposalDocuments.receipt.submission')}</th>
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
                  <td>
                    {receipt.submissionNumber === null
                      ? t('common.none')
                      : t('proposalDocuments.submissions.numbered', { number: receipt.submissionNumber })}
                  </td>
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
      {submissions.map((number) => (
        <ReceiptSubmission key={number} application={application} number={number} />
      ))}
    </Page>
  );
}

/** The documents one submission froze, as the receipts acknowledge them. */
function ReceiptSubmission({ application, number }: { readonly application: Application; readonly number: number }) {
  const { t, i18n } = useTranslation();
  const submission = useSubmission(application.id, number);
  const headingId = `receipt-submission-${number}`;
  const agencyName = (agencyId: string) => application.sides.find((s) => s.agency.id === agencyId)?.agency.shortName ?? agencyId;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('proposalDocuments.receipt.documentsOf', { number })}</h2>
      <QueryState query={submission} />
      {submission.data && (
        <>
          <p className="muted">
            {t('proposalDocuments.submissions.submittedAtBy', {
              time: formatInstant(submission.data.submittedAt, i18n.language, viewerTimeZone()),
              name: submission.data.submittedBy.name,
            })}
          </p>
          <SubmittedDocuments
            documents={submission.data.documents}
            agencyName={agencyName}
            caption={t('proposalDocuments.submitted.caption', { number })}
          />
        </>
      )}
    </section>
  );
}
