import ical, { ICalCalendarMethod } from 'ical-generator';

export interface DeadlineEvent {
  readonly callId: string;
  readonly agencyId: string;
  readonly agencyShortName: string;
  readonly titleEn: string;
  readonly titleJa: string;
  readonly deadline: Date;
  /** Raised each time this deadline moved, so calendar apps replace the old event. */
  readonly sequence: number;
  readonly url: string;
  readonly cancelled: boolean;
}

/**
 * An iCalendar (RFC 5545) document with one event per agency deadline: times in UTC, a UID that
 * stays the same for a call and agency, and SEQUENCE raised when the deadline moves.
 */
export function deadlinesCalendar(name: string, events: readonly DeadlineEvent[], now: Date): string {
  const calendar = ical({
    name,
    prodId: { company: 'jointcall', product: 'deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const event of events) {
    calendar.createEvent({
      id: `${event.callId}.${event.agencyId}@jointcall`,
      sequence: event.sequence,
      stamp: now,
      start: event.deadline,
      end: event.deadline,
      summary: `${event.cancelled ? 'CANCELLED: ' : ''}${event.agencyShortName} deadline: ${event.titleEn}`,
      description: `${event.titleJa}\n${event.titleEn}\n${event.url}`,
      url: event.url,
    });
  }
  return calendar.toString();
}
