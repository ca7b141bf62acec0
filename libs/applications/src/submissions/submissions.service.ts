import { Injectable } from '@nestjs/common';
import { AccessService, PERMISSIONS, type Principal } from '#identity';
import { NotFoundError } from '#platform';
import { compareSubmissions } from '../rules/submission-snapshot.js';
import type { SubmissionComparisonDto, SubmissionDto, SubmissionHeadDto } from './dto/submission.dto.js';
import { type SubmissionHead, type SubmissionRecord, SubmissionsRepository } from './submissions.repository.js';

/**
 * Frozen submissions as their readers see them: the team reads every one; the offices of its sides,
 * the agencies it reached and the accepted, unconflicted reviewers read the latest, which is what
 * they approve, check and review.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly access: AccessService,
  ) {}

  async list(principal: Principal, applicationId: string): Promise<SubmissionHeadDto[]> {
    const scope = await this.scope(principal, applicationId);
    const heads = await this.submissions.heads(applicationId);
    return (scope === 'all' ? heads : heads.slice(-1)).map(toHeadDto);
  }

  /** One submission by number, or the latest (`undefined`). */
  async get(principal: Principal, applicationId: string, number: number | undefined): Promise<SubmissionDto> {
    return toSubmissionDto(await this.readable(principal, applicationId, number));
  }

  async compare(principal: Principal, applicationId: string, from: number, to: number): Promise<SubmissionComparisonDto> {
    const scope = await this.scope(principal, applicationId);
    const [before, after] = [await this.numbered(applicationId, scope, from), await this.numbered(applicationId, scope, to)];
    const changes = compareSubmissions(before, after);
    return {
      from,
      to,
      fields: changes.flatMap((c) => (c.kind === 'field' ? [{ path: c.path, before: c.before, after: c.after }] : [])),
      documents: changes.flatMap((c) =>
        c.kind === 'document'
          ? [
              {
                change: c.change,
                requirementId: c.requirementId,
                agencyId: c.agencyId,
                label: { ...c.label },
                before: c.before,
                after: c.after,
              },
            ]
          : [],
      ),
    };
  }

  /** Whether the caller reads every submission of the application, or only its latest; 404 for neither. */
  private async scope(principal: Principal, applicationId: string): Promise<'all' | 'latest'> {
    if ((await this.access.allowed(principal, PERMISSIONS.applications.team, [applicationId])).size > 0) return 'all';
    if ((await submissionReaders(this.access, principal, [applicationId])).size === 0) throw new NotFoundError('application');
    return 'latest';
  }

  private async readable(principal: Principal, applicationId: string, number: number | undefined): Promise<SubmissionRecord> {
    return this.numbered(applicationId, await this.scope(principal, applicationId), number);
  }

  /** A submission within the caller's scope: a reader of the latest only finds that one. */
  private async numbered(applicationId: string, scope: 'all' | 'latest', number: number | undefined): Promise<SubmissionRecord> {
    const submission = await this.submissions.get(applicationId, scope === 'all' ? number : undefined);
    if (!submission || (number !== undefined && submission.number !== number)) throw new NotFoundError('submission');
    return submission;
  }
}

/**
 * Of some applications, those whose latest submission the principal reads without being on the
 * team: the office of a side's institution, an agency the application reached, an accepted and
 * unconflicted reviewer.
 */
export async function submissionReaders(
  access: AccessService,
  principal: Principal,
  applicationIds: readonly string[],
): Promise<Set<string>> {
  const sets = await Promise.all(
    [PERMISSIONS.applications.sideOffice, PERMISSIONS.applications.agencySide, PERMISSIONS.reviews.readAsReviewer].map((permission) =>
      access.allowed(principal, permission, applicationIds),
    ),
  );
  return new Set(sets.flatMap((set) => [...set]));
}

function toHeadDto(head: SubmissionHead): SubmissionHeadDto {
  return { number: head.number, submittedAt: head.submittedAt.toISOString(), submittedBy: { ...head.submittedBy } };
}

function toSubmissionDto(submission: SubmissionRecord): SubmissionDto {
  const p = submission.proposal;
  return {
    ...toHeadDto(submission),
    proposal: {
      ...p,
      keywords: [...p.keywords],
      sides: p.sides.map((s) => ({
        ...s,
        pi: { ...s.pi },
        institution: s.institution && { ...s.institution },
        budgetPerYear: [...s.budgetPerYear],
      })),
      members: p.members.map((m) => ({ ...m })),
    },
    documents: (submission.parts.documents ?? []).map((d) => ({ ...d, label: { ...d.label } })),
  };
}
