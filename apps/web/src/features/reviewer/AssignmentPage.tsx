import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { NotFoundPage } from '../../app/NotFoundPage';
import { pagePath } from '../../app/page-paths';
import { Deadline } from '../../ui/Deadline';
import { Localized } from '../../ui/Localized';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { Declaration } from './Declaration';
import { ProgressBadge } from './ProgressBadge';
import { ProposalContent } from './ProposalContent';
import { ReviewForm } from './ReviewForm';
import { SubmittedReview } from './SubmittedReview';
import { useAssignedApplication, useMyAssignments } from './reviewer-queries';

/**
 * One assignment. Before it is accepted only what the assignments list already shows is here, with
 * the conflict-of-interest declaration; the proposal and the review form come once accepted. An
 * assignment that is not the reviewer's, or on a proposal they are conflicted with, is not found.
 */
export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const list = useMyAssignments();
  const assignment = list.data?.find((a) => a.id === id);
  const application = useAssignedApplication(id, assignment?.status === 'accepted');

  if (list.error) {
    return (
      <Page title={t('reviewer.home.title')}>
        <ProblemAlert error={list.error} />
      </Page>
    );
  }
  if (!list.data) return <Loading />;
  if (!assignment || (application.error instanceof ApiError && application.error.status === 404)) return <NotFoundPage />;

  return (
    <Page title={assignment.title}>
      <p>
        <Link to={pagePath('reviewer')}>{t('reviewer.assignment.back')}</Link>
      </p>
      <section className="card" aria-label={t('reviewer.assignment.facts')}>
        <dl className="facts">
          <dt>{t('reviewer.assignment.call')}</dt>
          <dd>
            <Localized text={assignment.callTitle} />
          </dd>
          <dt>{t('reviewer.assignment.agency')}</dt>
          <dd>{assignment.agency}</dd>
          <dt>{t('reviewer.assignment.due')}</dt>
          <dd>
            {assignment.dueAt ? <Deadline utc={assignment.dueAt} agencyZone={assignment.agencyTimeZone} /> : t('reviewer.home.noDue')}
          </dd>
          <dt>{t('reviewer.assignment.progress')}</dt>
          <dd>
            <ProgressBadge progress={assignment.progress} />
          </dd>
        </dl>
      </section>
      {assignment.status === 'assigned' && <Declaration assignment={assignment} />}
      {assignment.status === 'declined' && <p role="status">{t('reviewer.declaration.declined')}</p>}
      {assignment.status === 'accepted' && (
        <>
          <QueryState query={application} />
          {application.data && (
            <>
              <ProposalContent application={application.data} callId={assignment.callId} />
              {application.data.review.submittedAt === null ? (
                <ReviewForm application={application.data} />
              ) : (
                <SubmittedReview application={application.data} />
              )}
            </>
          )}
        </>
      )}
    </Page>
  );
}
