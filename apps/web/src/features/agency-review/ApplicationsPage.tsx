import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { csvExportPath } from '../../lib/csv-export';
import { formText } from '../../lib/form';
import { downloadFile } from '../../ui/download';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import type { ApplicationSummary } from '../proposals/proposal-queries';
import { useAgencyApplications, useRecordEligibility } from './agency-review-queries';
import { CallReviewPage, useOwnAgencyId } from './CallReviewPage';

/** A side may be found eligible or not while it is submitted and no reviewer is on it yet. */
const ELIGIBILITY_OPEN = ['submitted', 'eligible', 'ineligible'];

/** The call's applications that reached the officer's agency, with each side's status and the eligibility decision on its own side. */
export function ApplicationsPage() {
  const { callId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const agencyId = useOwnAgencyId();
  const list = useAgencyApplications(callId);
  const [csvError, setCsvError] = useState<unknown>();
  // The applications with every answer of their latest submissions, headed in the page's language.
  const download = () => {
    setCsvError(undefined);
    void downloadFile(
      csvExportPath(`/calls/${encodeURIComponent(callId)}/applications/export.csv`, i18n.language),
      'call-applications.csv',
    ).catch(setCsvError);
  };
  return (
    <CallReviewPage
      callId={callId}
      title={t('agencyReview.applications.title')}
      actions={
        <button type="button" className="button-secondary" onClick={download}>
          {t('agencyReview.applications.downloadCsv')}
        </button>
      }
    >
      <ProblemAlert error={csvError} />
      <QueryState query={list} />
      {list.data && list.data.items.length === 0 && <p>{t('agencyReview.applications.empty')}</p>}
      {list.data && list.data.items.length > 0 && agencyId && (
        <div className="table-wrap">
          <table>
            <caption>{t('agencyReview.applications.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agencyReview.applications.proposal')}</th>
                <th scope="col">{t('agencyReview.applications.ownSide')}</th>
                <th scope="col">{t('agencyReview.applications.otherSides')}</th>
                <th scope="col">{t('agencyReview.applications.eligibility')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <ApplicationRow key={item.id} callId={callId} agencyId={agencyId} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </CallReviewPage>
  );
}

function ApplicationRow({
  callId,
  agencyId,
  item,
}: {
  readonly callId: string;
  readonly agencyId: string;
  readonly item: ApplicationSummary;
}) {
  const { t } = useTranslation();
  const own = item.sides.find((s) => s.agency.id === agencyId);
  const others = item.sides.filter((s) => s.agency.id !== agencyId);
  return (
    <tr>
      <th scope="row">
        <Link to={pagePath('agencyApplication', { callId, id: item.id })}>{item.title}</Link>
      </th>
      <td>
        {own ? (
          <>
            {own.agency.shortName}
            {own.institution ? ` · ${own.institution.shortName}` : ''} <StatusBadge status={own.status} />
          </>
        ) : (
          t('common.none')
        )}
      </td>
      <td>
        <ul className="plain-list">
          {others.map((side) => (
            <li key={side.agency.id}>
              {side.agency.shortName}
              {side.institution ? ` · ${side.institution.shortName}` : ''} <StatusBadge status={side.status} />
            </li>
          ))}
        </ul>
      </td>
      <td>{own && ELIGIBILITY_OPEN.includes(own.status) ? <EligibilityForm item={item} callId={callId} agencyId={agencyId} /> : '–'}</td>
    </tr>
  );
}

function EligibilityForm({
  item,
  callId,
  agencyId,
}: {
  readonly item: ApplicationSummary;
  readonly callId: string;
  readonly agencyId: string;
}) {
  const { t } = useTranslation();
  const record = useRecordEligibility(callId);
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    record.mutate({
      id: item.id,
      agencyId,
      body: { eligible: formText(form, 'eligible') === 'yes', reason: formText(form, 'reason') },
    });
  };
  return (
    <details>
      <summary>{t('agencyReview.applications.recordEligibility', { title: item.title })}</summary>
      <form onSubmit={submit} aria-label={t('agencyReview.applications.recordEligibility', { title: item.title })}>
        <fieldset>
          <legend>{t('agencyReview.applications.eligibility')}</legend>
          <label className="checkbox">
            <input type="radio" name="eligible" value="yes" defaultChecked /> {t('agencyReview.applications.eligible')}
          </label>
          <label className="checkbox">
            <input type="radio" name="eligible" value="no" /> {t('agencyReview.applications.ineligible')}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('agencyReview.applications.reason')}</label>
          <textarea id={`${id}-reason`} name="reason" required maxLength={5000} rows={2} />
        </div>
        <ProblemAlert error={record.error} />
        <button type="submit" disabled={record.isPending}>
          {t('agencyReview.applications.saveEligibility')}
        </button>
        <p role="status" aria-live="polite">
          {record.isSuccess ? t('agencyReview.applications.eligibilitySaved') : ''}
        </p>
      </form>
    </details>
  );
}
