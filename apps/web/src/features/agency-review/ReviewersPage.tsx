import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatNumber, pick } from '../../lib/format';
import { formText } from '../../lib/form';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { useCall } from '../calls/calls-queries';
import {
  type AutoAssignReport,
  type PoolReviewer,
  useAddReviewer,
  useAgencyApplications,
  useAssignReviewer,
  useAutoAssign,
  usePool,
  useReviewerCandidates,
} from './agency-review-queries';
import { CallReviewPage, useOwnAgencyId } from './CallReviewPage';

/** A due time typed in a datetime-local input (the viewer's zone) as an instant, or nothing. */
function dueInstant(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

/** The agency's reviewer pool of the call with loads; adding reviewers; assigning by hand and automatically. */
export function ReviewersPage() {
  const { callId = '' } = useParams();
  const { t } = useTranslation();
  const pool = usePool(callId);
  return (
    <CallReviewPage callId={callId} title={t('agencyReview.reviewers.title')}>
      <QueryState query={pool} />
      {pool.data && <PoolTable pool={pool.data} />}
      <AddReviewer callId={callId} />
      {pool.data && <ManualAssignment callId={callId} pool={pool.data} />}
      {pool.data && <AutoAssignment callId={callId} pool={pool.data} />}
    </CallReviewPage>
  );
}

function PoolTable({ pool }: { readonly pool: readonly PoolReviewer[] }) {
  const { t, i18n } = useTranslation();
  if (pool.length === 0) return <p>{t('agencyReview.reviewers.emptyPool')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('agencyReview.reviewers.pool')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agencyReview.reviewers.name')}</th>
            <th scope="col">{t('agencyReview.reviewers.organisation')}</th>
            <th scope="col">{t('agencyReview.reviewers.email')}</th>
            <th scope="col">{t('agencyReview.reviewers.load')}</th>
          </tr>
        </thead>
        <tbody>
          {pool.map((reviewer) => (
            <tr key={reviewer.reviewerId}>
              <th scope="row">{reviewer.name}</th>
              <td>{reviewer.organisation ?? t('common.none')}</td>
              <td>{reviewer.email}</td>
              <td>{formatNumber(reviewer.load, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddReviewer({ callId }: { readonly callId: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const candidates = useReviewerCandidates(callId, query);
  const add = useAddReviewer(callId);
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(formText(new FormData(event.currentTarget), 'q'));
  };
  return (
    <section className="card" aria-labelledby="add-reviewer">
      <h2 id="add-reviewer">{t('agencyReview.reviewers.add')}</h2>
      <form onSubmit={search} className="inline" role="search" aria-label={t('agencyReview.reviewers.add')}>
        <div className="field">
          <label htmlFor="reviewer-search">{t('agencyReview.reviewers.search')}</label>
          <input id="reviewer-search" name="q" maxLength={100} />
        </div>
        <div className="field">
          <button type="submit">{t('common.search')}</button>
        </div>
      </form>
      <ProblemAlert error={candidates.error ?? add.error} />
      {candidates.data && candidates.data.length === 0 && <p role="status">{t('agencyReview.reviewers.noCandidates')}</p>}
      {candidates.data && candidates.data.length > 0 && (
        <ul className="plain-list" aria-label={t('agencyReview.reviewers.candidates')}>
          {candidates.data.map((c) => (
            <li key={c.id}>
              {c.name} · {c.organisation ?? t('common.none')} · {c.email}{' '}
              {c.inYourPool ? (
                <span className="muted">{t('agencyReview.reviewers.inYourPool')}</span>
              ) : (
                <>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => add.mutate(c.id)}
                    disabled={add.isPending}
                    aria-describedby={c.inOtherPool ? `other-pool-${c.id}` : undefined}
                  >
                    {t('agencyReview.reviewers.addNamed', { name: c.name })}
                  </button>
                  {c.inOtherPool && (
                    <span id={`other-pool-${c.id}`} className="muted small">
                      {' '}
                      {t('agencyReview.reviewers.inOtherPool')}
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ManualAssignment({ callId, pool }: { readonly callId: string; readonly pool: readonly PoolReviewer[] }) {
  const { t } = useTranslation();
  const agencyId = useOwnAgencyId();
  const applications = useAgencyApplications(callId);
  const assign = useAssignReviewer(callId);
  const [done, setDone] = useState('');
  const assignable = (applications.data?.items ?? []).filter((a) =>
    a.sides.some((s) => s.agency.id === agencyId && (s.status === 'eligible' || s.status === 'under_review')),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone('');
    const form = new FormData(event.currentTarget);
    const applicationId = formText(form, 'applicationId');
    const reviewerId = formText(form, 'reviewerId');
    const dueAt = dueInstant(formText(form, 'dueAt'));
    assign.mutate(
      { applicationId, body: { reviewerId, ...(dueAt ? { dueAt } : {}) } },
      {
        onSuccess: () =>
          setDone(
            t('agencyReview.reviewers.assigned', {
              name: pool.find((r) => r.reviewerId === reviewerId)?.name ?? '',
              title: assignable.find((a) => a.id === applicationId)?.title ?? '',
            }),
          ),
      },
    );
  };
  return (
    <section className="card" aria-labelledby="manual-assignment">
      <h2 id="manual-assignment">{t('agencyReview.reviewers.manual')}</h2>
      {assignable.length === 0 || pool.length === 0 ? (
        <p>{t('agencyReview.reviewers.nothingToAssign')}</p>
      ) : (
        <form onSubmit={submit}>
          <div className="inline">
            <div className="field">
              <label htmlFor="assign-application">{t('agencyReview.reviewers.proposal')}</label>
              <select id="assign-application" name="applicationId" required>
                {assignable.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="assign-reviewer">{t('agencyReview.reviewers.reviewer')}</label>
              <select id="assign-reviewer" name="reviewerId" required>
                {pool.map((r) => (
                  <option key={r.reviewerId} value={r.reviewerId}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="assign-due">{t('agencyReview.reviewers.dueAt')}</label>
              <input id="assign-due" name="dueAt" type="datetime-local" />
            </div>
            <div className="field">
              <button type="submit" disabled={assign.isPending}>
                {t('agencyReview.reviewers.assign')}
              </button>
            </div>
          </div>
          <ProblemAlert error={assign.error} />
          <p role="status" aria-live="polite">
            {done}
          </p>
        </form>
      )}
    </section>
  );
}

function AutoAssignment({ callId, pool }: { readonly callId: string; readonly pool: readonly PoolReviewer[] }) {
  const { t, i18n } = useTranslation();
  const call = useCall(callId);
  const auto = useAutoAssign(callId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const dueAt = dueInstant(formText(form, 'dueAt'));
    const trackId = formText(form, 'trackId');
    auto.mutate({
      perApplication: Number(formText(form, 'perApplication')),
      loadCap: Number(formText(form, 'loadCap')),
      ...(dueAt ? { dueAt } : {}),
      ...(trackId ? { trackId } : {}),
    });
  };
  const tracks = call.data?.tracks ?? [];
  return (
    <section className="card" aria-labelledby="auto-assignment">
      <h2 id="auto-assignment">{t('agencyReview.reviewers.auto')}</h2>
      <p className="muted">{t('agencyReview.reviewers.autoHint')}</p>
      <form onSubmit={submit}>
        <div className="inline">
          <div className="field">
            <label htmlFor="auto-per">{t('agencyReview.reviewers.perApplication')}</label>
            <input id="auto-per" name="perApplication" type="number" min={1} max={10} defaultValue={2} required />
          </div>
          <div className="field">
            <label htmlFor="auto-cap">{t('agencyReview.reviewers.loadCap')}</label>
            <input id="auto-cap" name="loadCap" type="number" min={1} max={500} defaultValue={5} required />
          </div>
          {tracks.length > 1 && (
            <div className="field">
              <label htmlFor="auto-track">{t('agencyReview.ranking.track')}</label>
              <select id="auto-track" name="trackId" defaultValue="">
                <option value="">{t('agencyReview.ranking.allTracks')}</option>
                {tracks.map((track) => (
                  <option key={track.id} value={track.id}>
                    {pick(track.name, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="auto-due">{t('agencyReview.reviewers.dueAt')}</label>
            <input id="auto-due" name="dueAt" type="datetime-local" />
          </div>
          <div className="field">
            <button type="submit" disabled={auto.isPending}>
              {t('agencyReview.reviewers.runAuto')}
            </button>
          </div>
        </div>
      </form>
      <ProblemAlert error={auto.error} />
      {auto.data && <AutoReport report={auto.data} pool={pool} callId={callId} />}
    </section>
  );
}

function AutoReport({
  report,
  pool,
  callId,
}: {
  readonly report: AutoAssignReport;
  readonly pool: readonly PoolReviewer[];
  readonly callId: string;
}) {
  const { t, i18n } = useTranslation();
  const applications = useAgencyApplications(callId);
  const title = (id: string) => applications.data?.items.find((a) => a.id === id)?.title ?? id;
  const name = (id: string) => pool.find((r) => r.reviewerId === id)?.name ?? id;
  return (
    <div role="status" aria-live="polite" className="auto-report">
      <h3>{t('agencyReview.reviewers.report')}</h3>
      <p>{t('agencyReview.reviewers.reportAssigned', { n: report.assigned })}</p>
      <p>{t('agencyReview.reviewers.reportConflicts', { n: report.conflictsAvoided })}</p>
      <h4>{t('agencyReview.reviewers.uncovered')}</h4>
      {report.uncovered.length === 0 ? (
        <p>{t('agencyReview.reviewers.allCovered')}</p>
      ) : (
        <ul>
          {report.uncovered.map((u) => (
            <li key={u.applicationId}>{t('agencyReview.reviewers.uncoveredItem', { title: title(u.applicationId), n: u.assigned })}</li>
          ))}
        </ul>
      )}
      <table>
        <caption>{t('agencyReview.reviewers.loads')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agencyReview.reviewers.reviewer')}</th>
            <th scope="col">{t('agencyReview.reviewers.load')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.loads)
            .sort(([a], [b]) => name(a).localeCompare(name(b), i18n.language))
            .map(([id, load]) => (
              <tr key={id}>
                <th scope="row">{name(id)}</th>
                <td>{formatNumber(load, i18n.language)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
