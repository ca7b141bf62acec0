import type { SideStatus } from '#applications';
import { inZoneAndUtc } from '#calls';
import type { CooperationMode } from './outcome.js';

/**
 * When an agency may work on its side of an application, as one pure function of the call's
 * timeline, the sides' states and the time.
 *
 * An agency reviews a side only after its own deadline: until then the proposal may still be
 * reopened and changed, and the agency judges all its proposals together. A call may let an agency
 * start earlier, as soon as a side can no longer change: once the call's first deadline has passed,
 * no application of the call can be reopened or submitted again (every side's deadline must be
 * ahead for that), so a side that reached its agency stays as it is.
 *
 * Every step waits for that moment (DEADLINE_NOT_PASSED), then asks for the side's state:
 *   eligibility  a submitted side (checked again until reviewers are on it)
 *   assignment   an eligible side or one under review (assigning puts it under review)
 *   review       a side under review (accepting, saving and submitting a review)
 *   decision     a side under review (or decided: the decision is recorded again). Where the lead
 *                agency selects (co-funding, twinning), a partner confirms its eligible side (co-funds,
 *                links) once the lead reviews the application, without reviewers of its own.
 */
export interface TimelineAgency {
  readonly agencyId: string;
  /** Its short name, in messages. */
  readonly name: string;
  readonly role: 'lead' | 'partner';
  readonly deadline: Date;
  /** The zone its deadline is set and shown in. */
  readonly timeZone: string;
  /** The call lets the agency review a side as soon as it can no longer change, before its own deadline. */
  readonly reviewOnceFinal: boolean;
}

export interface ReviewTimeline {
  readonly mode: CooperationMode;
  /** The call's participating agencies. */
  readonly agencies: readonly TimelineAgency[];
}

export interface SideState {
  readonly agencyId: string;
  readonly status: SideStatus;
}

export type ReviewStep = 'eligibility' | 'assignment' | 'review' | 'decision';

export type ReviewRefusalCode = 'DEADLINE_NOT_PASSED' | 'NOT_ELIGIBLE' | 'REVIEW_NOT_STARTED' | 'WRONG_STATE';

export interface ReviewRefusal {
  readonly code: ReviewRefusalCode;
  readonly message: string;
  /** The agency whose side it is. */
  readonly agencyId: string;
  /** When the agency's review opens, for DEADLINE_NOT_PASSED. */
  readonly reviewOpensAt?: Date;
}

/** The instant from which the agency reviews its sides. Throws for an agency outside the call. */
export function reviewOpensAt(timeline: ReviewTimeline, agencyId: string): Date {
  const found = opening(timeline, agencyId);
  if (!found) throw new Error(`agency ${agencyId} does not take part in the call`);
  return found.at;
}

/** Why `step` may not act on the agency's side of an application at `now`, or null when it may. */
export function reviewRefusal(
  step: ReviewStep,
  timeline: ReviewTimeline,
  sides: readonly SideState[],
  agencyId: string,
  now: Date,
): ReviewRefusal | null {
  return reviewNotOpen(timeline, agencyId, now) ?? sideNotReady(step, timeline, sides, agencyId);
}

/** The time alone: DEADLINE_NOT_PASSED while the agency's review has not opened, else null. */
export function reviewNotOpen(timeline: ReviewTimeline, agencyId: string, now: Date): ReviewRefusal | null {
  const found = opening(timeline, agencyId);
  if (!found) return { code: 'WRONG_STATE', message: 'The agency does not take part in this call.', agencyId };
  const { at, agency, first } = found;
  if (now.getTime() >= at.getTime()) return null;
  const message =
    first === agency
      ? `${agency.name} reviews its side after its deadline: ${inZoneAndUtc(agency.deadline, agency.timeZone)}.`
      : `${agency.name} reviews its side once the application can no longer change, after the call's first deadline, ` +
        `${first.name}'s: ${inZoneAndUtc(first.deadline, first.timeZone)}.`;
  return { code: 'DEADLINE_NOT_PASSED', message, agencyId, reviewOpensAt: at };
}

/** The states alone: why `step` may not act on the agency's side as the sides stand, or null when it may. */
export function sideNotReady(
  step: ReviewStep,
  timeline: ReviewTimeline,
  sides: readonly SideState[],
  agencyId: string,
): ReviewRefusal | null {
  const agency = timeline.agencies.find((a) => a.agencyId === agencyId);
  const side = sides.find((s) => s.agencyId === agencyId);
  const name = agency?.name ?? 'The agency';
  const refuse = (code: ReviewRefusalCode, message: string): ReviewRefusal => ({ code, message, agencyId });
  if (!agency || !side) return refuse('WRONG_STATE', `${name} has no side in this application.`);
  const status = side.status.replace(/_/g, ' ');
  switch (step) {
    case 'eligibility':
      return ['submitted', 'eligible', 'ineligible'].includes(side.status)
        ? null
        : refuse('WRONG_STATE', `Only a submitted side is checked for eligibility; ${name}'s side is ${status}.`);
    case 'assignment':
      if (side.status === 'eligible' || side.status === 'under_review') return null;
      if (side.status === 'submitted' || side.status === 'ineligible') {
        return refuse('NOT_ELIGIBLE', `Reviewers are assigned once ${name}'s side is eligible; it is ${status}.`);
      }
      return refuse('WRONG_STATE', `${name}'s side is ${status}: reviewers are assigned to an eligible side or one under review.`);
    case 'review':
      return side.status === 'under_review'
        ? null
        : refuse('WRONG_STATE', `${name}'s side is ${status}: reviews are written while it is under review.`);
    case 'decision': {
      if (side.status === 'under_review' || side.status === 'decided') return null;
      if (side.status !== 'submitted' && side.status !== 'eligible') {
        return refuse('WRONG_STATE', `${name}'s side is ${status} and is not decided.`);
      }
      const lead = timeline.agencies.find((a) => a.role === 'lead');
      if (timeline.mode !== 'joint_call' && agency.role === 'partner' && lead) {
        const leadStatus = sides.find((s) => s.agencyId === lead.agencyId)?.status;
        if (side.status === 'eligible' && (leadStatus === 'under_review' || leadStatus === 'decided')) return null;
        const what = timeline.mode === 'co_funding' ? 'its co-funding' : 'the link';
        return refuse('REVIEW_NOT_STARTED', `${name} confirms ${what} once ${lead.name}, the lead agency, reviews the application.`);
      }
      return refuse('REVIEW_NOT_STARTED', `${name}'s side is not under review yet: assign its reviewers before deciding.`);
    }
  }
}

function opening(timeline: ReviewTimeline, agencyId: string): { at: Date; agency: TimelineAgency; first: TimelineAgency } | undefined {
  const agency = timeline.agencies.find((a) => a.agencyId === agencyId);
  if (!agency) return undefined;
  const first = agency.reviewOnceFinal ? timeline.agencies.reduce((a, b) => (b.deadline.getTime() < a.deadline.getTime() ? b : a)) : agency;
  return { at: first.deadline, agency, first };
}
