import { type Notice, onceKey } from '#notifications';

export interface AssignmentNoticeRow {
  readonly assignmentId: string;
  readonly reviewerId: string;
  readonly applicationTitle: string;
  readonly agency: string;
  readonly dueAt: Date | null;
}

/** A new assignment is told to its reviewer, once. */
export function assignmentNotice(row: AssignmentNoticeRow): Notice {
  return {
    kind: 'review_assigned',
    recipients: { users: [row.reviewerId] },
    subject: { type: 'assignment', id: row.assignmentId },
    params: { applicationTitle: row.applicationTitle, agency: row.agency, ...(row.dueAt ? { dueAt: row.dueAt.toISOString() } : {}) },
    dedupeKey: onceKey({ kind: 'assignment', assignmentId: row.assignmentId }),
  };
}

/** Before an unsubmitted review falls due, at each offset once. */
export function reviewReminder(row: AssignmentNoticeRow & { readonly offsetMinutes: number }): Notice {
  return {
    ...assignmentNotice(row),
    kind: 'review_reminder',
    params: {
      applicationTitle: row.applicationTitle,
      agency: row.agency,
      dueAt: row.dueAt!.toISOString(),
      offsetMinutes: row.offsetMinutes,
    },
    dedupeKey: onceKey({ kind: 'review_reminder', assignmentId: row.assignmentId, offsetMinutes: row.offsetMinutes }),
  };
}

/** An officer's reminder of an open review, sent from the progress board: each one a notice of its own. */
export function manualReviewReminder(row: AssignmentNoticeRow, at: Date): Notice {
  return {
    ...assignmentNotice(row),
    kind: 'review_reminder',
    dedupeKey: onceKey({ kind: 'officer_reminder', assignmentId: row.assignmentId, at }),
  };
}

export interface PublishedDecisionRow {
  readonly applicationId: string;
  readonly agencyId: string;
  readonly agency: string;
  readonly decision: 'yes' | 'no';
  readonly applicationTitle: string;
  readonly callTitle: { readonly en: string; readonly ja: string };
  readonly applicantIds: readonly string[];
}

/** A side's decision reaches the application's team when the call's results are released (by the lead agency or the decision date), not before. */
export function decisionNotice(row: PublishedDecisionRow): Notice {
  return {
    kind: 'decision_published',
    recipients: { users: row.applicantIds },
    subject: { type: 'application', id: row.applicationId },
    params: { applicationTitle: row.applicationTitle, callTitle: row.callTitle, agency: row.agency, decision: row.decision },
    dedupeKey: onceKey({ kind: 'decision', applicationId: row.applicationId, agencyId: row.agencyId }),
  };
}
