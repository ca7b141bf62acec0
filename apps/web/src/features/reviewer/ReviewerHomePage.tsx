import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { Deadline } from '../../ui/Deadline';
import { Localized } from '../../ui/Localized';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/ProblemAlert';
import { ProgressBadge } from './ProgressBadge';
import { useMyAssignments } from './reviewer-queries';

/** The reviewer's assignments: proposal, call, due date and how far the review has come. */
export function ReviewerHomePage() {
  const { t } = useTranslation();
  const assignments = useMyAssignments();
  const declared = (useLocation().state as { conflictDeclared?: boolean } | null)?.conflictDeclared === true;
  return (
    <Page title={t('reviewer.home.title')}>
      {declared && (
        <p role="status" className="alert alert-ok">
          {t('reviewer.home.conflictRecorded')}
        </p>
      )}
      <QueryState query={assignments} />
      {assignments.data && assignments.data.length === 0 && <p>{t('reviewer.home.empty')}</p>}
      {assignments.data && assignments.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reviewer.home.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviewer.home.proposal')}</th>
                <th scope="col">{t('reviewer.home.call')}</th>
                <th scope="col">{t('reviewer.home.due')}</th>
                <th scope="col">{t('reviewer.home.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.data.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={pagePath('reviewerAssignment', { id: a.id })}>{a.title}</Link>
                  </th>
                  <td>
                    <Localized text={a.callTitle} />
                    <br />
                    <span className="muted small">{t('reviewer.home.forAgency', { agency: a.agency })}</span>
                  </td>
                  <td>{a.dueAt ? <Deadline utc={a.dueAt} agencyZone={a.agencyTimeZone} /> : t('reviewer.home.noDue')}</td>
                  <td>
                    <ProgressBadge progress={a.progress} />
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
