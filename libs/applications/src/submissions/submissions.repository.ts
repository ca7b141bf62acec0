import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ApplicationRecord } from '../applications/applications.repository.js';
import type { FrozenParts, FrozenProposal } from '../rules/submission-snapshot.js';

export interface SubmissionHead {
  readonly number: number;
  readonly submittedAt: Date;
  readonly submittedBy: { readonly id: string; readonly name: string };
}

export interface SubmissionRecord extends SubmissionHead {
  readonly id: string;
  readonly applicationId: string;
  readonly proposal: FrozenProposal;
  readonly parts: FrozenParts;
}

/** The application's own content as it is frozen. */
export function freezeProposal(application: ApplicationRecord): FrozenProposal {
  return {
    title: application.title,
    abstract: application.abstract,
    trackId: application.trackId,
    fieldCode: application.fieldCode,
    keywords: [...application.keywords],
    durationMonths: application.durationMonths,
    sides: application.sides.map((s) => ({
      agencyId: s.agencyId,
      agencyShortName: s.agencyShortName,
      role: s.role,
      pi: { userId: s.piUserId, name: s.piUserName ?? s.piName, email: s.piUserEmail ?? s.piEmail, orcid: s.piOrcid },
      institution: s.institutionId ? { id: s.institutionId, shortName: s.institutionShortName, country: s.institutionCountry } : null,
      budgetPerYear: [...s.budgetPerYear],
      budgetCurrency: s.budgetCurrency,
      existingGrantNumber: s.existingGrantNumber,
    })),
    members: application.members.map((m) => ({
      id: m.id,
      userId: m.userId,
      name: m.name,
      email: m.email,
      orcid: m.orcid,
      role: m.role,
      earlyCareer: m.earlyCareer,
      institutionId: m.institutionId,
      country: m.country,
    })),
  };
}

/** Frozen submissions: written once at submit (with the step, ApplicationsRepository.recordStep), read by number; never updated (a trigger refuses it). */
@Injectable()
export class SubmissionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async heads(applicationId: string): Promise<SubmissionHead[]> {
    const rows = await this.db.query<HeadRow[]>(
      `SELECT s.number, s.submitted_at, s.submitted_by, u.name AS submitter_name
         FROM application_submissions s JOIN users u ON u.id = s.submitted_by
        WHERE s.application_id = $1 ORDER BY s.number`,
      [applicationId],
    );
    return rows.map(toHead);
  }

  /** One submission by number, or the latest when `number` is undefined. */
  async get(applicationId: string, number?: number, manager: EntityManager = this.db.manager): Promise<SubmissionRecord | undefined> {
    const rows = await manager.query<SubmissionRow[]>(
      `SELECT s.id, s.application_id, s.number, s.submitted_at, s.submitted_by, u.name AS submitter_name, s.proposal, s.parts
         FROM application_submissions s JOIN users u ON u.id = s.submitted_by
        WHERE s.application_id = $1 AND ($2::int IS NULL OR s.number = $2)
        ORDER BY s.number DESC LIMIT 1`,
      [applicationId, number ?? null],
    );
    return rows[0] && toSubmission(rows[0]);
  }

  /**
   * What the latest submission of each application froze besides its proposal (its answers, its
   * documents), in one statement for all of them; an application never submitted has no entry.
   */
  async latestParts(applicationIds: readonly string[]): Promise<Map<string, FrozenParts>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await this.db.query<{ application_id: string; parts: FrozenParts }[]>(
      `SELECT DISTINCT ON (application_id) application_id, parts FROM application_submissions
        WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, number DESC`,
      [applicationIds],
    );
    return new Map(rows.map((row) => [row.application_id, row.parts]));
  }
}

/** heads: a submission without its content. */
interface HeadRow {
  readonly number: number;
  readonly submitted_at: Date;
  readonly submitted_by: string;
  readonly submitter_name: string;
}

/** get: a whole submission. */
interface SubmissionRow extends HeadRow {
  readonly id: string;
  readonly application_id: string;
  readonly proposal: FrozenProposal;
  readonly parts: FrozenParts;
}

function toHead(row: HeadRow): SubmissionHead {
  return { number: row.number, submittedAt: row.submitted_at, submittedBy: { id: row.submitted_by, name: row.submitter_name } };
}

function toSubmission(row: SubmissionRow): SubmissionRecord {
  return { ...toHead(row), id: row.id, applicationId: row.application_id, proposal: row.proposal, parts: row.parts };
}
