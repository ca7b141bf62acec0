import { resultsReleased, type ResultsTimeline } from './call-timeline.js';

export const CALL_STATUSES = ['draft', 'announced', 'open', 'closed', 'in_review', 'decided', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface CallTimeline extends ResultsTimeline {
  readonly publishedAt: Date | null;
  readonly cancelledAt: Date | null;
  readonly opensAt: Date;
  /** Every participating agency's deadline. */
  readonly deadlines: readonly Date[];
  readonly reviewStartsAt: Date | null;
}

/**
 * Where a call stands at `now`. Unpublished calls are drafts and cancelled ones stay cancelled;
 * a published call is announced until it opens, open while any agency still accepts proposals,
 * then closed, in review and decided as its timeline passes: decided once its results are released
 * (by the lead agency, or by the decision date). callStatusSql mirrors this rule.
 */
export function callStatus(call: CallTimeline, now: Date): CallStatus {
  if (call.cancelledAt !== null) return 'cancelled';
  if (call.publishedAt === null) return 'draft';
  const t = now.getTime();
  if (t < call.opensAt.getTime()) return 'announced';
  if (call.deadlines.some((deadline) => t < deadline.getTime())) return 'open';
  if (resultsReleased(call, now)) return 'decided';
  if (call.reviewStartsAt !== null && t >= call.reviewStartsAt.getTime()) return 'in_review';
  return 'closed';
}

/** The same rule in SQL, over a `calls` row aliased `alias`, at the instant in parameter `now`. */
export function callStatusSql(alias: string, now: string): string {
  return `CASE
    WHEN ${alias}.cancelled_at IS NOT NULL THEN 'cancelled'
    WHEN ${alias}.published_at IS NULL THEN 'draft'
    WHEN ${now} < ${alias}.opens_at THEN 'announced'
    WHEN ${now} < (SELECT max(d) FROM unnest(${alias}.deadlines) d) THEN 'open'
    WHEN ${now} >= ${alias}.results_released_at OR ${now} >= ${alias}.decision_at THEN 'decided'
    WHEN ${alias}.review_starts_at IS NOT NULL AND ${now} >= ${alias}.review_starts_at THEN 'in_review'
    ELSE 'closed' END`;
}
