import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { notSentYet } from '#notifications';
import { returningRows } from '#platform';
import { conflictKey } from '../rules/auto-assign.js';
import type { SideProgress } from '../rules/results-release.js';
import type { AssignmentNoticeRow, PublishedDecisionRow } from '../rules/review-notices.js';
import type { ReviewTimeline, SideState, TimelineAgency } from '../rules/review-timeline.js';
import type { CooperationMode } from '../rules/outcome.js';
import type { AssignmentStatus } from './review.entity.js';

export interface AssignmentRow {
  readonly id: string;
  readonly applicationId: string;
  readonly callId: string;
  readonly trackId: string;
  readonly reviewerId: string;
  readonly agencyId: string;
  readonly status: AssignmentStatus;
  readonly dueAt: Date | null;
  readonly scores: Record<string, number> | null;
  readonly comment: string | null;
  readonly submittedAt: Date | null;
  readonly version: number;
  readonly title: string;
  /** The call's title and the reviewing agency (its short name and, for the call, its time zone). */
  readonly callTitle: { readonly ja: string; readonly en: string };
  readonly agency: string;
  readonly agencyTimeZone: string;
  readonly remindedAt: Date | null;
}

/** One assignment as the progress board lists it. */
export interface ProgressRow {
  readonly id: string;
  readonly applicationId: string;
  readonly title: string;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly status: AssignmentStatus;
  readonly hasDraft: boolean;
  readonly dueAt: Date | null;
  readonly submittedAt: Date | null;
  readonly remindedAt: Date | null;
}

/** A reviewer in a call's pool, with the assignments they hold in the call. */
export interface PoolReviewer {
  readonly reviewerId: string;
  readonly name: string;
  readonly email: string;
  readonly organisation: string | null;
  readonly agencyId: string;
  readonly load: number;
}

/** A user with the reviewer role, and the agency whose pool of the call has them, if any. */
export interface ReviewerCandidate {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly organisation: string | null;
  readonly poolAgencyId: string | null;
}

/** An application an agency reviews, with its side's state, its active assignments and its submitted scores. */
export interface ReviewableApplication {
  readonly id: string;
  readonly title: string;
  readonly trackId: string;
  readonly sideStatus: SideState['status'];
  readonly assigned: number;
  readonly reviews: Record<string, number>[];
}

interface PoolReviewerSqlRow {
  reviewer_id: string;
  name: string;
  email: string;
  organisation: string | null;
  agency_id: string;
  load: number;
}

function toPoolReviewer(row: PoolReviewerSqlRow): PoolReviewer {
  return {
    reviewerId: row.reviewer_id,
    name: row.name,
    email: row.email,
    organisation: row.organisation,
    agencyId: row.agency_id,
    load: row.load,
  };
}

interface ReviewerCandidateSqlRow {
  id: string;
  name: string;
  email: string;
  organisation: string | null;
  pool_agency_id: string | null;
}

function toReviewerCandidate(row: ReviewerCandidateSqlRow): ReviewerCandidate {
  return { id: row.id, name: row.name, email: row.email, organisation: row.organisation, poolAgencyId: row.pool_agency_id };
}

interface TimelineAgencySqlRow {
  mode: CooperationMode;
  agency_id: string;
  short_name: string;
  role: 'lead' | 'partner';
  deadline: Date;
  time_zone: string;
  review_once_final: boolean;
}

function toTimelineAgency(row: TimelineAgencySqlRow): TimelineAgency {
  return {
    agencyId: row.agency_id,
    name: row.short_name,
    role: row.role,
    deadline: row.deadline,
    timeZone: row.time_zone,
    reviewOnceFinal: row.review_once_final,
  };
}

interface AssignmentNoticeSqlRow {
  id: string;
  reviewer_id: string;
  due_at: Date | null;
  title: string;
  short_name: string;
}

function toAssignmentNoticeRow(row: AssignmentNoticeSqlRow): AssignmentNoticeRow {
  return {
    assignmentId: row.id,
    reviewerId: row.reviewer_id,
    applicationTitle: row.title,
    agency: row.short_name,
    dueAt: row.due_at,
  };
}

interface ReviewReminderSqlRow extends AssignmentNoticeSqlRow {
  offset_minutes: number;
}

function toReviewReminder(row: ReviewReminderSqlRow): AssignmentNoticeRow & { offsetMinutes: number } {
  return { ...toAssignmentNoticeRow(row), offsetMinutes: row.offset_minutes };
}

interface DecisionNoticeSqlRow {
  application_id: string;
  agency_id: string;
  decision: 'yes' | 'no';
  short_name: string;
  title: string;
  title_en: string;
  title_ja: string;
  applicant_ids: string[];
}

function toDecisionNotice(row: DecisionNoticeSqlRow): PublishedDecisionRow {
  return {
    applicationId: row.application_id,
    agencyId: row.agency_id,
    agency: row.short_name,
    decision: row.decision,
    applicationTitle: row.title,
    callTitle: { en: row.title_en, ja: row.title_ja },
    applicantIds: row.applicant_ids,
  };
}

interface ProgressSqlRow {
  id: string;
  application_id: string;
  title: string;
  reviewer_id: string;
  reviewer_name: string;
  status: AssignmentStatus;
  due_at: Date | null;
  submitted_at: Date | null;
  reminded_at: Date | null;
  has_draft: boolean;
}

function toProgress(row: ProgressSqlRow): ProgressRow {
  return {
    id: row.id,
    applicationId: row.application_id,
    title: row.title,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    status: row.status,
    hasDraft: row.has_draft,
    dueAt: row.due_at,
    submittedAt: row.submitted_at,
    remindedAt: row.reminded_at,
  };
}

interface ReviewableSqlRow {
  id: string;
  title: string;
  track_id: string;
  side_status: SideState['status'];
  assigned: number;
  reviews: Record<string, number>[];
}

function toReviewable(row: ReviewableSqlRow): ReviewableApplication {
  return {
    id: row.id,
    title: row.title,
    trackId: row.track_id,
    sideStatus: row.side_status,
    assigned: row.assigned,
    reviews: row.reviews,
  };
}

const ASSIGNMENT = `SELECT r.id, r.application_id, a.call_id, a.track_id, r.reviewer_id, r.agency_id, r.status, r.due_at, r.scores, r.comment,
    r.submitted_at, r.version, a.title, r.reminded_at, c.title_ja AS call_title_ja, c.title_en AS call_title_en, o.short_name AS agency,
    COALESCE(ca.time_zone, o.time_zone) AS agency_time_zone
  FROM review_assignments r JOIN applications a ON a.id = r.application_id JOIN calls c ON c.id = a.call_id
  JOIN organisations o ON o.id = r.agency_id LEFT JOIN call_agencies ca ON ca.call_id = a.call_id AND ca.agency_id = r.agency_id`;

/** A row of {@link ASSIGNMENT}. */
interface AssignmentSqlRow {
  id: string;
  application_id: string;
  call_id: string;
  track_id: string;
  reviewer_id: string;
  agency_id: string;
  status: AssignmentStatus;
  due_at: Date | null;
  scores: Record<string, number> | null;
  comment: string | null;
  submitted_at: Date | null;
  version: number;
  title: string;
  reminded_at: Date | null;
  call_title_ja: string;
  call_title_en: string;
  agency: string;
  agency_time_zone: string;
}

function toAssignment(row: AssignmentSqlRow): AssignmentRow {
  return {
    id: row.id,
    applicationId: row.application_id,
    callId: row.call_id,
    trackId: row.track_id,
    reviewerId: row.reviewer_id,
    agencyId: row.agency_id,
    status: row.status,
    dueAt: row.due_at,
    scores: row.scores,
    comment: row.comment,
    submittedAt: row.submitted_at,
    version: row.version,
    title: row.title,
    callTitle: { ja: row.call_title_ja, en: row.call_title_en },
    agency: row.agency,
    agencyTimeZone: row.agency_time_zone,
    remindedAt: row.reminded_at,
  };
}

@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async addCallReviewer(callId: string, reviewerId: string, agencyId: string, by: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO call_reviewers (call_id, reviewer_id, agency_id, added_by, added_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (call_id, reviewer_id) DO UPDATE SET agency_id = EXCLUDED.agency_id`,
      [callId, reviewerId, agencyId, by, at],
    );
  }

  async callReviewers(callId: string, agencyId: string | null): Promise<PoolReviewer[]> {
    const rows = await this.db.query<PoolReviewerSqlRow[]>(
      `SELECT cr.reviewer_id, u.name, u.email, o.short_name AS organisation, cr.agency_id,
              (SELECT count(*)::int FROM review_assignments r JOIN applications a ON a.id = r.application_id
                WHERE r.reviewer_id = cr.reviewer_id AND a.call_id = cr.call_id AND r.status <> 'declined') AS load
         FROM call_reviewers cr JOIN users u ON u.id = cr.reviewer_id LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE cr.call_id = $1 AND ($2::uuid IS NULL OR cr.agency_id = $2) ORDER BY u.name, cr.reviewer_id`,
      [callId, agencyId],
    );
    return rows.map(toPoolReviewer);
  }

  /** Active users with the reviewer role whose name or e-mail contains `query`, with the agency whose pool of the call has them, if any. */
  async reviewerCandidates(callId: string, query: string, limit: number): Promise<ReviewerCandidate[]> {
    const rows = await this.db.query<ReviewerCandidateSqlRow[]>(
      `SELECT u.id, u.name, u.email, o.short_name AS organisation, cr.agency_id AS pool_agency_id
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
         LEFT JOIN call_reviewers cr ON cr.call_id = $1 AND cr.reviewer_id = u.id
        WHERE u.disabled_at IS NULL AND 'reviewer' = ANY(u.roles)
          AND ($2 = '' OR u.name ILIKE '%' || $2 || '%' OR u.email ILIKE '%' || $2 || '%')
        ORDER BY u.name, u.id LIMIT $3`,
      [callId, query.replace(/[\\%_]/g, (c) => `\\${c}`), limit],
    );
    return rows.map(toReviewerCandidate);
  }

  async isActiveReviewer(userId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL AND 'reviewer' = ANY(roles)`, [
      userId,
    ]);
    return rows.length > 0;
  }

  /** The reviewer is in the pool of the application's call. */
  async inCallPool(applicationId: string, reviewerId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM applications a JOIN call_reviewers cr ON cr.call_id = a.call_id AND cr.reviewer_id = $2 WHERE a.id = $1`,
      [applicationId, reviewerId],
    );
    return rows.length > 0;
  }

  /** Where each side of an application stands. */
  async sideStates(applicationId: string): Promise<SideState[]> {
    const rows = await this.db.query<{ agency_id: string; status: SideState['status'] }[]>(
      `SELECT agency_id, status FROM application_sides WHERE application_id = $1`,
      [applicationId],
    );
    return rows.map((row) => ({ agencyId: row.agency_id, status: row.status }));
  }

  /** The call's mode and its agencies' deadlines, zones and review rule: what the review timeline needs. */
  async reviewTimeline(callId: string): Promise<ReviewTimeline> {
    const rows = await this.db.query<TimelineAgencySqlRow[]>(
      `SELECT c.mode, ca.agency_id, o.short_name, ca.role, ca.deadline, ca.time_zone, ca.review_once_final
         FROM calls c JOIN call_agencies ca ON ca.call_id = c.id JOIN organisations o ON o.id = ca.agency_id
        WHERE c.id = $1 ORDER BY ca.role, ca.sort_order`,
      [callId],
    );
    return {
      mode: rows[0]?.mode ?? 'joint_call',
      agencies: rows.map(toTimelineAgency),
    };
  }

  async isCallReviewer(callId: string, reviewerId: string, agencyId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM call_reviewers WHERE call_id = $1 AND reviewer_id = $2 AND agency_id = $3`, [
      callId,
      reviewerId,
      agencyId,
    ]);
    return rows.length > 0;
  }

  /**
   * Conflicted (application, reviewer) pairs: the reviewer is on the team (PI, member, side PI), shares
   * an organisation with a member, a side's institution or a side PI, or declared a conflict.
   */
  async conflicts(applicationIds: readonly string[], reviewerIds: readonly string[]): Promise<Set<string>> {
    if (applicationIds.length === 0 || reviewerIds.length === 0) return new Set();
    const rows = await this.db.query<{ application_id: string; reviewer_id: string }[]>(
      `WITH reviewer AS (SELECT id, organisation_id FROM users WHERE id = ANY($2::uuid[])),
            people AS (
              SELECT a.id AS application_id, a.pi_user_id AS user_id, NULL::uuid AS institution_id FROM applications a WHERE a.id = ANY($1::uuid[])
              UNION ALL SELECT m.application_id, m.user_id, m.institution_id FROM application_members m WHERE m.application_id = ANY($1::uuid[])
              UNION ALL SELECT s.application_id, s.pi_user_id, s.institution_id FROM application_sides s WHERE s.application_id = ANY($1::uuid[]))
       SELECT DISTINCT p.application_id, r.id AS reviewer_id
         FROM people p JOIN reviewer r ON r.id = p.user_id OR (r.organisation_id IS NOT NULL AND r.organisation_id = p.institution_id)
       UNION
       SELECT p.application_id, r.id FROM people p JOIN users u ON u.id = p.user_id JOIN reviewer r ON r.organisation_id = u.organisation_id
       UNION
       SELECT d.application_id, d.reviewer_id FROM conflict_declarations d WHERE d.application_id = ANY($1::uuid[]) AND d.reviewer_id = ANY($2::uuid[])`,
      [applicationIds, reviewerIds],
    );
    return new Set(rows.map((row) => conflictKey(row.application_id, row.reviewer_id)));
  }

  async declareConflict(applicationId: string, reviewerId: string, reason: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO conflict_declarations (application_id, reviewer_id, reason, declared_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id, reviewer_id) DO UPDATE SET reason = EXCLUDED.reason`,
      [applicationId, reviewerId, reason, at],
    );
  }

  async insertAssignment(
    manager: EntityManager,
    assignment: { applicationId: string; reviewerId: string; agencyId: string; dueAt: Date | null; by: string; at: Date },
  ): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO review_assignments (application_id, reviewer_id, agency_id, status, due_at, assigned_by, assigned_at)
       VALUES ($1, $2, $3, 'assigned', $4, $5, $6) RETURNING id`,
      [assignment.applicationId, assignment.reviewerId, assignment.agencyId, assignment.dueAt, assignment.by, assignment.at],
    );
    return rows[0]!.id;
  }

  /** What the reviewers of new assignments are told. */
  async assignmentNotices(manager: EntityManager, assignmentIds: readonly string[]): Promise<AssignmentNoticeRow[]> {
    const rows = await manager.query<AssignmentNoticeSqlRow[]>(
      `SELECT r.id, r.reviewer_id, r.due_at, a.title, ag.short_name
         FROM review_assignments r
         JOIN applications a ON a.id = r.application_id
         JOIN organisations ag ON ag.id = r.agency_id
        WHERE r.id = ANY($1::uuid[])`,
      [assignmentIds],
    );
    return rows.map(toAssignmentNoticeRow);
  }

  /** Open assignments due within the largest offset, with the smallest offset reached and not yet reminded. */
  async dueReviewReminders(now: Date, offsetsMinutes: readonly number[]): Promise<(AssignmentNoticeRow & { offsetMinutes: number })[]> {
    if (offsetsMinutes.length === 0) return [];
    const rows = await this.db.query<ReviewReminderSqlRow[]>(
      `SELECT r.id, r.reviewer_id, r.due_at, a.title, ag.short_name, due.offset_minutes
         FROM review_assignments r
         JOIN applications a ON a.id = r.application_id
         JOIN organisations ag ON ag.id = r.agency_id
         CROSS JOIN LATERAL (
           SELECT min(o) AS offset_minutes FROM unnest($2::int[]) AS o WHERE r.due_at - make_interval(mins => o) <= $1
         ) due
        WHERE r.submitted_at IS NULL AND r.status IN ('assigned', 'accepted')
          AND r.due_at > $1 AND r.due_at <= $1 + make_interval(mins => $3)
          AND due.offset_minutes IS NOT NULL
          AND ${notSentYet({ kind: 'review_reminder', assignmentId: 'r.id', offsetMinutes: 'due.offset_minutes' })}
        ORDER BY r.due_at, r.id`,
      [now, offsetsMinutes, Math.max(...offsetsMinutes)],
    );
    return rows.map(toReviewReminder);
  }

  /**
   * Side decisions of calls whose results were released (by the lead agency, or by the decision date)
   * in the last 30 days and whose notice has not gone out, with the team to tell.
   */
  async publishedDecisions(now: Date): Promise<PublishedDecisionRow[]> {
    return this.decisionNotices(
      this.db.manager,
      `((c.decision_at <= $1 AND c.decision_at > $1 - interval '30 days')
         OR (c.results_released_at <= $1 AND c.results_released_at > $1 - interval '30 days'))`,
      [now],
    );
  }

  /** The side decisions of one call whose notice has not gone out, with the team to tell: what its release sends. */
  callDecisions(manager: EntityManager, callId: string): Promise<PublishedDecisionRow[]> {
    return this.decisionNotices(manager, `c.id = $1`, [callId]);
  }

  /** Per agency, the sides of a call that reached it and await its decision, and those it decided. */
  async releaseProgress(manager: EntityManager, callId: string): Promise<SideProgress[]> {
    return manager.query<SideProgress[]>(
      `SELECT ag.short_name AS agency,
              count(*) FILTER (WHERE s.status IN ('submitted', 'eligible', 'under_review'))::int AS undecided,
              count(*) FILTER (WHERE s.status = 'decided')::int AS decided
         FROM application_sides s JOIN organisations ag ON ag.id = s.agency_id
        WHERE s.call_id = $1
        GROUP BY ag.short_name ORDER BY ag.short_name`,
      [callId],
    );
  }

  /**
   * Side decisions of the calls that `where` (over calls c) selects, not yet told, each with the
   * application's team: its PI, every side's PI and every member with an account.
   */
  private async decisionNotices(manager: EntityManager, where: string, params: unknown[]): Promise<PublishedDecisionRow[]> {
    const rows = await manager.query<DecisionNoticeSqlRow[]>(
      `SELECT d.application_id, d.agency_id, d.decision, ag.short_name, a.title, c.title_en, c.title_ja,
              ARRAY(SELECT u FROM (SELECT a.pi_user_id AS u
                                   UNION SELECT s.pi_user_id FROM application_sides s WHERE s.application_id = a.id
                                   UNION SELECT m.user_id FROM application_members m WHERE m.application_id = a.id) team
                     WHERE u IS NOT NULL ORDER BY u) AS applicant_ids
         FROM calls c
         JOIN side_decisions d ON d.call_id = c.id
         JOIN applications a ON a.id = d.application_id
         JOIN organisations ag ON ag.id = d.agency_id
        WHERE ${where}
          AND ${notSentYet({ kind: 'decision', applicationId: 'd.application_id', agencyId: 'd.agency_id' })}
        ORDER BY d.application_id, d.agency_id`,
      params,
    );
    return rows.map(toDecisionNotice);
  }

  async deleteAssignment(id: string): Promise<void> {
    await this.db.query(`DELETE FROM review_assignments WHERE id = $1 AND submitted_at IS NULL`, [id]);
  }

  async assignment(id: string, manager: EntityManager = this.db.manager): Promise<AssignmentRow | undefined> {
    const rows = await manager.query<AssignmentSqlRow[]>(`${ASSIGNMENT} WHERE r.id = $1`, [id]);
    return rows[0] && toAssignment(rows[0]);
  }

  async assignmentsOf(reviewerId: string): Promise<AssignmentRow[]> {
    const rows = await this.db.query<AssignmentSqlRow[]>(`${ASSIGNMENT} WHERE r.reviewer_id = $1 ORDER BY r.due_at NULLS LAST, r.id`, [
      reviewerId,
    ]);
    return rows.map(toAssignment);
  }

  /**
   * Serialises the assignments of a call until the transaction ends: automatic assignment takes the
   * lock exclusively (it reads the reviewers' loads, then writes up to the cap), a single assignment
   * shares it, so no run of automatic assignment works from loads that another one is changing.
   */
  async lockCallAssignments(manager: EntityManager, callId: string, mode: 'exclusive' | 'shared'): Promise<void> {
    const lock = mode === 'exclusive' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
    await manager.query(`SELECT ${lock}(hashtextextended($1, 0))`, [`review-assignments:${callId}`]);
  }

  /** The call's active assignments, every track and application: what counts toward a reviewer's load in the call. */
  async activeCallAssignments(manager: EntityManager, callId: string): Promise<{ applicationId: string; reviewerId: string }[]> {
    const rows = await manager.query<{ application_id: string; reviewer_id: string }[]>(
      `SELECT r.application_id, r.reviewer_id FROM review_assignments r JOIN applications a ON a.id = r.application_id
        WHERE a.call_id = $1 AND r.status <> 'declined'`,
      [callId],
    );
    return rows.map((row) => ({ applicationId: row.application_id, reviewerId: row.reviewer_id }));
  }

  /**
   * The assignments of a call's applications for one agency (required: an empty scope is refused),
   * by application title and reviewer name, with whether an unsubmitted review has a saved draft.
   */
  async callAssignments(callId: string, agencyId: string): Promise<ProgressRow[]> {
    if (!agencyId) throw new Error('callAssignments needs the agency that scopes it');
    const rows = await this.db.query<ProgressSqlRow[]>(
      `SELECT r.id, r.application_id, a.title, r.reviewer_id, u.name AS reviewer_name, r.status, r.due_at, r.submitted_at, r.reminded_at,
              (r.submitted_at IS NULL AND (r.scores IS NOT NULL AND r.scores <> '{}'::jsonb OR coalesce(r.comment, '') <> '')) AS has_draft
         FROM review_assignments r JOIN applications a ON a.id = r.application_id JOIN users u ON u.id = r.reviewer_id
        WHERE a.call_id = $1 AND r.agency_id = $2
        ORDER BY a.title, a.id, u.name, r.id`,
      [callId, agencyId],
    );
    return rows.map(toProgress);
  }

  /**
   * Records a reminder when the review is still open and the last reminder is older than `notAfter`;
   * answers false when another request got there first or the review closed meanwhile.
   */
  async markReminded(manager: EntityManager, id: string, at: Date, notAfter: Date): Promise<boolean> {
    const rows = await returningRows<{ id: string }>(
      manager,
      `UPDATE review_assignments SET reminded_at = $2
        WHERE id = $1 AND submitted_at IS NULL AND status <> 'declined' AND (reminded_at IS NULL OR reminded_at <= $3) RETURNING id`,
      [id, at, notAfter],
    );
    return rows.length === 1;
  }

  /** Answers the assignment's new version. */
  async setAssignmentStatus(id: string, status: AssignmentStatus, reason: string | null): Promise<number> {
    const [row] = await returningRows<{ version: number }>(
      this.db.manager,
      `UPDATE review_assignments SET status = $2, decline_reason = $3, version = version + 1 WHERE id = $1 RETURNING version`,
      [id, status, reason],
    );
    return row!.version;
  }

  /** Saves scores and comment while the review is not submitted; `submit` also closes it. Answers false when it changed meanwhile. */
  async writeReview(
    id: string,
    scores: Record<string, number>,
    comment: string,
    submitAt: Date | null,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    const rows = await returningRows<{ id: string }>(
      this.db.manager,
      `UPDATE review_assignments SET scores = $2, comment = $3, submitted_at = $4, version = version + 1
        WHERE id = $1 AND status = 'accepted' AND submitted_at IS NULL AND ($5::int IS NULL OR version = $5) RETURNING id`,
      [id, JSON.stringify(scores), comment, submitAt, expectedVersion ?? null],
    );
    return rows.length === 1;
  }

  /** Submitted reviews of an application, oldest first. */
  async submittedReviews(applicationId: string): Promise<AssignmentRow[]> {
    const rows = await this.db.query<AssignmentSqlRow[]>(
      `${ASSIGNMENT} WHERE r.application_id = $1 AND r.submitted_at IS NOT NULL ORDER BY r.submitted_at, r.id`,
      [applicationId],
    );
    return rows.map(toAssignment);
  }

  /** The applications of a call an agency reviews (its side eligible or later), with their assignment counts and submitted reviews. */
  async reviewable(callId: string, agencyId: string, trackId?: string): Promise<ReviewableApplication[]> {
    const rows = await this.db.query<ReviewableSqlRow[]>(
      `SELECT a.id, a.title, a.track_id, s.status AS side_status,
              (SELECT count(*)::int FROM review_assignments r WHERE r.application_id = a.id AND r.agency_id = $2 AND r.status <> 'declined') AS assigned,
              coalesce((SELECT json_agg(r.scores ORDER BY r.submitted_at) FROM review_assignments r
                         WHERE r.application_id = a.id AND r.agency_id = $2 AND r.submitted_at IS NOT NULL), '[]') AS reviews
         FROM applications a JOIN application_sides s ON s.application_id = a.id AND s.agency_id = $2
        WHERE a.call_id = $1 AND s.status IN ('eligible', 'under_review', 'decided') AND ($3::uuid IS NULL OR a.track_id = $3)
        ORDER BY a.id`,
      [callId, agencyId, trackId ?? null],
    );
    return rows.map(toReviewable);
  }

  async recordDecision(
    manager: EntityManager,
    decision: {
      applicationId: string;
      agencyId: string;
      decision: 'yes' | 'no';
      amount: number | null;
      currency: string | null;
      by: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO side_decisions (application_id, agency_id, call_id, institution_id, decision, amount, currency, decided_by, decided_at)
       SELECT s.application_id, s.agency_id, s.call_id, s.institution_id, $3::text, $4::bigint, $5::text, $6::uuid, $7::timestamptz
         FROM application_sides s WHERE s.application_id = $1 AND s.agency_id = $2
       ON CONFLICT (application_id, agency_id) DO UPDATE SET decision = EXCLUDED.decision, amount = EXCLUDED.amount, currency = EXCLUDED.currency,
         decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at`,
      [decision.applicationId, decision.agencyId, decision.decision, decision.amount, decision.currency, decision.by, decision.at],
    );
  }

  async decisions(
    applicationId: string,
  ): Promise<{ agencyId: string; decision: 'yes' | 'no'; amount: number | null; currency: string | null }[]> {
    const rows = await this.db.query<{ agency_id: string; decision: 'yes' | 'no'; amount: string | null; currency: string | null }[]>(
      `SELECT agency_id, decision, amount, currency FROM side_decisions WHERE application_id = $1`,
      [applicationId],
    );
    return rows.map((row) => ({
      agencyId: row.agency_id,
      decision: row.decision,
      amount: row.amount === null ? null : Number(row.amount),
      currency: row.currency?.trim() ?? null,
    }));
  }
}
