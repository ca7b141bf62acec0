import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { formatInstant, formatNumber, viewerTimeZone } from '../../lib/format';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { type AssignmentProgress, useProgress, useRemind, useUnassign } from './agency-review-queries';
import { CallReviewPage } from './CallReviewPage';
import { canRemind, type ProgressCount, progressByProposal, progressByReviewer } from './progress-board';

/** Reviews done per proposal and per reviewer, every assignment with its due time, overdue ones marked, and reminders. */
export function ProgressPage() {
  const { callId = '' } = useParams();
  const { t } = useTranslation();
  const progress = useProgress(callId);
  const rows = progress.data ?? [];
  return (
    <CallReviewPage callId={callId} title={t('agencyReview.progress.title')}>
      <QueryState query={progress} />
      {progress.data && rows.length === 0 && <p>{t('agencyReview.progress.empty')}</p>}
      {rows.length > 0 && (
        <>
          <div className="grid-2">
            <CountTable
              caption={t('agencyReview.progress.byProposal')}
              head={t('agencyReview.progress.proposal')}
              counts={progressByProposal(rows)}
            />
            <CountTable
              caption={t('agencyReview.progress.byReviewer')}
              head={t('agencyReview.progress.reviewer')}
              counts={progressByReviewer(rows)}
            />
          </div>
          <Assignments callId={callId} rows={rows} />
        </>
      )}
    </CallReviewPage>
  );
}

function CountTable({
  caption,
  head,
  counts,
}: {
  readonly caption: string;
  readonly head: string;
  readonly counts: readonly ProgressCount[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t('agencyReview.progress.done')}</th>
            <th scope="col">{t('agencyReview.progress.overdueCount')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>
                {t('agencyReview.progress.doneOf', {
                  done: formatNumber(c.done, i18n.language),
                  assigned: formatNumber(c.assigned, i18n.language),
                })}
              </td>
              <td>{formatNumber(c.overdue, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Assignments({ callId, rows }: { readonly callId: string; readonly rows: readonly AssignmentProgress[] }) {
  const { t, i18n } = useTranslation();
  const remind = useRemind(callId);
  const unassign = useUnassign(callId);
  const [sent, setSent] = useState('');
  const when = (iso: string | null) => (iso ? formatInstant(iso, i18n.language, viewerTimeZone()) : '–');
  const send = (row: AssignmentProgress) => {
    setSent('');
    remind.mutate(row.id, {
      onSuccess: () => setSent(t('agencyReview.progress.reminderSent', { name: row.reviewerName, title: row.applicationTitle })),
    });
  };
  return (
    <section aria-labelledby="progress-assignments">
      <h2 id="progress-assignments">{t('agencyReview.progress.assignments')}</h2>
      <ProblemAlert error={remind.error ?? unassign.error} />
      <p role="status" aria-live="polite">
        {sent}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('agencyReview.progress.assignments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agencyReview.progress.proposal')}</th>
              <th scope="col">{t('agencyReview.progress.reviewer')}</th>
              <th scope="col">{t('agencyReview.progress.status')}</th>
              <th scope="col">{t('agencyReview.progress.review')}</th>
              <th scope="col">{t('agencyReview.progress.dueAt')}</th>
              <th scope="col">{t('agencyReview.progress.lastReminded')}</th>
              <th scope="col">{t('agencyReview.progress.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.overdue ? 'row-overdue' : undefined}>
                <th scope="row">
                  <Link to={pagePath('agencyApplication', { callId, id: row.applicationId })}>{row.applicationTitle}</Link>
                </th>
                <td>{row.reviewerName}</td>
                <td>{t(`agencyReview.progress.statuses.${row.status}`)}</td>
                <td>{t(`agencyReview.progress.reviews.${row.review}`)}</td>
                <td>
                  {when(row.dueAt)}
                  {row.overdue && (
                    <>
                      {' '}
                      <strong className="badge badge-overdue">{t('agencyReview.progress.overdue')}</strong>
                    </>
                  )}
                </td>
                <td>{when(row.lastRemindedAt)}</td>
                <td>
                  {canRemind(row) ? (
                    <div className="inline">
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={remind.isPending}
                        aria-label={t('agencyReview.progress.remindNamed', { name: row.reviewerName, title: row.applicationTitle })}
                        onClick={() => send(row)}
                      >
                        {t('agencyReview.progress.remind')}
                      </button>
                      <ConfirmButton
                        label={t('agencyReview.progress.unassign')}
                        question={t('agencyReview.progress.unassignQuestion', { name: row.reviewerName, title: row.applicationTitle })}
                        onConfirm={() => unassign.mutate(row.id)}
                      />
                    </div>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
