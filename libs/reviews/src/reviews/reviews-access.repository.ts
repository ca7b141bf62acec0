import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AccessService, officerAgencyOf, PERMISSIONS, type Principal } from '#identity';
import { conflictKey } from '../rules/auto-assign.js';
import { ReviewsRepository } from './reviews.repository.js';

/** The reviews feature's permissions (declared with all others in #identity). */
export const ReviewPermission = PERMISSIONS.reviews;

/**
 * Who may touch which assignments and applications in review, answered in SQL from the ids alone,
 * before anything of the objects is read (the access module asks these; a miss is "not found").
 */
@Injectable()
export class ReviewsAccessRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reviews: ReviewsRepository,
  ) {}

  /** Registers this feature's checkers with the access module (its Nest module at start-up, or a hand-wired server). */
  registerWith(access: AccessService): void {
    access.register(ReviewPermission.ownAssignment, (p, ids) => this.ownAssignments(p, ids));
    access.register(ReviewPermission.acceptedAssignment, (p, ids) => this.acceptedAssignments(p, ids));
    access.register(ReviewPermission.agencyAssignment, (p, ids) => this.agencyAssignments(p, ids));
    access.register(ReviewPermission.readAsReviewer, (p, ids) => this.readableByReviewer(p, ids));
    access.register(ReviewPermission.readReviewsAsOfficer, (p, ids) => this.reviewedByAgency(p, ids));
  }

  /** The reviewer's own assignments; one on an application they are conflicted with only once declined. */
  async ownAssignments(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string; application_id: string; status: string }[]>(
      `SELECT r.id, r.application_id, r.status FROM review_assignments r WHERE r.id = ANY($1::uuid[]) AND r.reviewer_id = $2`,
      [ids, principal.id],
    );
    const conflicted = await this.reviews.conflicts(
      rows.map((r) => r.application_id),
      [principal.id],
    );
    return rows.filter((r) => r.status === 'declined' || !conflicted.has(conflictKey(r.application_id, principal.id))).map((r) => r.id);
  }

  /** The reviewer's own accepted assignments on applications they are not conflicted with. */
  async acceptedAssignments(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string; application_id: string }[]>(
      `SELECT r.id, r.application_id FROM review_assignments r WHERE r.id = ANY($1::uuid[]) AND r.reviewer_id = $2 AND r.status = 'accepted'`,
      [ids, principal.id],
    );
    const conflicted = await this.reviews.conflicts(
      rows.map((r) => r.application_id),
      [principal.id],
    );
    return rows.filter((r) => !conflicted.has(conflictKey(r.application_id, principal.id))).map((r) => r.id);
  }

  /** Assignments made for the officer's agency. */
  async agencyAssignments(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const agency = officerAgencyOf(principal);
    if (agency === null) return [];
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT r.id FROM review_assignments r WHERE r.id = ANY($1::uuid[]) AND r.agency_id = $2`,
      [ids, agency],
    );
    return rows.map((r) => r.id);
  }

  /** Applications the reviewer has accepted to review and has no conflict with. */
  async readableByReviewer(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ application_id: string }[]>(
      `SELECT DISTINCT r.application_id FROM review_assignments r
        WHERE r.application_id = ANY($1::uuid[]) AND r.reviewer_id = $2 AND r.status = 'accepted'`,
      [ids, principal.id],
    );
    const applications = rows.map((r) => r.application_id);
    const conflicted = await this.reviews.conflicts(applications, [principal.id]);
    return applications.filter((id) => !conflicted.has(conflictKey(id, principal.id)));
  }

  /** Applications whose side of the officer's agency is eligible, under review or decided. */
  async reviewedByAgency(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const agency = officerAgencyOf(principal);
    if (agency === null) return [];
    const rows = await this.db.query<{ application_id: string }[]>(
      `SELECT s.application_id FROM application_sides s
        WHERE s.application_id = ANY($1::uuid[]) AND s.agency_id = $2 AND s.status IN ('eligible', 'under_review', 'decided')`,
      [ids, agency],
    );
    return rows.map((r) => r.application_id);
  }
}
