import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { type PageName, pagePath } from '../../app/page-paths';

const TABS = [
  ['agencyCall', 'callTabs.call'],
  ['agencyCallForm', 'agencyCalls.formBuilder.tab'],
  ['agencyApplications', 'callTabs.applications'],
  ['agencyReviewers', 'callTabs.reviewers'],
  ['agencyProgress', 'callTabs.progress'],
  ['agencyRanking', 'callTabs.ranking'],
  ['agencyStatistics', 'callTabs.statistics'],
] as const satisfies readonly (readonly [PageName, string])[];

/** The officer's pages of one call, as a navigation under the call's heading; the current one is marked for screen readers. */
export function CallTabs({ callId }: { readonly callId: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('callTabs.label')} className="call-tabs">
      <ul className="nav-list">
        {TABS.map(([page, label]) => (
          <li key={page}>
            <NavLink to={pagePath(page, { callId })} end>
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
