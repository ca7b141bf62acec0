import { Injectable } from '@nestjs/common';
import { type ApplicationRecord, ApplicationsRepository, freezeProposal, SubmissionsRepository } from '#applications';
import { CallsRepository, decisionsVisible, resultsReleased } from '#calls';
import { AccessService, officerAgencyOf, PERMISSIONS, type Principal } from '#identity';
import { Notifier } from '#notifications';
import {
  AuditLog,
  Clock,
  ConflictError,
  DomainError,
  NotFoundError,
  RuleViolationError,
  ValidationFailedError,
  VersionMismatchError,
} from '#platform';
import { autoAssign, conflictKey } from '../rules/auto-assign.js';
import { applicationOutcome, type Outcome } from '../rules/outcome.js';
import { rankApplications, TIE_RULE } from '../rules/ranking.js';
import { assignmentNotice, manualReviewReminder } from '../rules/review-notices.js';
import { assignmentProgress, onScale, scoreStep } from '../rules/review-form.js';
import { isOverdue, REMINDER_INTERVAL_MINUTES, reminderRefusal } from '../rules/review-progress.js';
import {
  type ReviewRefusal,
  reviewNotOpen,
  reviewRefusal,
  type ReviewStep,
  type SideState,
  sideNotReady,
} from '../rules/review-timeline.js';
import type { AutoAssignDto, SaveReviewDto, SideDecisionDto } from './dto/review.dto.js';
import type { ApplicationReviewDto, AssignedApplicationDto, ConflictDeclaredDto, MyAssignmentDto } from './dto/reviewer-views.dto.js';
import type { AssignmentProgressDto, ReviewerCandidateDto } from './dto/review.dto.js';
import { ReviewPermission } from './reviews-access.repository.js';
import { type AssignmentRow, type ProgressRow, ReviewsRepository } from './reviews.repository.js';

@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly calls: CallsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly submissions: SubmissionsRepository,
  ) {}

  /** An officer of the side's agency marks a submitted side eligible or not. */
  async recordEligibility(principal: Principal, applicationId: string, agencyId: string, eligible: boolean, reason: string) {
    const application = await this.applicationForOfficer(principal, applicationId, agencyId);
    const side = application.sides.find((s) => s.agencyId === agencyId);
    if (!side) throw new NotFoundError('side');
    await this.requireStep('eligibility', application, agencyId);
    const to = eligible ? ('eligible' as const) : ('ineligible' as const);
    await this.reviews.transaction((manager) =>
      this.applications.takeAgencyStep(manager, {
        action: 'judge_eligibility',
        agencyId,
        applicationIds: [applicationId],
        eligible,
        comment: reason,
        actorId: principal.id,
        at: this.clock.now(),
      }),
    );
    return { applicationId, agencyId, status: to, reason };
  }

  async listCallReviewers(principal: Principal, callId: string) {
    await this.requireParticipatingOfficer(principal, callId);
    return (await this.reviews.callReviewers(callId, officerAgencyOf(principal))).map((r) => ({
      reviewerId: r.reviewerId,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      agencyId: r.agencyId,
      load: r.load,
    }));
  }

  async addCallReviewer(principal: Principal, callId: string, reviewerId: string) {
    await this.requireParticipatingOfficer(principal, callId);
    if (!(await this.reviews.isActiveReviewer(reviewerId)))
      throw new ValidationFailedError([{ field: 'reviewerId', message: 'reviewerId must be a user with the reviewer role' }]);
    await this.reviews.addCallReviewer(callId, reviewerId, officerAgencyOf(principal)!, principal.id, this.clock.now());
    return this.listCallReviewers(principal, callId);
  }

  /** Users with the reviewer role an officer may add to the call's pool, found by name or e-mail. */
  async reviewerCandidates(principal: Principal, callId: string, query: string): Promise<ReviewerCandidateDto[]> {
    await this.requireParticipatingOfficer(principal, callId);
    const agency = officerAgencyOf(principal);
    return (await this.reviews.reviewerCandidates(callId, query.trim(), 50)).map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      inYourPool: r.poolAgencyId === agency,
      inOtherPool: r.poolAgencyId !== null && r.poolAgencyId !== agency,
    }));
  }

  /** The officer's agency's assignments in a call: who reviews what, how far, what is overdue, when last reminded. */
  async callAssignments(principal: Principal, callId: string): Promise<AssignmentProgressDto[]> {
    await this.requireParticipatingOfficer(principal, callId);
    const now = this.clock.now();
    return (await this.reviews.callAssignments(callId, officerAgencyOf(principal)!)).map((row) => toProgressView(row, now));
  }

  /**
   * Reminds the reviewer of an open review: in-app and by e-mail, in the same transaction as the time
   * it records, at most once per interval (a second request within it is refused, 429).
   */
  async remind(principal: Principal, assignmentId: string): Promise<AssignmentProgressDto> {
    const assignment = await this.agencyAssignment(principal, assignmentId);
    const now = this.clock.now();
    const refuse = (current: AssignmentRow): never => {
      const refusal = reminderRefusal(current, now);
      if (refusal?.code === 'REMINDER_TOO_SOON') {
        throw new DomainError('rate_limited', refusal.code, refusal.message, [], refusal.retryAfterSeconds, {
          lastRemindedAt: refusal.remindedAt!.toISOString(),
        });
      }
      throw new RuleViolationError(refusal?.code ?? 'WRONG_STATE', refusal?.message ?? 'The review cannot be reminded now.');
    };
    if (reminderRefusal(assignment, now)) refuse(assignment);
    await this.reviews.transaction(async (manager) => {
      const notAfter = new Date(now.getTime() - REMINDER_INTERVAL_MINUTES * 60_000);
      if (!(await this.reviews.markReminded(manager, assignmentId, now, notAfter))) {
        refuse((await this.reviews.assignment(assignmentId, manager)) ?? assignment);
      }
      await this.notifier.notify(
        manager,
        (await this.reviews.assignmentNotices(manager, [assignmentId])).map((row) => manualReviewReminder(row, now)),
      );
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'review.reminded',
        objectType: 'application',
        objectId: assignment.applicationId,
        data: { assignmentId, reviewerId: assignment.reviewerId },
      });
    });
    const row = (await this.reviews.callAssignments(assignment.callId, assignment.agencyId)).find((r) => r.id === assignmentId);
    if (!row) throw new NotFoundError('assignment');
    return toProgressView(row, now);
  }

  /** A reviewer declares a conflict with an application they were assigned or could be. */
  async declareConflict(principal: Principal, applicationId: string, reason: string): Promise<ConflictDeclaredDto> {
    if (!(await this.reviews.inCallPool(applicationId, principal.id))) throw new NotFoundError('application');
    await this.reviews.declareConflict(applicationId, principal.id, reason, this.clock.now());
    const open = (await this.reviews.assignmentsOf(principal.id)).filter(
      (a) => a.applicationId === applicationId && a.submittedAt === null,
    );
    for (const assignment of open) await this.reviews.setAssignmentStatus(assignment.id, 'declined', 'conflict of interest');
    return { applicationId, declared: true };
  }

  async assign(principal: Principal, applicationId: string, reviewerId: string, dueAt: string | undefined) {
    const agency = officerAgencyOf(principal);
    const application = await this.applicationForOfficer(principal, applicationId, agency ?? '');
    await this.requireStep('assignment', application, agency!);
    if (!(await this.reviews.isCallReviewer(application.callId, reviewerId, agency!))) {
      throw new ValidationFailedError([{ field: 'reviewerId', message: "reviewerId is not in the call's reviewer pool for your agency" }]);
    }
    if ((await this.reviews.conflicts([applicationId], [reviewerId])).has(conflictKey(applicationId, reviewerId))) {
      throw new RuleViolationError('CONFLICT_OF_INTEREST', 'The reviewer has a conflict of interest with this application.');
    }
    const id = await this.reviews.transaction(async (manager) => {
      await this.reviews.lockCallAssignments(manager, application.callId, 'shared');
      const assignmentId = await this.reviews
        .insertAssignment(manager, {
          applicationId,
          reviewerId,
          agencyId: agency!,
          dueAt: dueAt ? new Date(dueAt) : null,
          by: principal.id,
          at: this.clock.now(),
        })
        .catch((error: unknown) => {
          if ((error as { driverError?: { code?: string } }).driverError?.code === '23505')
            throw new ConflictError('ALREADY_ASSIGNED', 'The reviewer is already assigned.');
          throw error;
        });
      await this.applications.takeAgencyStep(manager, {
        action: 'start_review',
        agencyId: agency!,
        applicationIds: [applicationId],
        comment: null,
        actorId: principal.id,
        at: this.clock.now(),
      });
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'review.assigned',
        objectType: 'application',
        objectId: applicationId,
        data: { reviewerId },
      });
      await this.notifier.notify(manager, (await this.reviews.assignmentNotices(manager, [assignmentId])).map(assignmentNotice));
      return assignmentId;
    });
    return { assignmentId: id, applicationId, reviewerId, status: 'assigned' as const };
  }

  async unassign(principal: Principal, assignmentId: string) {
    const assignment = await this.agencyAssignment(principal, assignmentId);
    if (assignment.submittedAt !== null) throw new RuleViolationError('REVIEW_SUBMITTED', 'A submitted review stays.');
    await this.reviews.deleteAssignment(assignmentId);
  }

  /** Assigns the call's eligible applications for the officer's agency, deterministically, within the load cap. */
  async autoAssign(principal: Principal, callId: string, dto: AutoAssignDto) {
    await this.requireParticipatingOfficer(principal, callId);
    const agency = officerAgencyOf(principal)!;
    const timeline = await this.reviews.reviewTimeline(callId);
    const closed = reviewNotOpen(timeline, agency, this.clock.now());
    if (closed) throw refusalError(closed);
    const applications = (await this.reviews.reviewable(callId, agency, dto.trackId))
      .filter((a) => sideNotReady('assignment', timeline, [{ agencyId: agency, status: a.sideStatus }], agency) === null)
      .map((a) => a.id);
    const reviewers = (await this.reviews.callReviewers(callId, agency)).map((r) => r.reviewerId);
    const conflicts = await this.reviews.conflicts(applications, reviewers);
    const now = this.clock.now();
    return this.reviews.transaction(async (manager) => {
      // Loads are read under the call's lock, across all its tracks: concurrent runs take turns and
      // each sees what the one before it assigned, so no reviewer ends above the cap.
      await this.reviews.lockCallAssignments(manager, callId, 'exclusive');
      const result = autoAssign({
        applicationIds: applications,
        reviewerIds: reviewers,
        perApplication: dto.perApplication,
        loadCap: dto.loadCap,
        conflicts,
        existing: await this.reviews.activeCallAssignments(manager, callId),
      });
      const ids: string[] = [];
      for (const a of result.assignments) {
        const id = await this.reviews.insertAssignment(manager, {
          ...a,
          agencyId: agency,
          dueAt: dto.dueAt ? new Date(dto.dueAt) : null,
          by: principal.id,
          at: now,
        });
        ids.push(id);
      }
      await this.notifier.notify(manager, (await this.reviews.assignmentNotices(manager, ids)).map(assignmentNotice));
      const covered = [...new Set(result.assignments.map((a) => a.applicationId))];
      await this.applications.takeAgencyStep(manager, {
        action: 'start_review',
        agencyId: agency,
        applicationIds: covered,
        comment: null,
        actorId: principal.id,
        at: now,
      });
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'review.auto_assigned',
        objectType: 'call',
        objectId: callId,
        data: { assigned: result.assignments.length },
      });
      return {
        assigned: result.assignments.length,
        uncovered: result.uncovered,
        loads: Object.fromEntries(result.loads),
        conflictsAvoided: conflicts.size,
      };
    });
  }

  /** The reviewer's assignments, except on applications they are conflicted with (those are not theirs to see). */
  async myAssignments(principal: Principal): Promise<MyAssignmentDto[]> {
    const assignments = await this.reviews.assignmentsOf(principal.id);
    const conflicted = await this.reviews.conflicts(
      assignments.map((a) => a.applicationId),
      [principal.id],
    );
    return assignments.filter((a) => !conflicted.has(conflictKey(a.applicationId, principal.id))).map((a) => toAssignmentView(a));
  }

  async accept(principal: Principal, assignmentId: string, noConflict: boolean): Promise<MyAssignmentDto> {
    const assignment = await this.ownAssignment(principal, assignmentId);
    if (!noConflict)
      throw new ValidationFailedError([
        { field: 'noConflict', message: 'noConflict must be true to accept; otherwise declare the conflict' },
      ]);
    if (assignment.status !== 'assigned') throw new RuleViolationError('WRONG_STATE', 'Only a new assignment can be accepted.');
    await this.requireReviewOf(assignment);
    const version = await this.reviews.setAssignmentStatus(assignmentId, 'accepted', null);
    return toAssignmentView({ ...assignment, status: 'accepted', version });
  }

  async decline(principal: Principal, assignmentId: string, reason: string): Promise<MyAssignmentDto> {
    const assignment = await this.ownAssignment(principal, assignmentId);
    if (assignment.submittedAt !== null) throw new RuleViolationError('REVIEW_SUBMITTED', 'A submitted review cannot be declined.');
    const version = await this.reviews.setAssignmentStatus(assignmentId, 'declined', reason);
    return toAssignmentView({ ...assignment, status: 'declined', version });
  }

  /** The application as its reviewer sees it: once accepted; its team, not other reviewers. */
  async assignedApplication(principal: Principal, assignmentId: string): Promise<AssignedApplicationDto> {
    // One check when it may be read; a refusal then says whether the assignment is theirs at all.
    if ((await this.access.allowed(principal, ReviewPermission.acceptedAssignment, [assignmentId])).size === 0) {
      await this.access.require(principal, ReviewPermission.ownAssignment, assignmentId, 'assignment');
      throw new NotFoundError('application');
    }
    const assignment = await this.reviews.assignment(assignmentId);
    if (!assignment) throw new NotFoundError('assignment');
    const [application, submission] = await Promise.all([
      this.applications.load(assignment.applicationId),
      this.submissions.get(assignment.applicationId),
    ]);
    if (!application) throw new NotFoundError('application');
    const call = await this.calls.load(application.callId);
    // Reviewers read what was submitted, never the live draft; a proposal submitted before submissions were kept reads as it is.
    const read = submission?.proposal ?? freezeProposal(application);
    return {
      id: application.id,
      assignmentId: assignment.id,
      title: read.title,
      abstract: read.abstract,
      fieldCode: read.fieldCode,
      durationMonths: read.durationMonths,
      callTitle: assignment.callTitle,
      agency: assignment.agency,
      agencyTimeZone: assignment.agencyTimeZone,
      dueAt: assignment.dueAt?.toISOString() ?? null,
      sides: read.sides.map((s) => ({
        agency: s.agencyShortName,
        institution: s.institution?.shortName ?? null,
        budgetPerYear: [...s.budgetPerYear],
        budgetCurrency: s.budgetCurrency,
      })),
      members: read.members.map((m) => ({ name: m.name, role: m.role, earlyCareer: m.earlyCareer, country: m.country })),
      documents: (submission?.parts.documents ?? []).map((d) => ({ ...d, label: { ...d.label } })),
      submissionNumber: submission?.number ?? 0,
      criteria: (call?.criteria ?? []).map((c) => ({
        id: c.id!,
        name: { ja: c.nameJa, en: c.nameEn },
        description: { ja: c.descriptionJa, en: c.descriptionEn },
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
        step: scoreStep(c.scaleMin, c.scaleMax),
        weight: c.weight,
        threshold: c.threshold,
      })),
      review: {
        scores: assignment.scores ?? {},
        comment: assignment.comment ?? '',
        submittedAt: assignment.submittedAt?.toISOString() ?? null,
        version: assignment.version,
      },
    };
  }

  async save(principal: Principal, assignmentId: string, dto: SaveReviewDto, expectedVersion: number | undefined) {
    return this.write(principal, assignmentId, dto.scores, dto.comment, false, expectedVersion);
  }

  async submit(principal: Principal, assignmentId: string) {
    const assignment = await this.ownAssignment(principal, assignmentId);
    return this.write(principal, assignmentId, assignment.scores ?? {}, assignment.comment ?? '', true, undefined);
  }

  /**
   * Reviews of an application. Officers of a reviewing agency see them with reviewers; a reviewer sees
   * the others only after submitting their own, and never who wrote them. Applicants see nothing here.
   */
  async applicationReviews(principal: Principal, applicationId: string): Promise<ApplicationReviewDto[]> {
    const agency = officerAgencyOf(principal);
    if ((await this.access.allowed(principal, ReviewPermission.readReviewsAsOfficer, [applicationId])).size > 0) {
      return (await this.reviews.submittedReviews(applicationId))
        .filter((r) => r.agencyId === agency)
        .map((r) => ({
          reviewerId: r.reviewerId,
          scores: r.scores ?? {},
          comment: r.comment ?? '',
          submittedAt: r.submittedAt?.toISOString(),
        }));
    }
    await this.access.require(principal, ReviewPermission.readAsReviewer, applicationId, 'application');
    const mine = (await this.reviews.assignmentsOf(principal.id)).find((a) => a.applicationId === applicationId && a.status === 'accepted');
    if (!mine) throw new NotFoundError('application');
    if (mine.submittedAt === null)
      throw new RuleViolationError('SUBMIT_YOUR_REVIEW_FIRST', 'Other reviews are shown once you have submitted yours.');
    let others = 0;
    return (await this.reviews.submittedReviews(applicationId))
      .filter((r) => r.agencyId === mine.agencyId)
      .map((r) => ({
        reviewer: r.id === mine.id ? 'you' : `Reviewer ${++others}`,
        scores: r.scores ?? {},
        comment: r.comment ?? '',
        submittedAt: r.submittedAt?.toISOString(),
      }));
  }

  async ranking(principal: Principal, callId: string, trackId?: string) {
    await this.requireParticipatingOfficer(principal, callId);
    const call = await this.calls.load(callId);
    if (!call) throw new NotFoundError('call');
    const rows = await this.reviews.reviewable(callId, officerAgencyOf(principal)!, trackId);
    const criteria = call.criteria.map((c) => ({ id: c.id!, weight: c.weight, threshold: c.threshold }));
    const ranked = rankApplications(
      rows.map((r) => ({ applicationId: r.id, reviews: r.reviews, assigned: r.assigned })),
      criteria,
    );
    const titles = new Map(rows.map((r) => [r.id, r.title]));
    return {
      callId,
      criteria: criteria.map((c) => c.id),
      tieRule: TIE_RULE,
      items: ranked.map((r) => ({ ...r, title: titles.get(r.applicationId) ?? '' })),
    };
  }

  async decide(principal: Principal, applicationId: string, agencyId: string, dto: SideDecisionDto) {
    const application = await this.applicationForOfficer(principal, applicationId, agencyId);
    const side = application.sides.find((s) => s.agencyId === agencyId);
    if (!side) throw new NotFoundError('side');
    await this.requireStep('decision', application, agencyId);
    await this.reviews.transaction(async (manager) => {
      // Shared with the release (which locks the call), so no decision changes while the results go out.
      const results = await this.calls.resultsTimeline(application.callId, manager, true);
      if (side.status === 'decided' && results && resultsReleased(results, this.clock.now())) {
        throw new RuleViolationError('DECISION_RELEASED', 'The decision is released to the applicants and stays as it is.');
      }
      await this.reviews.recordDecision(manager, {
        applicationId,
        agencyId,
        decision: dto.decision,
        amount: dto.amount ?? null,
        currency: dto.currency ?? null,
        by: principal.id,
        at: this.clock.now(),
      });
      await this.applications.takeAgencyStep(manager, {
        action: 'decide',
        agencyId,
        applicationIds: [applicationId],
        // requireStep let an eligible side through only as a partner confirming on the lead's review.
        onLeadReview: side.status === 'eligible',
        comment: dto.decision === 'yes' ? 'funded' : 'not funded',
        actorId: principal.id,
        at: this.clock.now(),
      });
    });
    return this.outcome(principal, applicationId);
  }

  /** Each side's decision and the overall outcome; applicants see them once the call's results are released. */
  async outcome(
    principal: Principal,
    applicationId: string,
  ): Promise<{
    applicationId: string;
    outcome: Outcome;
    sides: { agencyId: string; decision: 'yes' | 'no' | null; amount: number | null; currency: string | null }[];
  }> {
    await this.access.require(principal, PERMISSIONS.applications.read, applicationId, 'application');
    const application = await this.applications.load(applicationId);
    if (!application) throw new NotFoundError('application');
    const call = await this.calls.load(application.callId);
    if (!call) throw new NotFoundError('call');
    const shown = decisionsVisible(
      officerAgencyOf(principal),
      application.sides.map((s) => s.agencyId),
      call,
      this.clock.now(),
    );
    const decisions = await this.reviews.decisions(applicationId);
    const sides = application.sides.map((s) => {
      const d = shown ? decisions.find((x) => x.agencyId === s.agencyId) : undefined;
      return {
        agencyId: s.agencyId,
        role: s.role,
        decision: d?.decision ?? null,
        amount: d?.amount ?? null,
        currency: d?.currency ?? null,
      };
    });
    return {
      applicationId,
      outcome: applicationOutcome(call.mode, sides),
      sides: sides.map(({ role: _role, ...rest }) => rest),
    };
  }

  private async write(
    principal: Principal,
    assignmentId: string,
    scores: Record<string, number>,
    comment: string | undefined,
    submit: boolean,
    expectedVersion: number | undefined,
  ) {
    const assignment = await this.ownAssignment(principal, assignmentId);
    if (assignment.status !== 'accepted') throw new RuleViolationError('WRONG_STATE', 'Accept the assignment before reviewing.');
    if (assignment.submittedAt !== null) throw new RuleViolationError('REVIEW_SUBMITTED', 'The review is submitted and read-only.');
    await this.requireReviewOf(assignment);
    const call = await this.calls.load(assignment.callId);
    const criteria = call?.criteria ?? [];
    const outOfScale = Object.entries(scores).flatMap(([id, score]) => {
      const criterion = criteria.find((c) => c.id === id);
      if (!criterion) return [{ field: `scores.${id}`, message: `scores.${id} is not a criterion of the call` }];
      return typeof score !== 'number' || !onScale(score, criterion.scaleMin, criterion.scaleMax)
        ? [
            {
              field: `scores.${id}`,
              message: `scores.${id} must be from ${criterion.scaleMin} to ${criterion.scaleMax} in steps of ${scoreStep(criterion.scaleMin, criterion.scaleMax)}`,
            },
          ]
        : [];
    });
    if (outOfScale.length > 0) throw new ValidationFailedError(outOfScale);
    if (submit) {
      const missing = criteria
        .filter((c) => scores[c.id!] === undefined)
        .map((c) => ({ field: `scores.${c.id}`, message: `${c.nameEn} needs a score` }));
      if (missing.length > 0) throw new RuleViolationError('REVIEW_INCOMPLETE', 'Score every criterion before submitting.', missing);
    }
    if (
      !(await this.reviews.writeReview(
        assignmentId,
        scores,
        comment ?? assignment.comment ?? '',
        submit ? this.clock.now() : null,
        expectedVersion,
      ))
    ) {
      throw new VersionMismatchError((await this.reviews.assignment(assignmentId))?.version);
    }
    return this.assignedApplication(principal, assignmentId);
  }

  /** The reviewer's own assignment, asked of the access module before it is read. */
  private async ownAssignment(principal: Principal, assignmentId: string): Promise<AssignmentRow> {
    await this.access.require(principal, ReviewPermission.ownAssignment, assignmentId, 'assignment');
    const assignment = await this.reviews.assignment(assignmentId);
    if (!assignment) throw new NotFoundError('assignment');
    return assignment;
  }

  /** An assignment of the officer's agency, asked of the access module before it is read. */
  private async agencyAssignment(principal: Principal, assignmentId: string): Promise<AssignmentRow> {
    await this.access.require(principal, ReviewPermission.agencyAssignment, assignmentId, 'assignment');
    const assignment = await this.reviews.assignment(assignmentId);
    if (!assignment) throw new NotFoundError('assignment');
    return assignment;
  }

  /** The application, once the access module says the officer's agency's side has reached it; only that side is theirs to act on. */
  private async applicationForOfficer(principal: Principal, applicationId: string, agencyId: string): Promise<ApplicationRecord> {
    await this.access.require(principal, PERMISSIONS.applications.agencySide, applicationId, 'application');
    if (agencyId !== officerAgencyOf(principal)) {
      throw new DomainError('forbidden', 'NOT_YOUR_AGENCY', 'Each agency acts on its own side only.');
    }
    const application = await this.applications.load(applicationId);
    if (!application) throw new NotFoundError('application');
    return application;
  }

  /** Refuses `step` on the agency's side unless the call's timeline and the sides' states allow it now (rules/review-timeline.ts). */
  private async requireStep(
    step: ReviewStep,
    application: { readonly callId: string; readonly sides: readonly SideState[] },
    agencyId: string,
  ): Promise<void> {
    const timeline = await this.reviews.reviewTimeline(application.callId);
    const refusal = reviewRefusal(step, timeline, application.sides, agencyId, this.clock.now());
    if (refusal) throw refusalError(refusal);
  }

  /** A reviewer accepts, saves or submits only while the side of the assignment's agency is open to review. */
  private async requireReviewOf(assignment: AssignmentRow): Promise<void> {
    const sides = await this.reviews.sideStates(assignment.applicationId);
    await this.requireStep('review', { callId: assignment.callId, sides }, assignment.agencyId);
  }

  private async requireParticipatingOfficer(principal: Principal, callId: string): Promise<void> {
    if (!(await this.access.allowed(principal, PERMISSIONS.calls.participate, [callId])).has(callId)) throw new NotFoundError('call');
  }
}

/** A refusal of the review timeline as the problem the caller gets: whose side, and when its review opens. */
function refusalError(refusal: ReviewRefusal): DomainError {
  return new DomainError('rule_violation', refusal.code, refusal.message, [], undefined, {
    agencyId: refusal.agencyId,
    ...(refusal.reviewOpensAt ? { reviewOpensAt: refusal.reviewOpensAt.toISOString() } : {}),
  });
}

function toProgressView(row: ProgressRow, now: Date): AssignmentProgressDto {
  return {
    id: row.id,
    applicationId: row.applicationId,
    applicationTitle: row.title,
    reviewerId: row.reviewerId,
    reviewerName: row.reviewerName,
    status: row.status,
    review: row.submittedAt !== null ? 'submitted' : row.hasDraft ? 'draft' : 'not_started',
    dueAt: row.dueAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    overdue: isOverdue(row, now),
    lastRemindedAt: row.remindedAt?.toISOString() ?? null,
  };
}

function toAssignmentView(a: AssignmentRow): MyAssignmentDto {
  return {
    id: a.id,
    applicationId: a.applicationId,
    title: a.title,
    callId: a.callId,
    callTitle: a.callTitle,
    agency: a.agency,
    agencyTimeZone: a.agencyTimeZone,
    status: a.status,
    progress: assignmentProgress(a),
    dueAt: a.dueAt?.toISOString() ?? null,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    version: a.version,
  };
}
