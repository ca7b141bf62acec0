import { describe, expect, it } from 'vitest';
import { isOverdue, reminderRefusal } from './review-progress.js';

const now = new Date('2026-11-22T05:00:00Z');
const open = {
  status: 'accepted' as const,
  dueAt: new Date('2026-11-21T00:00:00Z'),
  submittedAt: null,
  remindedAt: null,
};

describe('isOverdue', () => {
  it('is an open review past its due time', () => {
    expect(isOverdue(open, now)).toBe(true);
    expect(isOverdue({ ...open, status: 'assigned' }, now)).toBe(true);
  });

  it('is not a review due later, exactly now, without a due time, submitted or declined', () => {
    expect(isOverdue({ ...open, dueAt: new Date('2026-11-23T00:00:00Z') }, now)).toBe(false);
    expect(isOverdue({ ...open, dueAt: now }, now)).toBe(false);
    expect(isOverdue({ ...open, dueAt: null }, now)).toBe(false);
    expect(isOverdue({ ...open, submittedAt: new Date('2026-11-22T00:00:00Z') }, now)).toBe(false);
    expect(isOverdue({ ...open, status: 'declined' }, now)).toBe(false);
  });
});

describe('reminderRefusal', () => {
  it('lets an open review be reminded, and again after an hour', () => {
    expect(reminderRefusal(open, now)).toBeNull();
    expect(reminderRefusal({ ...open, remindedAt: new Date(now.getTime() - 60 * 60_000) }, now)).toBeNull();
  });

  it('refuses a submitted review and a declined assignment', () => {
    expect(reminderRefusal({ ...open, submittedAt: now }, now)?.code).toBe('REVIEW_SUBMITTED');
    expect(reminderRefusal({ ...open, status: 'declined' }, now)?.code).toBe('ASSIGNMENT_DECLINED');
  });

  it('refuses a second reminder within the hour, saying how long to wait', () => {
    const refusal = reminderRefusal({ ...open, remindedAt: new Date(now.getTime() - 15 * 60_000) }, now);
    expect(refusal?.code).toBe('REMINDER_TOO_SOON');
    expect(refusal?.retryAfterSeconds).toBe(45 * 60);
  });
});
