import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { Deadline } from '../../ui/Deadline';
import { Localized } from '../../ui/Localized';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { useMe } from '../me/me-query';
import { formatNumber } from '../../lib/format';
import { useAgencyCalls, useAgencyDashboard } from './agency-calls-queries';

/** The officer's agency's calls, led or joined, drafts included: status, mode, partners, next deadline. */
export function AgencyHomePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const dashboard = useAgencyDashboard();
  const counts = new Map((dashboard.data?.byCall ?? []).map((row) => [row.callId, row]));
  const number = (value: number | undefined) => (value === undefined ? '–' : formatNumber(value, i18n.language));
  const agencyId = me.data?.organisation?.id;
  const calls = useAgencyCalls(agencyId);

  return (
    <Page
      title={t('agencyCalls.home.title', { agency: me.data?.organisation?.shortName ?? '' })}
      actions={
        <Link className="button" to={pagePath('agencyCallNew')}>
          {t('agencyCalls.home.newCall')}
        </Link>
      }
    >
      <ProblemAlert error={me.error ?? calls.error} />
      {!calls.data && !calls.error && <Loading />}
      {calls.data && calls.data.items.length === 0 && <p>{t('agencyCalls.home.empty')}</p>}
      {calls.data && calls.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('agencyCalls.home.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agencyCalls.home.call')}</th>
                <th scope="col">{t('agencyCalls.home.status')}</th>
                <th scope="col">{t('agencyCalls.home.mode')}</th>
                <th scope="col">{t('agencyCalls.home.agencies')}</th>
                <th scope="col">{t('agencyCalls.home.nextDeadline')}</th>
                <th scope="col">{t('agencyCalls.home.received')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={pagePath('agencyCall', { callId: c.id })}>
                      <Localized text={c.title} />
                    </Link>
                    <br />
                    <span className="muted small">{c.program.code}</span>
                  </th>
                  <td>
                    <StatusBadge status={c.status} group="callStatus" />
                  </td>
                  <td>{t(`mode.${c.mode}`)}</td>
                  <td>
                    <ul className="plain-list">
                      {c.agencies.map((a) => (
                        <li key={a.agency.id}>
                          {a.agency.shortName} <span className="muted small">({t(`calls.roles.${a.role}`)})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {c.nextDeadline ? (
                      <Deadline utc={c.nextDeadline.utc} agencyZone={c.nextDeadline.timeZone} />
                    ) : (
                      <span className="muted">{t('agencyCalls.home.noDeadline')}</span>
                    )}
                  </td>
                  <td>
                    {t('agencyCalls.home.receivedCounts', {
                      received: number(counts.get(c.id)?.received),
                      underReview: number(counts.get(c.id)?.underReview),
                    })}
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
