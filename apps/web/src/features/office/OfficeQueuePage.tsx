import { formText } from '../../lib/form';
import { pick } from '../../lib/format';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { Deadline } from '../../ui/Deadline';
import { Page } from '../../ui/Page';
import { Pager, useCursors } from '../../ui/Pager';
import { QueryState } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { type OfficeFilters, useCallOptions, useOfficeQueue } from './office-queries';
import { Localized } from '../../ui/Localized';

const STATUSES = ['pending_institution', 'draft', 'returned', 'submitted', 'eligible', 'under_review', 'decided', 'withdrawn'] as const;

/** Start of a day typed in a date input, in the viewer's zone, as an instant. */
function dayStart(value: string): string | undefined {
  return value ? new Date(`${value}T00:00:00`).toISOString() : undefined;
}

/** The research office's queue: its institution's applications, filtered by call, status, field and deadline window. */
export function OfficeQueuePage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<OfficeFilters>({ status: 'pending_institution' });
  const cursors = useCursors();
  const queue = useOfficeQueue(filters, cursors.current);
  const calls = useCallOptions();

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    const from = dayStart(text('from'));
    const to = dayStart(text('to'));
    cursors.reset();
    setFilters({
      ...(text('callId') ? { callId: text('callId') } : {}),
      ...(text('status') ? { status: text('status') as OfficeFilters['status'] } : {}),
      ...(text('field') ? { field: text('field') } : {}),
      ...(from ? { deadlineFrom: from } : {}),
      ...(to ? { deadlineTo: to } : {}),
    });
  };

  return (
    <Page
      title={t('office.title')}
      actions={
        <Link className="button button-secondary" to={pagePath('officeDeadlines')}>
          {t('office.deadlinesAndExport')}
        </Link>
      }
    >
      <form className="card" onSubmit={apply} aria-label={t('office.filters')}>
        <div className="inline">
          <div className="field">
            <label htmlFor="office-call">{t('office.call')}</label>
            <select id="office-call" name="callId" defaultValue={filters.callId ?? ''}>
              <option value="">{t('calls.any')}</option>
              {calls.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(c.title, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="office-status">{t('proposal.status')}</label>
            <select id="office-status" name="status" defaultValue={filters.status ?? ''}>
              <option value="">{t('calls.any')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="office-field">{t('calls.field')}</label>
            <input id="office-field" name="field" size={10} defaultValue={filters.field} />
          </div>
          <div className="field">
            <label htmlFor="office-from">{t('office.deadlineFrom')}</label>
            <input id="office-from" name="from" type="date" />
          </div>
          <div className="field">
            <label htmlFor="office-to">{t('office.deadlineTo')}</label>
            <input id="office-to" name="to" type="date" />
          </div>
          <div className="field">
            <button type="submit">{t('common.filter')}</button>
          </div>
        </div>
      </form>
      <QueryState query={queue} />
      {queue.data && queue.data.items.length === 0 && <p>{t('office.empty')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <div className="table-wrap" aria-busy={queue.isFetching}>
          <table>
            <caption className="visually-hidden">{t('office.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposal.title')}</th>
                <th scope="col">{t('office.call')}</th>
                <th scope="col">{t('proposal.status')}</th>
                <th scope="col">{t('home.sides')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={pagePath('officeProposal', { id: item.id })}>{item.title}</Link>
                  </th>
                  <td>
                    <Localized text={item.call.title} />
                  </td>
                  <td>
                    <StatusBadge status={item.status} />
                  </td>
                  <td>
                    <ul className="plain-list">
                      {item.sides.map((side) => (
                        <li key={side.agency.id}>
                          {side.agency.shortName}
                          {side.institution ? ` · ${side.institution.shortName}` : ''} <StatusBadge status={side.status} />
                          <br />
                          <Deadline utc={side.deadline.utc} agencyZone={side.deadline.timeZone} />
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
      <Pager cursors={cursors} nextCursor={queue.data?.nextCursor} />
    </Page>
  );
}
