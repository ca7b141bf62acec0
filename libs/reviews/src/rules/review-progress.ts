import type { AssignmentStatus } from '../reviews/review.entity.js';

/** An officer reminds a reviewer of one assignment at most once in this many minutes. */
export const REMINDER_INTERVAL_MINUTES = 60;

export interface AssignmentProgress {
  readonly status: AssignmentStatus;
  readonly dueAt: Date | null;
  readonly submittedAt: Date | null;
  readonly remindedAt: Date | null;
}

/** An assignment is overdue when its review is still open (not submitted, not declined) and its due time has passed. */
export function isOverdue(assignment: Pick<AssignmentProgress, 'status' | 'dueAt' | 'submittedAt'>, now: Date): boolean {
  return (
    assignment.status !== 'declined' &&
    assignment.submittedAt === null &&
    assignment.dueAt !== null &&
    assignment.dueAt.getTime() < now.getTime()
  );
}

export type ReminderRefusalCode = 'REVIEW_SUBMITTED' | 'ASSIGNMENT_DECLINED' | 'REMINDER_TOO_SOON';

export interface ReminderRefusal {
  readonly code: ReminderRefusalCode;
  readonly message: string;
  /** For REMINDER_TOO_SOON: seconds until the next reminder may go. */
  readonly retryAfterSeconds?: number;
  /** For REMINDER_TOO_SOON: when the last one went. */
  readonly remindedAt?: Date;
}

/**
 * Why an officer may not remind the reviewer of an assignment now, or null when they may: only an
 * open review (neither submitted nor declined) is reminded, and at most once per interval.
 */
export function reminderRefusal(assignment: AssignmentProgress, now: Date): ReminderRefusal | null {
  if (assignment.submittedAt !== null) return { code: 'REVIEW_SUBMITTED', message: 'The review is submitted: there is nothing to remind.' };
  if (assignment.status === 'declined') {
    return { code: 'ASSIGNMENT_DECLINED', message: 'The reviewer declined the assignment: there is nothing to remind.' };
  }
  if (assignment.remindedAt !== null) {
    const next = assignment.remindedAt.getTime() + REMINDER_INTERVAL_MINUTES * 60_000;
    if (next > now.getTime()) {
      return {
        code: 'REMINDER_TOO_SOON',
        message: `The reviewer was reminded less than ${REMINDER_INTERVAL_MINUTES} minutes ago; wait before reminding again.`,
        retryAfterSeconds: Math.ceil((next - now.getTime()) / 1000),
        remindedAt: assignment.remindedAt,
      };
    }
  }
  return null;
}
