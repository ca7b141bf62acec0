import { useTranslation } from 'react-i18next';
import { formatMoney, pick } from '../../lib/format';
import { SubmittedDocuments } from '../../ui/SubmittedDocuments';
import { QueryState } from '../../ui/ProblemAlert';
import { useCall } from '../calls/calls-queries';
import { answersOf } from '../forms/answers-model';
import { asQuestions } from '../forms/form-types';
import { SubmittedAnswers } from '../forms/SubmittedAnswers';
import { useSubmittedAnswers } from '../forms/forms-queries';
import { type AssignedApplication } from './reviewer-queries';

/**
 * The proposal as its reviewer reads it (its latest submission): abstract, sides and budgets, the
 * applicants' team, the answers to the call's questions meant for reviewers, and the documents.
 */
export function ProposalContent({ application, callId }: { readonly application: AssignedApplication; readonly callId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const call = useCall(callId).data;
  const field = call?.fieldDetails.find((f) => f.code === application.fieldCode);
  // A proposal submitted before submissions were kept (number 0) has no frozen answers to read.
  const answers = useSubmittedAnswers(application.id, application.submissionNumber > 0);
  const agencies = call?.agencies.map((a) => a.agency) ?? [];
  return (
    <section className="card" aria-labelledby="review-proposal">
      <h2 id="review-proposal">{t('reviewer.proposal.heading')}</h2>
      <dl className="facts">
        <dt>{t('proposal.abstract')}</dt>
        <dd className="pre-line">{application.abstract || t('common.none')}</dd>
        <dt>{t('proposal.field')}</dt>
        <dd>{field ? pick(field.name, language) : (application.fieldCode ?? t('common.none'))}</dd>
        <dt>{t('proposal.duration')}</dt>
        <dd>{application.durationMonths ?? t('common.none')}</dd>
      </dl>
      <h3>{t('reviewer.proposal.sides')}</h3>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('reviewer.proposal.sides')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calls.agency')}</th>
              <th scope="col">{t('proposal.institution')}</th>
              <th scope="col">{t('proposal.budgetTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {application.sides.map((side) => (
              <tr key={side.agency}>
                <th scope="row">{side.agency}</th>
                <td>{side.institution ?? t('common.none')}</td>
                <td>
                  {side.budgetCurrency
                    ? formatMoney(
                        side.budgetPerYear.reduce((sum, amount) => sum + amount, 0),
                        side.budgetCurrency,
                        language,
                      )
                    : t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('reviewer.proposal.team')}</h3>
      {application.members.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reviewer.proposal.team')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviewer.proposal.name')}</th>
                <th scope="col">{t('reviewer.proposal.role')}</th>
                <th scope="col">{t('reviewer.proposal.earlyCareer')}</th>
                <th scope="col">{t('reviewer.proposal.country')}</th>
              </tr>
            </thead>
            <tbody>
              {application.members.map((m, index) => (
                <tr key={`${m.name}-${index}`}>
                  <th scope="row">{m.name}</th>
                  <td>{t(`roles.${m.role}`, { defaultValue: m.role })}</td>
                  <td>{m.earlyCareer ? t('common.yes') : t('common.no')}</td>
                  <td>{m.country ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <QueryState query={answers} />
      {answers.data && (
        <SubmittedAnswers
          questions={asQuestions(answers.data.questions)}
          answers={answersOf(answers.data.answers)}
          agencies={agencies}
          level={3}
          idPrefix="review-answers"
          documents={application.documents}
        />
      )}
      <h3>{t('reviewer.proposal.documents')}</h3>
      {application.submissionNumber > 0 && (
        <p className="muted small">{t('reviewer.proposal.submission', { number: application.submissionNumber })}</p>
      )}
      <SubmittedDocuments documents={application.documents} agencies={agencies} />
    </section>
  );
}
