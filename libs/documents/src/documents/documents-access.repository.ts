import { Injectable } from '@nestjs/common';
import { submissionReaders } from '#applications';
import { type AccessService, PERMISSIONS, type Principal } from '#identity';
import { DocumentsRepository } from './documents.repository.js';

/** The documents feature's permissions (declared with all others in #identity). */
export const DocumentPermission = PERMISSIONS.documents;

/**
 * Who may read a document version, composed from the rules of the features that own them: the
 * team reads every version; the readers of the application's latest submission (the offices of its
 * sides, its agencies, its reviewers) read the versions that submission names.
 */
@Injectable()
export class DocumentsAccessRepository {
  constructor(private readonly documents: DocumentsRepository) {}

  registerWith(access: AccessService): void {
    access.register(DocumentPermission.readVersion, (p, ids) => this.readableVersions(access, p, ids));
  }

  private async readableVersions(access: AccessService, principal: Principal, ids: readonly string[]): Promise<string[]> {
    const versions = await this.documents.versionsForAccess(ids);
    const applications = [...new Set(versions.map((v) => v.applicationId))];
    if (applications.length === 0) return [];
    const [team, readers] = await Promise.all([
      access.allowed(principal, PERMISSIONS.applications.team, applications),
      submissionReaders(access, principal, applications),
    ]);
    return versions.filter((v) => team.has(v.applicationId) || (v.inLatestSubmission && readers.has(v.applicationId))).map((v) => v.id);
  }
}
