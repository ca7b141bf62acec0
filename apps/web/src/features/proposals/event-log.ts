import type { ApplicationEvent } from './proposal-queries';

/** An entry of the timeline: an event, or a run of one person's saves shown as one line. */
export interface TimelineEntry {
  readonly event: ApplicationEvent;
  /** Every field the run of saves changed, in the order first changed. */
  readonly fields: readonly string[];
  readonly saves: number;
}

/**
 * Autosave records an edit every few seconds: a run of edits by the same person with nothing else
 * between them reads as one line (the last one's time, every field changed, how many saves).
 */
export function timelineEntries(events: readonly ApplicationEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    const previous = entries.at(-1);
    if (
      event.action === 'application.edited' &&
      previous?.event.action === 'application.edited' &&
      previous.event.actor?.id === event.actor?.id
    ) {
      const fields = [...previous.fields, ...(event.fields ?? []).filter((f) => !previous.fields.includes(f))];
      entries[entries.length - 1] = { event, fields, saves: previous.saves + 1 };
    } else {
      entries.push({ event, fields: [...new Set(event.fields ?? [])], saves: 1 });
    }
  }
  return entries;
}
