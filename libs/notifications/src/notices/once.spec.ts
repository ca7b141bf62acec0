import { describe, expect, it } from 'vitest';
import { notSentYet, onceKey, onceKeySql } from './once.js';

describe('notices sent once', () => {
  it('spells each reason’s key', () => {
    expect(onceKey({ kind: 'event', eventId: '42' })).toBe('event:42');
    expect(onceKey({ kind: 'review_reminder', assignmentId: 'a1', offsetMinutes: 4320 })).toBe('review:a1:4320');
    expect(onceKey({ kind: 'officer_reminder', assignmentId: 'a1', at: new Date('2027-01-02T03:04:05Z') })).toBe(
      'review:a1:officer:2027-01-02T03:04:05.000Z',
    );
    expect(onceKey({ kind: 'approval_reminder', applicationId: 'p', agencyId: 'j', offsetMinutes: 120 })).toBe('approval:p:j:120');
  });

  it('spells the same key in SQL, part by part', () => {
    expect(onceKeySql({ kind: 'review_reminder', assignmentId: 'r.id', offsetMinutes: 'due.offset_minutes' })).toBe(
      `'review' || ':' || r.id || ':' || due.offset_minutes`,
    );
    expect(onceKeySql({ kind: 'decision', applicationId: 'd.application_id', agencyId: 'd.agency_id' })).toBe(
      `'decision' || ':' || d.application_id || ':' || d.agency_id`,
    );
    expect(
      notSentYet({
        when: `s.status = 'pending_institution'`,
        either: [
          { kind: 'approval_reminder', applicationId: 'a', agencyId: 'b', offsetMinutes: 'c' },
          { kind: 'deadline_reminder', applicationId: 'a', agencyId: 'b', offsetMinutes: 'c' },
        ],
      }),
    ).toBe(
      `NOT EXISTS (SELECT 1 FROM notice_marks k WHERE k.key = CASE WHEN s.status = 'pending_institution' THEN 'approval' || ':' || a || ':' || b || ':' || c ELSE 'deadline' || ':' || a || ':' || b || ':' || c END)`,
    );
  });
});
