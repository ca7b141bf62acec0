import { inZoneAndUtc } from '#calls';

/**
 * The life of a joint application, one side per participating agency, as one pure function.
 *
 *   draft ──submit──> pending_institution ──approve──> submitted ──(agency: eligibility, review)──> decided
 *     ^  (approval waived: straight to submitted)  │ return (comment)
 *     └──────────────── returned <─────────────────┘
 *   reopen (PI, before the deadline): every side back to draft; the last submitted version still counts
 *   withdraw (PI, before any decision): every side withdrawn
 *
 * and, on each side, its agency's steps (an officer of that agency):
 *
 *   submitted ──eligibility──> eligible | ineligible   (judged again while not under review)
 *   eligible ──start_review (first reviewer assigned)──> under_review ──decide──> decided (final;
 *   the decision itself may be changed until the results are released, the side stays decided)
 *   eligible ──decide, on the lead agency's review (a co-funding or twinning partner)──> decided
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
  /** The agency's short name and time zone, to say whose deadline passed and when. */
  readonly agencyName: string;
  readonly timeZone: string;
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
  | { readonly type: 'withdraw' }
  | AgencyAction;

/** The steps an agency takes on its own side of an application. */
export type AgencyAction =
  | { readonly type: 'judge_eligibility'; readonly agencyId: string; readonly eligible: boolean }
  | { readonly type: 'start_review'; readonly agencyId: string }
  | {
      readonly type: 'decide';
      readonly agencyId: string;
      /**
       * A partner agency confirming on the lead agency's review (co-funding, twinning: the lead's side
       * is under review or decided), which lets an eligible side be decided without a review of its own.
       */
      readonly onLeadReview?: boolean;
    };

/** How the actor relates to the application. */
export interface Actor {
  readonly isPi: boolean;
  /** Institutions whose research office the actor works for. */
  readonly officeOf: ReadonlySet<string>;
  /** Agencies whose program officer the actor is (none when absent). */
  readonly officerOf?: ReadonlySet<string>;
}

export type RefusalCode =
  'NOT_ALLOWED' | 'WRONG_STATE' | 'DEADLINE_PASSED' | 'INTEGRITY_CHECKS_MISSING' | 'COMMENT_REQUIRED' | 'NO_SUCH_SIDE';

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  /** The side concerned, when there is one. */
  readonly agencyId?: string;
  /** What the refusal is about, as a path into the application: `status`, `sides[0].deadline`. */
  readonly field?: string;
}

/** A refusal of any submission now, whoever asks: the application's state, or a side's passed deadline. */
export interface SubmissionBlocker extends Refusal {
  readonly code: 'WRONG_STATE' | 'DEADLINE_PASSED';
  readonly field: string;
}

export interface SideChange {
  readonly agencyId: string;
  readonly from: SideStatus;
  readonly to: SideStatus;
}

export const RECEIPT_KINDS = ['submitted_to_office', 'received_by_agency'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** The receipt a side change earns: one when the PI submits it to its office, one when it reaches its agency. */
export function receiptFor(change: SideChange): ReceiptKind | undefined {
  if (change.to === 'pending_institution') return 'submitted_to_office';
  if (change.to === 'submitted') return 'received_by_agency';
  return undefined;
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

const before = (side: SideState, now: Date): boolean => now.getTime() < side.deadline.getTime();

/**
 * What stops a submission now, whoever asks and whatever the proposal says: an application that is
 * not a draft (or returned), and each side whose agency deadline has passed, once each.
 */
export function submissionBlockers(sides: readonly SideState[], now: Date): SubmissionBlocker[] {
  if (!isEditable(sides))
    return [{ code: 'WRONG_STATE', field: 'status', message: 'Only a draft or returned application can be submitted.' }];
  return sides.flatMap((side, index) => (before(side, now) ? [] : [deadlinePassed(side, index)]));
}

/** "JST's deadline passed at 2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z.", on the side's deadline. */
function deadlinePassed(side: SideState, index: number, consequence?: string): SubmissionBlocker {
  const message = `${side.agencyName}'s deadline passed at ${inZoneAndUtc(side.deadline, side.timeZone)}.`;
  return {
    code: 'DEADLINE_PASSED',
    message: consequence ? `${message} ${consequence}` : message,
    agencyId: side.agencyId,
    field: `sides[${index}].deadline`,
  };
}

export function transition(sides: readonly SideState[], action: ApplicationAction, actor: Actor, now: Date): Transition {
  const refuse = (code: RefusalCode, message: string, agencyId?: string): Transition => ({
    ok: false,
    refusal: agencyId === undefined ? { code, message } : { code, message, agencyId },
  });
  /** A refusal about one side, pointing at the part of it concerned: `sides[1].status`. */
  const refuseSide = (side: SideState, code: RefusalCode, message: string, part: string): Transition => ({
    ok: false,
    refusal: { code, message, agencyId: side.agencyId, field: `sides[${sides.indexOf(side)}].${part}` },
  });

  switch (action.type) {
    case 'submit': {
      if (!actor.isPi) return refuse('NOT_ALLOWED', 'Only the principal investigator submits.');
      const [blocker] = submissionBlockers(sides, now);
      if (blocker) return { ok: false, refusal: blocker };
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
        return refuseSide(side, 'NOT_ALLOWED', "Only the research office of the side's institution decides on it.", 'institution');
      }
      if (side.status !== 'pending_institution') return refuseSide(side, 'WRONG_STATE', 'The side is not waiting for approval.', 'status');
      if (action.type === 'approve') {
        if (!before(side, now)) return { ok: false, refusal: deadlinePassed(side, sides.indexOf(side)) };
        if (!side.integrityChecksRecorded) {
          return refuseSide(
            side,
            'INTEGRITY_CHECKS_MISSING',
            'Record the export-control and disclosure checks before approving.',
            'integrityChecks',
          );
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
      const late = sides.findIndex((side) => !before(side, now));
      if (late >= 0) return { ok: false, refusal: deadlinePassed(sides[late]!, late, 'The application can no longer be reopened.') };
      return apply(
        sides,
        (s) => IN_FLOW.has(s.status),
        () => 'draft',
      );
    }
    case 'judge_eligibility':
    case 'start_review':
    case 'decide': {
      const side = sides.find((s) => s.agencyId === action.agencyId);
      if (!side) return refuse('NO_SUCH_SIDE', 'The application has no side for this agency.', action.agencyId);
      if (!actor.officerOf?.has(side.agencyId)) {
        return refuseSide(side, 'NOT_ALLOWED', "Only the side's own agency takes its steps.", 'agencyId');
      }
      const to = agencyStep(side.status, action);
      if (to === undefined) return refuseSide(side, 'WRONG_STATE', agencyStepRefusal(action), 'status');
      return apply(
        sides,
        (s) => s.agencyId === side.agencyId,
        () => to,
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

/** Where each agency step may start, and what it says otherwise. */
const AGENCY_STEP_STATES: Record<AgencyAction['type'], { readonly from: ReadonlySet<SideStatus>; readonly refusal: string }> = {
  judge_eligibility: {
    from: new Set(['submitted', 'eligible', 'ineligible']),
    refusal: 'Only a submitted side, not yet under review, is judged eligible or not.',
  },
  start_review: { from: new Set(['eligible', 'under_review']), refusal: 'Only an eligible side goes under review.' },
  decide: { from: new Set(['under_review', 'decided']), refusal: 'A side is decided only once it is under review.' },
};

/** Why an agency step may not start where the side is. */
export function agencyStepRefusal(action: AgencyAction): string {
  return AGENCY_STEP_STATES[action.type].refusal;
}

/** The event each agency step records. */
export const AGENCY_STEP_EVENTS = {
  judge_eligibility: 'application.eligibility',
  start_review: 'application.review_started',
  decide: 'application.decision',
} as const satisfies Record<AgencyAction['type'], ApplicationEventAction>;

/** The status an agency step leaves the side in, or undefined when the step may not start from `status`. */
export function agencyStep(status: SideStatus, action: AgencyAction): SideStatus | undefined {
  const onLeadReview = action.type === 'decide' && action.onLeadReview === true && status === 'eligible';
  if (!AGENCY_STEP_STATES[action.type].from.has(status) && !onLeadReview) return undefined;
  switch (action.type) {
    case 'judge_eligibility':
      return action.eligible ? 'eligible' : 'ineligible';
    case 'start_review':
      return 'under_review';
    case 'decide':
      return 'decided';
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

/** What a person may do with an application as a whole; offices approve and return side by side. */
export const APPLICATION_ACTIONS = ['edit', 'submit', 'reopen', 'withdraw'] as const;
export type AllowedAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * What the actor may do now, by the very rules that decide when they try, so that pages offer
 * exactly the steps the api would take. `submit` says the state and deadlines allow it; what the
 * proposal still lacks is the check's list.
 */
export function allowedActions(sides: readonly SideState[], actor: Actor & { readonly mayEdit: boolean }, now: Date): AllowedAction[] {
  const allowed: AllowedAction[] = actor.mayEdit && isEditable(sides) ? ['edit'] : [];
  for (const type of ['submit', 'reopen', 'withdraw'] as const) {
    if (transition(sides, { type }, actor, now).ok) allowed.push(type);
  }
  return allowed;
}

/** Every step an application's event log records; pages name each in their own words. */
export const APPLICATION_EVENT_ACTIONS = [
  'application.created',
  'application.edited',
  'application.submit',
  'application.approve',
  'application.return',
  'application.reopen',
  'application.withdraw',
  'application.eligibility',
  'application.review_started',
  'application.decision',
  'application.member_added',
  'application.member_invited',
  'application.member_joined',
] as const;
export type ApplicationEventAction = (typeof APPLICATION_EVENT_ACTIONS)[number];
