import { formText } from '../../lib/form';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { pick } from '../../lib/format';
import { Deadline } from '../../ui/Deadline';
import { Page } from '../../ui/Page';
import { Pager, useCursors } from '../../ui/Pager';
import { QueryState } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { type CallFilters, type CallMode, useAgencies, useCalls } from './calls-queries';
import { Localized } from '../../ui/Localized';

const MODES: readonly CallMode[] = ['joint_call', 'co_funding', 'twinning'];

/** Announced and open calls, filtered by words, field, partner country, agency and mode, paged by cursor. */
export function CallsPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<CallFilters>({ status: 'open' });
  const cursors = useCursors();
  const calls = useCalls({ ...filters, ...(cursors.current ? { cursor: cursors.current } : {}) });
  const agencies = useAgencies();

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = formText(form, name);
      return value === '' ? undefined : value;
    };
    const status = text('status');
    cursors.reset();
    setFilters({
      ...(text('q') ? { q: text('q') } : {}),
      ...(text('field') ? { field: text('field') } : {}),
      ...(text('partnerCountry') ? { partnerCountry: text('partnerCountry')?.toUpperCase() } : {}),
      ...(text('agencyId') ? { agencyId: text('agencyId') } : {}),
      ...(text('mode') ? { mode: text('mode') as CallMode } : {}),
      ...(status === 'open' || status === 'announced' ? { status } : {}),
    });
  };

  return (
    <Page title={t('calls.title')}>
      <form className="card" onSubmit={apply} aria-label={t('calls.filters')}>
        <div className="inline">
          <div className="field">
            <label htmlFor="calls-q">{t('calls.search')}</label>
            <input id="calls-q" name="q" type="search" defaultValue={filters.q} />
          </div>
          <div className="field">
            <label htmlFor="calls-status">{t('calls.status')}</label>
            <select id="calls-status" name="status" defaultValue={filters.status ?? ''}>
              <option value="open">{t('callStatus.open')}</option>
              <option value="announced">{t('callStatus.announced')}</option>
              <option value="">{t('calls.anyStatus')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="calls-agency">{t('calls.agency')}</label>
            <select id="calls-agency" name="agencyId" defaultValue={filters.agencyId ?? ''}>
              <option value="">{t('calls.any')}</option>
              {agencies.data?.items.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.shortName ?? pick(agency.name, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="calls-mode">{t('calls.mode')}</label>
            <select id="calls-mode" name="mode" defaultValue={filters.mode ?? ''}>
              <option value="">{t('calls.any')}</option>
              {MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`mode.${mode}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="calls-field">{t('calls.field')}</label>
            <input id="calls-field" name="field" defaultValue={filters.field} size={10} aria-describedby="calls-field-hint" />
            <span id="calls-field-hint" className="hint">
              {t('calls.fieldHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="calls-country">{t('calls.partnerCountry')}</label>
            <input
              id="calls-country"
              name="partnerCountry"
              defaultValue={filters.partnerCountry}
              size={4}
              maxLength={2}
              aria-describedby="calls-country-hint"
            />
            <span id="calls-country-hint" className="hint">
              {t('calls.partnerCountryHint')}
            </span>
          </div>
          <div className="field">
            <button type="submit">{t('common.filter')}</button>
          </div>
        </div>
      </form>
      <QueryState query={calls} />
      {calls.data && calls.data.items.length === 0 && <p>{t('calls.none')}</p>}
      {calls.data && calls.data.items.length > 0 && (
        <ul className="plain-list" aria-busy={calls.isFetching}>
          {calls.data.items.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link to={pagePath('researcherCall', { callId: c.id })}>
                  <Localized text={c.title} />
                </Link>
              </h2>
              <p className="muted small">
                {c.program.code} · {t(`mode.${c.mode}`)} · <StatusBadge status={c.status} group="callStatus" />
              </p>
              <dl className="facts">
                <dt>{t('calls.agencies')}</dt>
                <dd>{c.agencies.map((a) => a.agency.shortName).join(' · ')}</dd>
                {c.nextDeadline && (
                  <>
                    <dt>{t('calls.nextDeadline')}</dt>
                    <dd>
                      <Deadline utc={c.nextDeadline.utc} agencyZone={c.nextDeadline.timeZone} />
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pager cursors={cursors} nextCursor={calls.data?.nextCursor} />
    </Page>
  );
}
