/**
 * The life of a joint application, one side per participating agency, as one pure function.
 *
 *   draft ──submit──> pending_institution ──approve──> submitted ──(agency: eligibility, review)──> decided
 *     ^  (approval waived: straight to submitted)  │ return (comment)
 *     └──────────────── returned <─────────────────┘
 *   reopen (PI, before the deadline): every side back to draft; the last submitted version still counts
 *   withdraw (PI, before any decision): every side withdrawn
 *
 * Nothing moves into pending_institution or submitted at or after the side's agency deadline.
 */
export const SIDE_STATUSES = [
  'draft',
  'returned',
  'pending_institution',
  'submitted',
  'eligible',
  'ineligible',
  'under_review',
  'decided',
  'withdrawn',
] as const;
export type SideStatus = (typeof SIDE_STATUSES)[number];

export const APPLICATION_STATUSES = SIDE_STATUSES;
export type ApplicationStatus = SideStatus;

export interface SideState {
  readonly agencyId: string;
  /** The side's institution, whose office approves it. */
  readonly institutionId: string;
  readonly status: SideStatus;
  /** False when the agency waives institution approval. */
  readonly approvalRequired: boolean;
  readonly deadline: Date;
  /** The office recorded its research-integrity checks (export control, disclosures) for this side. */
  readonly integrityChecksRecorded: boolean;
}

export type ApplicationAction =
  | { readonly type: 'submit' }
  | { readonly type: 'approve'; readonly agencyId: string }
  | { readonly type: 'return'; readonly agencyId: string; readonly comment: string }
  | { readonly type: 'reopen' }
  | { readonly type: 'withdraw' };

/** How the actor relates to the application. */
export interface Actor {
  readonly isPi: boolean;
  /** Institutions whose research office the actor works for. */
  readonly officeOf: ReadonlySet<string>;
}

export type RefusalCode =
  'NOT_ALLOWED' | 'WRONG_STATE' | 'DEADLINE_PASSED' | 'INTEGRITY_CHECKS_MISSING' | 'COMMENT_REQUIRED' | 'NO_SUCH_SIDE';

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  /** The side concerned, when there is one. */
  readonly agencyId?: string;
}

export interface SideChange {
  readonly agencyId: string;
  readonly from: SideStatus;
  readonly to: SideStatus;
}

export type Transition =
  | { readonly ok: true; readonly sides: readonly SideState[]; readonly changes: readonly SideChange[] }
  | { readonly ok: false; readonly refusal: Refusal };

const EDITABLE: ReadonlySet<SideStatus> = new Set(['draft', 'returned']);
const IN_FLOW: ReadonlySet<SideStatus> = new Set(['pending_institution', 'submitted']);

export function isEditable(sides: readonly { readonly status: SideStatus }[]): boolean {
  return sides.length > 0 && sides.every((side) => EDITABLE.has(side.status));
}

const BEFORE_AGENCY: ReadonlySet<SideStatus> = new Set(['draft', 'returned', 'pending_institution']);

/**
 * The side has reached its agency: it is past the office, and a withdrawn side only if it had been
 * submitted (a draft its PI withdrew never reached anyone). receivedSideSql is the same rule in SQL.
 */
export function hasReachedAgency(side: { readonly status: SideStatus; readonly submittedAt: Date | null }): boolean {
  return !BEFORE_AGENCY.has(side.status) && (side.status !== 'withdrawn' || side.submittedAt !== null);
}

export function transition(sides: readonly SideState[], action: ApplicationAction, actor: Actor, now: Date): Transition {
  const refuse = (code: RefusalCode, message: string, agencyId?: string): Transition => ({
    ok: false,
    refusal: agencyId === undefined ? { code, message } : { code, message, agencyId },
  });
  const before = (side: SideState): boolean => now.getTime() < side.deadline.getTime();

  switch (action.type) {
    case 'submit': {
      if (!actor.isPi) return refuse('NOT_ALLOWED', 'Only the principal investigator submits.');
      if (!isEditable(sides)) return refuse('WRONG_STATE', 'Only a draft or returned application can be submitted.');
      const late = sides.find((side) => !before(side));
      if (late) return refuse('DEADLINE_PASSED', "The side's agency deadline has passed.", late.agencyId);
      return apply(
        sides,
        () => true,
        (side) => (side.approvalRequired ? 'pending_institution' : 'submitted'),
      );
    }
    case 'approve':
    case 'return': {
      const side = sides.find((s) => s.agencyId === action.agencyId);
      if (!side) return refuse('NO_SUCH_SIDE', 'The application has no side for this agency.', action.agencyId);
      if (!actor.officeOf.has(side.institutionId)) {
        return refuse('NOT_ALLOWED', "Only the research office of the side's institution decides on it.", side.agencyId);
      }
      if (side.status !== 'pending_institution') return refuse('WRONG_STATE', 'The side is not waiting for approval.', side.agencyId);
      if (action.type === 'approve') {
        if (!before(side)) return refuse('DEADLINE_PASSED', "The side's agency deadline has passed.", side.agencyId);
        if (!side.integrityChecksRecorded) {
          return refuse('INTEGRITY_CHECKS_MISSING', 'Record the export-control and disclosure checks before approving.', side.agencyId);
        }
        return apply(
          sides,
          (s) => s.agencyId === side.agencyId,
          () => 'submitted',
        );
      }
      if (action.comment.trim() === '') return refuse('COMMENT_REQUIRED', 'Say what the applicants must change.', side.agencyId);
      // The joint proposal is one document: returning one side gives the whole of it back to the PI.
      return apply(
        sides,
        (s) => s.agencyId === side.agencyId || IN_FLOW.has(s.status),
        (s) => (s.agencyId === side.agencyId ? 'returned' : 'draft'),
      );
    }
    case 'reopen': {
      if (!actor.isPi) return refuse('NOT_ALLOWED', 'Only the principal investigator reopens.');
      if (!sides.every((s) => IN_FLOW.has(s.status) || EDITABLE.has(s.status)) || isEditable(sides)) {
        return refuse(
          'WRONG_STATE',
          'Only an application waiting for approval or submitted, and not yet under agency review, can be reopened.',
        );
      }
      const late = sides.find((side) => !before(side));
      if (late) return refuse('DEADLINE_PASSED', 'A deadline has passed; the application can no longer be reopened.', late.agencyId);
      return apply(
        sides,
        (s) => IN_FLOW.has(s.status),
        () => 'draft',
      );
    }
    case 'withdraw': {
      if (!actor.isPi) return refuse('NOT_ALLOWED', 'Only the principal investigator withdraws.');
      if (sides.some((s) => s.status === 'decided' || s.status === 'withdrawn')) {
        return refuse('WRONG_STATE', 'A decided or withdrawn application cannot be withdrawn.');
      }
      return apply(
        sides,
        () => true,
        () => 'withdrawn',
      );
    }
  }
}

function apply(sides: readonly SideState[], which: (side: SideState) => boolean, to: (side: SideState) => SideStatus): Transition {
  const changes: SideChange[] = [];
  const next = sides.map((side) => {
    if (!which(side)) return side;
    const status = to(side);
    if (status !== side.status) changes.push({ agencyId: side.agencyId, from: side.status, to: status });
    return { ...side, status, integrityChecksRecorded: status === 'submitted' ? side.integrityChecksRecorded : false };
  });
  return { ok: true, sides: next, changes };
}

/** The application's status, summarising its sides: the side furthest behind sets it. */
export function applicationStatus(sides: readonly { readonly status: SideStatus }[]): ApplicationStatus {
  const statuses = new Set(sides.map((side) => side.status));
  if (statuses.size === 0) return 'draft';
  if ([...statuses].every((s) => s === 'withdrawn')) return 'withdrawn';
  for (const status of ['returned', 'draft', 'pending_institution', 'ineligible', 'submitted', 'eligible', 'under_review'] as const) {
    if (statuses.has(status)) return status;
  }
  return 'decided';
}
