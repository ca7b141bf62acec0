import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import type { Application } from '../proposals/proposal-queries';
import { type Outcome, useOutcome as useApplicantOutcome } from './agency-review-queries';

/** Each side's decision as far as the reader may see it, and the overall outcome the call's mode gives. */
export function OutcomeSummary({ outcome, application }: { readonly outcome: Outcome; readonly application: Application }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p>
        {t('agencyReview.outcome.overall')}: <strong className="outcome">{t(`agencyReview.outcome.values.${outcome.outcome}`)}</strong>
      </p>
      <ul className="plain-list">
        {outcome.sides.map((side) => (
          <li key={side.agencyId}>
            {application.sides.find((s) => s.agency.id === side.agencyId)?.agency.shortName ?? side.agencyId}:{' '}
            {side.decision === null
              ? t('agencyReview.outcome.noDecision')
              : t(side.decision === 'yes' ? 'agencyReview.outcome.sideFunded' : 'agencyReview.outcome.sideNotFunded')}
            {side.decision === 'yes' && side.amount !== null && side.currency
              ? ` (${formatMoney(side.amount, side.currency, i18n.language)})`
              : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

/** On the applicant's proposal page: the decisions once the call's results are released, nothing before. */
export function ApplicantDecisions({ application }: { readonly application: Application }) {
  const { t } = useTranslation();
  const outcomeQuery = useApplicantOutcome(application.id);
  const outcome = outcomeQuery.data;
  if (!outcome || outcome.sides.every((side) => side.decision === null)) return null;
  return (
    <section className="card" aria-labelledby="applicant-decisions">
      <h2 id="applicant-decisions">{t('agencyReview.outcome.applicantTitle')}</h2>
      <OutcomeSummary outcome={outcome} application={application} />
    </section>
  );
}
