import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { viewerTimeZone } from '../../lib/format';
import { Deadline } from '../../ui/Deadline';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { type ApplicationSummary, useMyApplications } from './proposal-queries';
import { Localized } from '../../ui/Localized';

interface UpcomingDeadline {
  readonly key: string;
  readonly utc: string;
  readonly timeZone: string;
  readonly what: string;
  readonly applicationId: string;
  readonly office: boolean;
}

/** The deadlines ahead on the researcher's open proposals: each agency's, and the office's earlier internal one. */
export function upcomingDeadlines(items: readonly ApplicationSummary[], now: Date, viewerZone: string): UpcomingDeadline[] {
  const open = new Set(['draft', 'returned', 'pending_institution']);
  const rows: UpcomingDeadline[] = [];
  for (const item of items) {
    for (const side of item.sides) {
      if (open.has(side.status) && new Date(side.deadline.utc) > now) {
        rows.push({
          key: `${item.id}:${side.agency.id}`,
          utc: side.deadline.utc,
          timeZone: side.deadline.timeZone,
          what: `${item.title} · ${side.agency.shortName}`,
          applicationId: item.id,
          office: false,
        });
      }
    }
    if (item.institutionDeadline && open.has(item.status) && new Date(item.institutionDeadline) > now) {
      rows.push({
        key: `${item.id}:office`,
        utc: item.institutionDeadline,
        timeZone: viewerZone,
        what: item.title,
        applicationId: item.id,
        office: true,
      });
    }
  }
  return rows.sort((a, b) => a.utc.localeCompare(b.utc));
}

/** The researcher's home: their proposals with each side's status, and the deadlines ahead. */
export function ResearcherHomePage() {
  const { t } = useTranslation();
  const mine = useMyApplications();
  const deadlines = mine.data ? upcomingDeadlines(mine.data.items, new Date(), viewerTimeZone()) : [];
  return (
    <Page
      title={t('home.title')}
      actions={
        <Link className="button" to={pagePath('researcherCalls')}>
          {t('home.findCalls')}
        </Link>
      }
    >
      <QueryState query={mine} />
      {mine.data && (
        <>
          <section aria-labelledby="deadlines-heading">
            <h2 id="deadlines-heading">{t('home.deadlines')}</h2>
            {deadlines.length === 0 ? (
              <p className="muted">{t('home.noDeadlines')}</p>
            ) : (
              <ul>
                {deadlines.slice(0, 8).map((d) => (
                  <li key={d.key}>
                    <Deadline utc={d.utc} agencyZone={d.timeZone} /> —{' '}
                    <Link to={pagePath('proposal', { id: d.applicationId })}>{d.what}</Link>
                    {d.office && <span className="badge">{t('home.officeDeadline')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">{t('home.proposals')}</h2>
            {mine.data.items.length === 0 ? (
              <p>{t('home.noProposals')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t('home.proposals')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('proposal.title')}</th>
                      <th scope="col">{t('receipt.call')}</th>
                      <th scope="col">{t('home.sides')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {mine.data.items.map((item) => (
                      <tr key={item.id}>
                        <th scope="row">
                          <Link to={pagePath('proposal', { id: item.id })}>{item.title}</Link>
                        </th>
                        <td>
                          <Localized text={item.call.title} />
                        </td>
                        <td>
                          <ul className="plain-list">
                            {item.sides.map((side) => (
                              <li key={side.agency.id}>
                                {side.agency.shortName} <StatusBadge status={side.status} />
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
