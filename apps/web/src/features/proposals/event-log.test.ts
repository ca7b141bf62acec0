import { describe, expect, it } from 'vitest';
import { timelineEntries } from './event-log';
import type { ApplicationEvent } from './proposal-queries';

const event = (id: number, action: ApplicationEvent['action'], actor: string | null, fields: string[] | null = null): ApplicationEvent => ({
  id: String(id),
  action,
  agency: null,
  actor: actor ? { id: actor, name: actor } : null,
  from: null,
  to: null,
  comment: null,
  fields,
  receipt: null,
  at: `2026-12-06T03:00:0${id}Z`,
});

describe('timelineEntries', () => {
  it('folds a run of one person’s saves into one entry with every field, the last time and the count', () => {
    const entries = timelineEntries([
      event(1, 'application.created', 'pi'),
      event(2, 'application.edited', 'pi', ['title']),
      event(3, 'application.edited', 'pi', ['abstract', 'title']),
      event(4, 'application.edited', 'pi', ['keywords']),
    ]);
    expect(entries.map((e) => [e.event.id, e.fields, e.saves])).toEqual([
      ['1', [], 1],
      ['4', ['title', 'abstract', 'keywords'], 3],
    ]);
  });

  it('keeps saves apart when another person edits or another step comes between', () => {
    const entries = timelineEntries([
      event(1, 'application.edited', 'pi', ['title']),
      event(2, 'application.edited', 'copi', ['abstract']),
      event(3, 'application.submit', 'pi'),
      event(4, 'application.edited', 'copi', ['abstract']),
    ]);
    expect(entries.map((e) => [e.event.id, e.saves])).toEqual([
      ['1', 1],
      ['2', 1],
      ['3', 1],
      ['4', 1],
    ]);
  });
});
