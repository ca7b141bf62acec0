import type { CallStatus } from '#calls';

/** Where the sides of a call stand, by agency, when its results are to be released. */
export interface SideProgress {
  /** The agency's short name, to say who still has to decide. */
  readonly agency: string;
  /** Sides that reached the agency and are neither decided, found ineligible nor withdrawn. */
  readonly undecided: number;
  readonly decided: number;
}

export type ReleaseRefusalCode =
  'CALL_CANCELLED' | 'RESULTS_ALREADY_RELEASED' | 'REVIEW_NOT_STARTED' | 'DECISIONS_PENDING' | 'NOTHING_DECIDED';

export interface ReleaseRefusal {
  readonly code: ReleaseRefusalCode;
  readonly message: string;
}

/**
 * Why the lead agency may not release a call's results, given the call's status now, or null when
 * it may. The results go out once (a second release, or one after the decision date released them,
 * is refused), for the whole call at once: after every deadline and once the review has started (its
 * date, when set, has come), when every side that reached an agency has that agency's decision (or
 * was found ineligible or withdrawn), so applicants never read one agency's decision while another's
 * is still out, and when there is at least one decision to tell.
 */
export function releaseRefusal(
  call: { readonly status: CallStatus; readonly reviewStartsAt: Date | null },
  progress: readonly SideProgress[],
): ReleaseRefusal | null {
  const { status } = call;
  if (status === 'cancelled') return { code: 'CALL_CANCELLED', message: 'A cancelled call has no results to release.' };
  if (status === 'decided') return { code: 'RESULTS_ALREADY_RELEASED', message: "The call's results are already released." };
  if (status !== 'in_review' && !(status === 'closed' && call.reviewStartsAt === null)) {
    return {
      code: 'REVIEW_NOT_STARTED',
      message: "Results are released once every deadline has passed and the call's review has started.",
    };
  }
  const waiting = progress.filter((p) => p.undecided > 0);
  if (waiting.length > 0) {
    const count = waiting.reduce((sum, p) => sum + p.undecided, 0);
    const byAgency = waiting.map((p) => `${p.agency}: ${p.undecided}`).join(', ');
    return {
      code: 'DECISIONS_PENDING',
      message: `${count} ${count === 1 ? 'side that reached its agency awaits' : 'sides that reached their agency await'} a decision (${byAgency}).`,
    };
  }
  if (!progress.some((p) => p.decided > 0)) return { code: 'NOTHING_DECIDED', message: 'The call has no decision to release.' };
  return null;
}
