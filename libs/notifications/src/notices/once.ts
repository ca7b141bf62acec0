/**
 * Why a notice goes out once, and the mark that remembers it went. The marks (notice_marks) and
 * the form of their keys are the notifications feature's own: other features name the reason
 * (`onceKey` for a notice they build, `notSentYet` for a query of what is due), never the table or
 * the key's spelling.
 */
const PREFIXES = {
  /** A state change's notice: once per event. */
  event: 'event',
  assignment: 'assignment',
  review_reminder: 'review',
  officer_reminder: 'review',
  decision: 'decision',
  deadline_reminder: 'deadline',
  approval_reminder: 'approval',
} as const;

export type OnceReason =
  | { readonly kind: 'event'; readonly eventId: string }
  | { readonly kind: 'assignment'; readonly assignmentId: string }
  | { readonly kind: 'review_reminder'; readonly assignmentId: string; readonly offsetMinutes: number }
  | { readonly kind: 'officer_reminder'; readonly assignmentId: string; readonly at: Date }
  | { readonly kind: 'decision'; readonly applicationId: string; readonly agencyId: string }
  | {
      readonly kind: 'deadline_reminder' | 'approval_reminder';
      readonly applicationId: string;
      readonly agencyId: string;
      readonly offsetMinutes: number;
    };

/** The parts of each reason's key, in order. */
function parts(reason: OnceReason): readonly string[] {
  switch (reason.kind) {
    case 'event':
      return [reason.eventId];
    case 'assignment':
      return [reason.assignmentId];
    case 'review_reminder':
      return [reason.assignmentId, String(reason.offsetMinutes)];
    case 'officer_reminder':
      return [reason.assignmentId, 'officer', reason.at.toISOString()];
    case 'decision':
      return [reason.applicationId, reason.agencyId];
    case 'deadline_reminder':
    case 'approval_reminder':
      return [reason.applicationId, reason.agencyId, String(reason.offsetMinutes)];
  }
}

/** The key a notice for this reason is marked with. */
export function onceKey(reason: OnceReason): string {
  return [PREFIXES[reason.kind], ...parts(reason)].join(':');
}

/** Reasons a scheduled query asks about, with the SQL expressions of their parts in `parts` order. */
export type OnceReasonSql =
  | { readonly kind: 'review_reminder'; readonly assignmentId: string; readonly offsetMinutes: string }
  | { readonly kind: 'decision'; readonly applicationId: string; readonly agencyId: string }
  | {
      readonly kind: 'deadline_reminder' | 'approval_reminder';
      readonly applicationId: string;
      readonly agencyId: string;
      readonly offsetMinutes: string;
    };

/** The key of a reason as a SQL expression over the query's columns (the same spelling as onceKey). */
export function onceKeySql(reason: OnceReasonSql): string {
  const expressions =
    reason.kind === 'review_reminder'
      ? [reason.assignmentId, reason.offsetMinutes]
      : reason.kind === 'decision'
        ? [reason.applicationId, reason.agencyId]
        : [reason.applicationId, reason.agencyId, reason.offsetMinutes];
  return [`'${PREFIXES[reason.kind]}'`, ...expressions].join(` || ':' || `);
}

/**
 * A SQL condition for a query of what is due: the notice for this reason has not gone out. It
 * keeps a sweep from reading again what went out before; the mark written when a notice is sent
 * (Notifier.notifyOnce) is what guarantees once.
 */
export function notSentYet(
  reason: OnceReasonSql | { readonly either: readonly [OnceReasonSql, OnceReasonSql]; readonly when: string },
): string {
  const key =
    'either' in reason
      ? `CASE WHEN ${reason.when} THEN ${onceKeySql(reason.either[0])} ELSE ${onceKeySql(reason.either[1])} END`
      : onceKeySql(reason);
  return `NOT EXISTS (SELECT 1 FROM notice_marks k WHERE k.key = ${key})`;
}
