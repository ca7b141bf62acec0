import { useTranslation } from 'react-i18next';
import { formatMoney, pick } from '../../lib/format';
import { Deadline } from '../../ui/Deadline';
import { StatusBadge } from '../../ui/StatusBadge';
import { useCall } from '../calls/calls-queries';
import type { Application } from './proposal-queries';

/** A proposal that can no longer be edited, as submitted. */
export function ReadOnlyProposal({ application }: { readonly application: Application }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const call = useCall(application.call.id).data;
  const field = call?.fieldDetails.find((f) => f.code === application.fieldCode);
  return (
    <>
      <section className="card" aria-labelledby="ro-proposal">
        <h2 id="ro-proposal">{t('proposal.sectionProposal')}</h2>
        <dl className="facts">
          <dt>{t('proposal.title')}</dt>
          <dd>{application.title}</dd>
          <dt>{t('proposal.abstract')}</dt>
          <dd className="pre-line">{application.abstract || t('common.none')}</dd>
          <dt>{t('proposal.field')}</dt>
          <dd>{field ? pick(field.name, language) : (application.fieldCode ?? t('common.none'))}</dd>
          <dt>{t('proposal.keywords')}</dt>
          <dd>{application.keywords.join(', ') || t('common.none')}</dd>
          <dt>{t('proposal.duration')}</dt>
          <dd>{application.durationMonths ?? t('common.none')}</dd>
        </dl>
      </section>
      <section aria-labelledby="ro-sides">
        <h2 id="ro-sides">{t('proposal.sectionSides')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('proposal.sectionSides')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calls.agency')}</th>
                <th scope="col">{t('proposal.status')}</th>
                <th scope="col">{t('proposal.sidePi')}</th>
                <th scope="col">{t('proposal.institution')}</th>
                <th scope="col">{t('proposal.budgetTotal')}</th>
                <th scope="col">{t('calls.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {application.sides.map((side) => (
                <tr key={side.agency.id}>
                  <th scope="row">{side.agency.shortName}</th>
                  <td>
                    <StatusBadge status={side.status} />
                  </td>
                  <td>{side.pi.name ?? t('common.none')}</td>
                  <td>{side.institution?.shortName ?? t('common.none')}</td>
                  <td>
                    {side.budgetCurrency
                      ? formatMoney(
                          side.budgetPerYear.reduce((sum, amount) => sum + amount, 0),
                          side.budgetCurrency,
                          language,
                        )
                      : t('common.none')}
                  </td>
                  <td>
                    <Deadline utc={side.deadline.utc} agencyZone={side.deadline.timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="ro-team">
        <h2 id="ro-team">{t('proposal.sectionTeam')}</h2>
        <ul>
          {application.members.map((member) => (
            <li key={member.id}>
              {member.name} · {t(`roles.${member.role}`)}
              {member.earlyCareer && ` · ${t('proposal.earlyCareer')}`}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
