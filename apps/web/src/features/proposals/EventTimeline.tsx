import { useTranslation } from 'react-i18next';
import { formatInstant, viewerTimeZone } from '../../lib/format';
import { timelineEntries } from './event-log';
import type { ApplicationEvent } from './proposal-queries';

/** Every step the api records, by name: a new step in the api fails the type-check until it is named here. */
const ACTION_LABELS: Record<ApplicationEvent['action'], string> = {
  'application.created': 'events.application.created',
  'application.edited': 'events.application.edited',
  'application.submit': 'events.application.submit',
  'application.approve': 'events.application.approve',
  'application.return': 'events.application.return',
  'application.reopen': 'events.application.reopen',
  'application.withdraw': 'events.application.withdraw',
  'application.eligibility': 'events.application.eligibility',
  'application.review_started': 'events.application.review_started',
  'application.decision': 'events.application.decision',
  'application.member_added': 'events.application.member_added',
  'application.member_invited': 'events.application.member_invited',
  'application.member_joined': 'events.application.member_joined',
};

/** The event log of a proposal, oldest first: who did what, when, with the office's comments and the receipts issued. */
export function EventTimeline({ events }: { readonly events: readonly ApplicationEvent[] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <p className="muted">{t('proposal.noEvents')}</p>;
  return (
    <ol className="timeline">
      {timelineEntries(events).map(({ event, fields, saves }) => (
        <li key={event.id}>
          <time dateTime={event.at}>{formatInstant(event.at, i18n.language, viewerTimeZone())}</time>{' '}
          <strong>{t(ACTION_LABELS[event.action])}</strong>
          {fields.length > 0 && (
            <span>
              {': '}
              {fields.map((field) => t(`check.fields.${field}`, { defaultValue: field })).join(t('events.fieldsJoin'))}
            </span>
          )}
          {saves > 1 && <span className="muted"> ({t('events.saves', { count: saves })})</span>}
          {event.agency && <span> · {event.agency}</span>}
          {event.to && <span> → {t(`status.${event.to}`, { defaultValue: event.to })}</span>}
          {event.actor && <span className="muted"> · {event.actor.name}</span>}
          {event.receipt && (
            <span className="muted">
              {' '}
              · {t(`receipts.${event.receipt.kind}`)} {event.receipt.number}
            </span>
          )}
          {event.comment && <p className="pre-line">{event.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
