import { formText } from '../../lib/form';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { PageFallback } from '../../app/NotFoundPage';
import { pagePath } from '../../app/page-paths';
import { downloadFile } from '../../lib/download';
import { formatDay, formatMoney, pick } from '../../lib/format';
import { Deadline } from '../../ui/Deadline';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { useCall, useWatchCall } from './calls-queries';
import { Localized } from '../../ui/Localized';

/** One call: agencies with their deadlines and caps, tracks, fields, countries, timeline; watch it, add it to a calendar, start a proposal. */
export function CallPage() {
  const { callId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const found = useCall(callId);
  const watch = useWatchCall(callId);
  const [downloadError, setDownloadError] = useState<unknown>();
  const start = useMutation({
    mutationFn: (body: { trackId: string; title: string }) => call(api.POST('/applications', { body: { callId, ...body } })),
    onSuccess: (created) => navigate(pagePath('proposal', { id: created.id })),
  });

  if (found.error || !found.data) return <PageFallback query={found} />;
  const c = found.data;

  const onStart = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    start.mutate({ trackId: formText(form, 'trackId'), title: formText(form, 'title') });
  };

  return (
    <Page
      title={pick(c.title, language)}
      actions={
        <>
          <button type="button" className="button-secondary" onClick={() => watch.mutate(!c.watching)} aria-pressed={c.watching}>
            {c.watching ? t('calls.watching') : t('calls.watch')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => void downloadFile(`/calls/${c.id}/calendar.ics`, 'call.ics').catch(setDownloadError)}
          >
            {t('calls.calendar')}
          </button>
        </>
      }
    >
      <ProblemAlert error={watch.error ?? downloadError} />
      <p className="muted">
        {c.program.code} · {t(`mode.${c.mode}`)} · <StatusBadge status={c.status} group="callStatus" />
      </p>
      <p>
        <Localized text={c.summary} />
      </p>

      <h2>{t('calls.agencies')}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('calls.agencies')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calls.agency')}</th>
              <th scope="col">{t('calls.role')}</th>
              <th scope="col">{t('calls.deadline')}</th>
              <th scope="col">{t('calls.budgetCap')}</th>
              <th scope="col">{t('calls.officeApproval')}</th>
            </tr>
          </thead>
          <tbody>
            {c.agencies.map((a) => (
              <tr key={a.agency.id}>
                <th scope="row">
                  {a.agency.shortName}{' '}
                  <span className="muted small">
                    <Localized text={a.agency.name} />
                  </span>
                </th>
                <td>{t(`calls.roles.${a.role}`)}</td>
                <td>
                  <Deadline utc={a.deadline.utc} agencyZone={a.deadline.timeZone} />
                </td>
                <td>{a.budgetCap ? formatMoney(a.budgetCap.amount, a.budgetCap.currency, language) : t('common.none')}</td>
                <td>{a.institutionApprovalRequired ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('calls.tracks')}</h2>
      <ul>
        {c.tracks.map((track) => (
          <li key={track.id}>
            <strong>
              <Localized text={track.name} />
            </strong>
            :{' '}
            {t('calls.trackLimits', {
              budget: track.maxBudget ? formatMoney(track.maxBudget.amount, track.maxBudget.currency, language) : t('common.none'),
              months: track.maxDurationMonths,
            })}
            {track.earlyCareerRequired && ` · ${t('calls.earlyCareerRequired')}`}
          </li>
        ))}
      </ul>

      <div className="grid-2">
        <section>
          <h2>{t('calls.fields')}</h2>
          <ul>
            {c.fieldDetails.map((field) => (
              <li key={field.code}>
                <Localized text={field.name} />
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>{t('calls.eligibleCountries')}</h2>
          <p>{c.eligibleCountries.length > 0 ? c.eligibleCountries.join(', ') : t('calls.anyCountry')}</p>
        </section>
      </div>

      <h2>{t('calls.timeline')}</h2>
      <dl className="facts">
        {(['announcedAt', 'opensAt', 'reviewStartsAt', 'decisionAt'] as const).map((key) => {
          const at = c.timeline[key];
          return at ? (
            <Fragment key={key}>
              <dt>{t(`calls.timelineNames.${key}`)}</dt>
              <dd>
                <Deadline utc={at.utc} agencyZone={at.timeZone} />
              </dd>
            </Fragment>
          ) : null;
        })}
        {c.timeline.projectStartOn && (
          <>
            <dt>{t('calls.timelineNames.projectStartOn')}</dt>
            <dd>{formatDay(c.timeline.projectStartOn, language)}</dd>
          </>
        )}
      </dl>

      {c.status === 'open' && (
        <section className="card">
          <h2>{t('calls.startProposal')}</h2>
          <form onSubmit={onStart}>
            <div className="field">
              <label htmlFor="new-title">{t('proposal.title')}</label>
              <input id="new-title" name="title" required maxLength={300} />
            </div>
            <div className="field">
              <label htmlFor="new-track">{t('proposal.track')}</label>
              <select id="new-track" name="trackId" required>
                {c.tracks.map((track) => (
                  <option key={track.id} value={track.id}>
                    {pick(track.name, language)}
                  </option>
                ))}
              </select>
            </div>
            <ProblemAlert error={start.error} />
            <button type="submit" disabled={start.isPending}>
              {t('calls.startProposal')}
            </button>
          </form>
        </section>
      )}
    </Page>
  );
}
