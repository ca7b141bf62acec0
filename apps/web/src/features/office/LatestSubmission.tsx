import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { formatInstant, viewerTimeZone } from '../../lib/format';
import { QueryState } from '../../ui/ProblemAlert';
import { SubmittedDocuments } from '../../ui/SubmittedDocuments';
import { asQuestions } from '../forms/form-types';
import { answersOf } from '../forms/answers-model';
import { SubmittedAnswers } from '../forms/SubmittedAnswers';
import { useSubmittedAnswers } from '../forms/forms-queries';
import { useLatestSubmission } from './office-queries';

/**
 * The latest submission of an application, as frozen when it was submitted: its number, when and
 * by whom, its documents and its answers to the call's questions. What an office approves and an agency's officers read is this, not
 * a draft that may have moved on since.
 */
export function LatestSubmission({
  applicationId,
  agencies,
  note,
}: {
  readonly applicationId: string;
  readonly agencies: readonly { readonly id: string; readonly shortName: string }[];
  /** What the reader does with it, said under the heading. */
  readonly note?: string;
}) {
  const { t, i18n } = useTranslation();
  const latest = useLatestSubmission(applicationId);
  const none = latest.error instanceof ApiError && latest.error.status === 404;
  const submission = latest.data;
  const answers = useSubmittedAnswers(applicationId, submission !== undefined);
  return (
    <section className="card" aria-labelledby="latest-submission-heading">
      <h2 id="latest-submission-heading">
        {submission ? t('officeSubmission.heading', { number: submission.number }) : t('officeSubmission.headingNone')}
      </h2>
      {none ? <p className="muted">{t('officeSubmission.noneKept')}</p> : <QueryState query={latest} />}
      {submission && (
        <>
          <p className="muted">
            {t('officeSubmission.submitted', {
              time: formatInstant(submission.submittedAt, i18n.language, viewerTimeZone()),
              name: submission.submittedBy.name,
            })}
          </p>
          {note && <p>{note}</p>}
          <h3>{t('officeSubmission.documents')}</h3>
          <SubmittedDocuments documents={submission.documents} agencies={agencies} />
          <QueryState query={answers} />
          {answers.data && (
            <SubmittedAnswers
              questions={asQuestions(answers.data.questions)}
              answers={answersOf(answers.data.answers)}
              agencies={agencies}
              level={3}
              idPrefix="latest-submission-answers"
              documents={submission.documents}
            />
          )}
        </>
      )}
    </section>
  );
}
