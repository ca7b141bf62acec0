import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { NotFoundPage } from '../../app/NotFoundPage';
import { pagePath } from '../../app/page-paths';
import { formatInstant, formatMoney, minorUnitsPerMajor, pick, viewerTimeZone } from '../../lib/format';
import { formText } from '../../lib/form';
import { Loading } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { type Call, useCall } from '../calls/calls-queries';
import { type Application, type Side, useApplication } from '../proposals/proposal-queries';
import { LatestSubmission } from '../office/LatestSubmission';
import { ReadOnlyProposal } from '../proposals/ReadOnlyProposal';
import { type Outcome, useApplicationReviews, useDecide, useOutcome, usePool } from './agency-review-queries';
import { CallReviewPage, useOwnAgencyId, useScore } from './CallReviewPage';
import { OutcomeSummary } from './OutcomeSummary';

const REVIEWED = ['eligible', 'under_review', 'decided'];

/** One application as the officer sees it: the proposal, its reviews for the agency, the agency's decision on its own side, the outcome. */
export function ApplicationPage() {
  const { callId = '', id = '' } = useParams();
  const { t } = useTranslation();
  const found = useApplication(id);
  const call = useCall(callId);
  const agencyId = useOwnAgencyId();
  if (found.error instanceof ApiError && found.error.status === 404) return <NotFoundPage />;
  const application = found.data;
  const own = application?.sides.find((s) => s.agency.id === agencyId);
  return (
    <CallReviewPage callId={callId} title={application?.title ?? t('agencyReview.application.title')}>
      <p>
        <Link to={pagePath('agencyApplications', { callId })}>{t('agencyReview.application.back')}</Link>
      </p>
      <ProblemAlert error={found.error} />
      {(!application || !call.data) && !found.error && <Loading />}
      {application && call.data && (
        <>
          {own && (
            <p>
              {t('agencyReview.application.ownSide', { agency: own.agency.shortName })} <StatusBadge status={own.status} />
            </p>
          )}
          <Outcome application={application} />
          {own && (own.status === 'under_review' || own.status === 'decided') && (
            <DecisionForm application={application} side={own} call={call.data} />
          )}
          {own && REVIEWED.includes(own.status) && <Reviews application={application} call={call.data} />}
          <LatestSubmission applicationId={application.id} agencies={application.sides.map((side) => side.agency)} />
          <ReadOnlyProposal application={application} />
        </>
      )}
    </CallReviewPage>
  );
}

function Outcome({ application }: { readonly application: Application }) {
  const { t } = useTranslation();
  const outcome = useOutcome(application.id);
  return (
    <section className="card" aria-labelledby="officer-outcome">
      <h2 id="officer-outcome">{t('agencyReview.outcome.title')}</h2>
      <ProblemAlert error={outcome.error} />
      {outcome.data && <OutcomeSummary outcome={outcome.data} application={application} />}
      <p className="muted small">{t('agencyReview.outcome.rule')}</p>
    </section>
  );
}

function DecisionForm({ application, side, call }: { readonly application: Application; readonly side: Side; readonly call: Call }) {
  const outcome = useOutcome(application.id);
  const [saved, setSaved] = useState(false);
  if (!outcome.data) return null;
  const current = outcome.data.sides.find((s) => s.agencyId === side.agency.id);
  return <DecisionFields application={application} side={side} call={call} current={current} saved={saved} onSaved={setSaved} />;
}

/** The form, starting from the decision recorded when it opened (fund, when there is none). */
function DecisionFields({
  application,
  side,
  call,
  current,
  saved,
  onSaved,
}: {
  readonly application: Application;
  readonly side: Side;
  readonly call: Call;
  readonly current: Outcome['sides'][number] | undefined;
  readonly saved: boolean;
  readonly onSaved: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const decide = useDecide(application.id);
  const [choice, setChoice] = useState<'yes' | 'no'>(current?.decision ?? 'yes');
  const currency = side.budgetCurrency ?? call.agencies.find((a) => a.agency.id === side.agency.id)?.budgetCap?.currency ?? 'JPY';
  const requested = side.budgetPerYear.reduce((sum, amount) => sum + amount, 0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSaved(false);
    const amount = formText(new FormData(event.currentTarget), 'amount');
    decide.mutate(
      {
        agencyId: side.agency.id,
        body:
          choice === 'yes' && amount !== ''
            ? { decision: 'yes', amount: Math.round(Number(amount) * minorUnitsPerMajor(currency)), currency }
            : { decision: choice },
      },
      { onSuccess: () => onSaved(true) },
    );
  };
  return (
    <section className="card" aria-labelledby="officer-decision">
      <h2 id="officer-decision">{t('agencyReview.decision.title', { agency: side.agency.shortName })}</h2>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('agencyReview.decision.legend', { agency: side.agency.shortName })}</legend>
          <label className="checkbox">
            <input type="radio" name="decision" value="yes" checked={choice === 'yes'} onChange={() => setChoice('yes')} />{' '}
            {t('agencyReview.decision.fund')}
          </label>
          <label className="checkbox">
            <input type="radio" name="decision" value="no" checked={choice === 'no'} onChange={() => setChoice('no')} />{' '}
            {t('agencyReview.decision.notFund')}
          </label>
        </fieldset>
        {choice === 'yes' && (
          <div className="field">
            <label htmlFor="decision-amount">{t('agencyReview.decision.amount', { currency })}</label>
            <input
              id="decision-amount"
              name="amount"
              type="number"
              min={0}
              step={1 / minorUnitsPerMajor(currency)}
              defaultValue={current && current.amount !== null ? current.amount / minorUnitsPerMajor(currency) : undefined}
              aria-describedby="decision-amount-hint"
            />
            <p id="decision-amount-hint" className="muted small">
              {t('agencyReview.decision.requested', { amount: formatMoney(requested, currency, i18n.language) })}
            </p>
          </div>
        )}
        <ProblemAlert error={decide.error} />
        <button type="submit" disabled={decide.isPending}>
          {t('agencyReview.decision.save')}
        </button>
        <p role="status" aria-live="polite">
          {saved ? t('agencyReview.decision.saved') : ''}
        </p>
      </form>
    </section>
  );
}

function Reviews({ application, call }: { readonly application: Application; readonly call: Call }) {
  const { t, i18n } = useTranslation();
  const reviews = useApplicationReviews(application.id, true);
  const pool = usePool(call.id);
  const score = useScore();
  const name = (id: string | undefined) => pool.data?.find((r) => r.reviewerId === id)?.name ?? t('agencyReview.application.reviewer');
  return (
    <section aria-labelledby="officer-reviews">
      <h2 id="officer-reviews">{t('agencyReview.application.reviews')}</h2>
      <ProblemAlert error={reviews.error} />
      {reviews.data && reviews.data.length === 0 && <p>{t('agencyReview.application.noReviews')}</p>}
      {reviews.data && reviews.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('agencyReview.application.reviews')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agencyReview.application.reviewer')}</th>
                {call.criteria.map((c) => (
                  <th key={c.id} scope="col">
                    {pick(c.name, i18n.language)}
                  </th>
                ))}
                <th scope="col">{t('agencyReview.application.comment')}</th>
                <th scope="col">{t('agencyReview.application.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.data.map((review, index) => (
                <tr key={review.reviewerId ?? index}>
                  <th scope="row">{name(review.reviewerId)}</th>
                  {call.criteria.map((c) => (
                    <td key={c.id}>{score(review.scores[c.id])}</td>
                  ))}
                  <td className="pre-line">{review.comment || t('common.none')}</td>
                  <td>{review.submittedAt ? formatInstant(review.submittedAt, i18n.language, viewerTimeZone()) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
