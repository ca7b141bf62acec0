import { formText } from '../../lib/form';
import { type FormEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageFallback } from '../../app/NotFoundPage';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { useMe } from '../me/me-query';
import { EventTimeline } from '../proposals/EventTimeline';
import { type Application, type Side, useApplication, useApplicationEvents } from '../proposals/proposal-queries';
import { ReadOnlyProposal } from '../proposals/ReadOnlyProposal';
import { useApproveSide, useReturnSide } from './office-queries';
import { Localized } from '../../ui/Localized';
import { LatestSubmission } from './LatestSubmission';

/** An application as the office sees it, with approve (recording the integrity checks) and return for its own institution's sides. */
export function OfficeProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const found = useApplication(id);
  const events = useApplicationEvents(id);
  const me = useMe();
  if (found.error || !found.data) return <PageFallback query={found} />;
  if (!me.data) return <Loading />;
  const application = found.data;
  const ours = application.sides.filter((side) => side.institution?.id === me.data.organisation?.id);
  const pending = ours.filter((side) => side.status === 'pending_institution');
  return (
    <Page title={application.title}>
      <p className="muted">
        <Localized text={application.call.title} /> · <StatusBadge status={application.status} />
      </p>
      <LatestSubmission
        applicationId={application.id}
        agencies={application.sides.map((side) => side.agency)}
        note={pending.length > 0 ? t('officeSubmission.approveNote') : undefined}
      />
      {pending.map((side) => (
        <SideDecision key={side.agency.id} application={application} side={side} />
      ))}
      <ReadOnlyProposal application={application} />
      <section aria-labelledby="office-history">
        <h2 id="office-history">{t('proposal.history')}</h2>
        {events.data && <EventTimeline events={events.data} />}
      </section>
    </Page>
  );
}

function SideDecision({ application, side }: { readonly application: Application; readonly side: Side }) {
  const { t } = useTranslation();
  const approve = useApproveSide(application.id);
  const giveBack = useReturnSide(application.id);
  const key = useRef(crypto.randomUUID());
  const agencyId = side.agency.id;
  const prefix = `decide-${agencyId}`;

  const onApprove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const comment = formText(form, 'comment');
    approve.mutate({
      agencyId,
      body: {
        key: key.current,
        exportControlScreened: form.get('exportControl') === 'on',
        disclosuresReceived: form.get('disclosures') === 'on',
        ...(comment ? { comment } : {}),
      },
    });
  };
  const onReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    giveBack.mutate({ agencyId, body: { comment: formText(new FormData(event.currentTarget), 'comment') } });
  };

  return (
    <section className="card" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t('office.decideSide', { agency: side.agency.shortName })}</h2>
      <div className="grid-2">
        <form onSubmit={onApprove} aria-labelledby={`${prefix}-approve`}>
          <h3 id={`${prefix}-approve`}>{t('office.approve')}</h3>
          <fieldset>
            <legend>{t('office.integrityChecks')}</legend>
            <label className="checkbox" htmlFor={`${prefix}-export`}>
              <input id={`${prefix}-export`} name="exportControl" type="checkbox" required />
              {t('office.exportControl')}
            </label>
            <label className="checkbox" htmlFor={`${prefix}-disclosures`}>
              <input id={`${prefix}-disclosures`} name="disclosures" type="checkbox" required />
              {t('office.disclosures')}
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor={`${prefix}-approve-comment`}>{t('office.commentOptional')}</label>
            <textarea id={`${prefix}-approve-comment`} name="comment" rows={3} maxLength={5000} />
          </div>
          <ProblemAlert error={approve.error} />
          <button type="submit" disabled={approve.isPending}>
            {t('office.approve')}
          </button>
        </form>
        <form onSubmit={onReturn} aria-labelledby={`${prefix}-return`}>
          <h3 id={`${prefix}-return`}>{t('office.return')}</h3>
          <div className="field">
            <label htmlFor={`${prefix}-return-comment`}>{t('office.returnComment')}</label>
            <textarea id={`${prefix}-return-comment`} name="comment" rows={5} required maxLength={5000} />
          </div>
          <ProblemAlert error={giveBack.error} />
          <button type="submit" className="button-danger" disabled={giveBack.isPending}>
            {t('office.return')}
          </button>
        </form>
      </div>
    </section>
  );
}
