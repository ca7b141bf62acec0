import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { ApplicationsRepository, isEditable, type PartInspection, type SubmissionPart, type SubmissionSubject } from '#applications';
import { AccessService, PERMISSIONS, type Principal } from '#identity';
import { type AppConfig, Clock, DomainError, InjectConfig, NotFoundError, ValidationFailedError, wholeSeconds } from '#platform';
import { inspectPdf } from '../files/pdf-inspection.js';
import { DOCUMENT_MEDIA_TYPES, type DocumentMediaType, sniffMediaType } from '../files/media-type.js';
import { type ReceivedFile, receiveUpload } from '../files/receive-upload.js';
import { documentProblems, documentWarnings } from '../rules/document-checks.js';
import { scanWithClamd, ScanUnavailableError } from '../scan/clamd.js';
import { type DocumentStorage, newStorageKey } from '../storage/document-storage.js';
import { DOCUMENT_STORAGE } from '../storage/storage-token.js';
import type { ScanStatus } from './document.entity.js';
import { DocumentPermission } from './documents-access.repository.js';
import { DocumentsRepository, type RequirementRecord, type SlotRecord, type VersionRecord } from './documents.repository.js';
import type {
  ApplicationDocumentsDto,
  DocumentRequirementDto,
  DocumentVersionDto,
  PutDocumentRequirementsDto,
  UploadedDocumentDto,
} from './dto/documents.dto.js';

/** A document version's bytes, ready to stream to the caller. */
export interface Download {
  readonly stream: Readable;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
}

const PDF_REFUSALS = {
  encrypted: ['PDF_ENCRYPTED', 'The PDF is encrypted or password-protected; upload it without protection.'],
  corrupt: ['PDF_CORRUPT', 'The PDF cannot be opened; it is damaged or not a PDF.'],
  truncated: ['PDF_TRUNCATED', 'The PDF is incomplete (it does not end as a PDF ends); upload it again.'],
  timeout: ['PDF_TOO_COMPLEX', 'The PDF took too long to open; save it again (for example, printed to PDF) and upload that.'],
} as const;

/**
 * Proposal documents: what each call asks for, uploads streamed to disk and checked before they are
 * stored, immutable versions, and the part of each submission that freezes them.
 */
@Injectable()
export class DocumentsService implements SubmissionPart {
  readonly name = 'documents';
  private readonly logger = new Logger('documents');

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** For features that name a call's requirements (a form's document questions): which of `ids` are current requirements of the call. */
  requirementsOfCall(callId: string, ids: readonly string[]): Promise<Set<string>> {
    return this.documents.requirementsOfCall(callId, ids);
  }

  async requirements(principal: Principal, callId: string): Promise<DocumentRequirementDto[]> {
    await this.access.require(principal, PERMISSIONS.calls.read, callId, 'call');
    return (await this.documents.requirements(callId)).map(toRequirementDto);
  }

  /** The lead agency's officers say which documents the call asks for; one left out is retired, its documents kept. */
  async putRequirements(principal: Principal, callId: string, dto: PutDocumentRequirementsDto): Promise<DocumentRequirementDto[]> {
    await this.access.require(principal, PERMISSIONS.calls.read, callId, 'call');
    await this.access.require(principal, PERMISSIONS.calls.lead, callId, 'call');
    const named = dto.requirements.flatMap((r) => (r.id ? [r.id] : []));
    const known = await this.documents.requirementsOfCall(callId, named);
    const errors = dto.requirements.flatMap((r, i) => {
      const problems = [];
      if (r.id && !known.has(r.id.toLowerCase()))
        problems.push({ field: `requirements[${i}].id`, message: 'not a requirement of this call' });
      if (r.maxBytes > this.config.documents.maxUploadBytes) {
        problems.push({ field: `requirements[${i}].maxBytes`, message: `at most ${this.config.documents.maxUploadBytes} bytes here` });
      }
      return problems;
    });
    if (new Set(named).size !== named.length) errors.push({ field: 'requirements', message: 'a requirement is listed twice' });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    await this.documents.replaceRequirements(
      callId,
      dto.requirements.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        kind: r.kind,
        scope: r.scope,
        labelEn: r.labelEn,
        labelJa: r.labelJa,
        helpEn: r.helpEn ?? null,
        helpJa: r.helpJa ?? null,
        acceptedTypes: r.acceptedTypes ?? ['application/pdf'],
        maxBytes: r.maxBytes,
        maxPages: r.maxPages ?? null,
        required: r.required,
      })),
      wholeSeconds(this.clock.now()),
    );
    return (await this.documents.requirements(callId)).map(toRequirementDto);
  }

  /** Each document the call asks of this application, with the version its draft holds and its warnings. */
  async list(principal: Principal, applicationId: string): Promise<ApplicationDocumentsDto> {
    await this.access.require(principal, PERMISSIONS.applications.team, applicationId, 'application');
    const application = await this.applications.load(applicationId);
    if (!application) throw new NotFoundError('application');
    const [requirements, slots] = await Promise.all([this.documents.requirements(application.callId), this.documents.slots(applicationId)]);
    const agencies = application.sides.map((s) => s.agencyId);
    return {
      slots: requirements.flatMap((requirement) =>
        (requirement.scope === 'proposal' ? [null] : agencies).map((agencyId) => {
          const slot = slots.find((s) => s.requirementId === requirement.id && s.agencyId === agencyId);
          return toSlotDto(requirement, agencyId, slot);
        }),
      ),
    };
  }

  /**
   * One upload: the caller and the requirement are checked before a byte is read; the file streams
   * to local disk (hashed on the way), is checked by its content (type, PDF pages, encryption,
   * truncation, malware when a scanner is configured), then stored and attached. Nothing is kept
   * of a refused file.
   */
  async upload(
    principal: Principal,
    applicationId: string,
    requirementId: string,
    agencyId: string | null,
    request: FastifyRequest,
  ): Promise<UploadedDocumentDto> {
    const requirement = await this.uploadTarget(principal, applicationId, requirementId, agencyId);
    const file = await receiveUpload(request, requirement.maxBytes, join(this.config.dataDir, 'uploads'));
    try {
      const mediaType = sniffMediaType(file.head);
      if (mediaType === null || !requirement.acceptedTypes.includes(mediaType)) {
        throw new DomainError(
          'unsupported_media_type',
          'FILE_TYPE_NOT_ACCEPTED',
          `This document takes ${requirement.acceptedTypes.join(', ')}; the file's content is ${mediaType ?? 'none of these'}.`,
          [],
          undefined,
          { acceptedTypes: requirement.acceptedTypes },
        );
      }
      const pages = mediaType === 'application/pdf' ? await this.pagesOf(file) : null;
      const scan = await this.scan(file.path);
      return await this.store(principal, applicationId, requirement, agencyId, file, mediaType, pages, scan);
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** The draft no longer holds the document (before submission); its versions are kept. */
  async remove(principal: Principal, applicationId: string, documentId: string): Promise<void> {
    await this.requireEditor(principal, applicationId);
    await this.documents.transaction(async (manager) => {
      if (!isEditable(await this.applications.lockForEdit(manager, applicationId))) throw notEditable();
      if (!(await this.documents.remove(manager, applicationId, documentId))) throw new NotFoundError('document');
    });
  }

  /** Every version of a document, for the team. */
  async versions(principal: Principal, applicationId: string, documentId: string): Promise<DocumentVersionDto[]> {
    await this.access.require(principal, PERMISSIONS.applications.team, applicationId, 'application');
    if ((await this.documents.applicationOfDocument(documentId)) !== applicationId.toLowerCase()) throw new NotFoundError('document');
    return (await this.documents.versions(documentId)).map(toVersionDto);
  }

  async version(principal: Principal, versionId: string): Promise<DocumentVersionDto> {
    await this.access.require(principal, DocumentPermission.readVersion, versionId, 'document');
    const version = await this.documents.version(versionId);
    if (!version) throw new NotFoundError('document');
    return toVersionDto(version);
  }

  /** The bytes of a version, streamed; an infected file is never given out. */
  async download(principal: Principal, versionId: string): Promise<Download> {
    await this.access.require(principal, DocumentPermission.readVersion, versionId, 'document');
    const version = await this.documents.version(versionId);
    if (!version) throw new NotFoundError('document');
    if (version.scanStatus === 'infected') {
      throw new DomainError('rule_violation', 'DOCUMENT_INFECTED', 'The file holds malware; it cannot be downloaded.');
    }
    return {
      stream: await this.storage.open(version.storageKey),
      fileName: version.fileName,
      mediaType: version.mediaType,
      size: version.size,
    };
  }

  /** SubmissionPart: what of the documents stops a submission now, and the documents the draft holds, frozen by version and SHA-256. */
  async inspect(subject: SubmissionSubject, manager: EntityManager): Promise<PartInspection> {
    const state = await this.documents.submissionState(subject.applicationId, subject.callId, manager);
    return { problems: documentProblems(state.requirements, state.held, subject.agencyIds), frozen: { documents: state.frozen } };
  }

  /**
   * Removes what uploads left behind when a process stopped mid-way, a day on: versions never
   * attached (their rows and stored bytes), and files half-received into this process's folder.
   */
  async cleanUp(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - 24 * 3600 * 1000);
    const keys = await this.documents.removeUnattached(before, 500);
    for (const key of keys) await this.storage.delete(key);
    const folder = join(this.config.dataDir, 'uploads');
    const leftovers = await readdir(folder).catch(() => []);
    for (const name of leftovers) {
      const path = join(folder, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtime < before) await rm(path, { force: true });
    }
    await this.rescanPending();
    return keys.length;
  }

  /** Versions the scanner could not be reached for, scanned again now that it may be (a few at a time). */
  private async rescanPending(): Promise<void> {
    if (this.config.documents.clamd === null) return;
    for (const version of await this.documents.pendingScans(50)) {
      const path = join(this.config.dataDir, 'uploads', `${version.id}.rescan`);
      try {
        await mkdir(join(this.config.dataDir, 'uploads'), { recursive: true, mode: 0o700 });
        await pipeline(await this.storage.open(version.storageKey), createWriteStream(path, { mode: 0o600 }));
        const scan = await this.scan(path);
        if (scan.status !== 'pending') await this.documents.recordScan(version.id, scan.status, scan.signature);
      } finally {
        await rm(path, { force: true });
      }
    }
  }

  private async uploadTarget(
    principal: Principal,
    applicationId: string,
    requirementId: string,
    agencyId: string | null,
  ): Promise<RequirementRecord> {
    await this.requireEditor(principal, applicationId);
    const application = await this.applications.load(applicationId);
    if (!application) throw new NotFoundError('application');
    if (!isEditable(application.sides)) throw notEditable();
    const requirement = await this.documents.requirement(requirementId);
    if (!requirement || requirement.callId !== application.callId) throw new NotFoundError('requirement');
    if (requirement.scope === 'side' && (agencyId === null || !application.sides.some((s) => s.agencyId === agencyId.toLowerCase()))) {
      throw new ValidationFailedError([{ field: 'agencyId', message: "a side's agency is required for this document" }]);
    }
    if (requirement.scope === 'proposal' && agencyId !== null) {
      throw new ValidationFailedError([{ field: 'agencyId', message: 'this document belongs to the whole proposal' }]);
    }
    return requirement;
  }

  private async requireEditor(principal: Principal, applicationId: string): Promise<void> {
    if ((await this.access.allowed(principal, PERMISSIONS.applications.edit, [applicationId])).size === 0) {
      await this.access.require(principal, PERMISSIONS.applications.read, applicationId, 'application');
      throw new DomainError('forbidden', 'NOT_AN_EDITOR', 'Only the PI and co-PIs change the documents.');
    }
  }

  private async pagesOf(file: ReceivedFile): Promise<number> {
    const inspection = await inspectPdf(file.path);
    if (inspection.ok) return inspection.pages;
    const [code, message] = PDF_REFUSALS[inspection.reason];
    throw new DomainError('rule_violation', code, message, [{ field: 'file', message }]);
  }

  private async scan(path: string): Promise<{ status: ScanStatus; signature: string | null }> {
    const clamd = this.config.documents.clamd;
    if (clamd === null) return { status: 'not_scanned', signature: null };
    try {
      const result = await scanWithClamd(path, clamd, this.config.documents.scanTimeoutMs);
      return result.status === 'infected' ? { status: 'infected', signature: result.signature } : { status: 'clean', signature: null };
    } catch (error) {
      if (!(error instanceof ScanUnavailableError)) throw error;
      this.logger.warn({ err: error }, 'virus scanner unavailable; the file stays pending');
      return { status: 'pending', signature: null };
    }
  }

  private async store(
    principal: Principal,
    applicationId: string,
    requirement: RequirementRecord,
    agencyId: string | null,
    file: ReceivedFile,
    mediaType: string,
    pages: number | null,
    scan: { status: ScanStatus; signature: string | null },
  ): Promise<UploadedDocumentDto> {
    const storageKey = newStorageKey();
    const at = wholeSeconds(this.clock.now());
    // The row first, unattached: should the process stop before attaching, the clean-up finds the key.
    const { versionId, documentId } = await this.documents.transaction((manager) =>
      this.documents.addVersion(manager, {
        applicationId,
        requirementId: requirement.id,
        agencyId: agencyId?.toLowerCase() ?? null,
        storageKey,
        fileName: file.fileName,
        mediaType,
        size: file.size,
        sha256: file.sha256,
        pages,
        scanStatus: scan.status,
        scanSignature: scan.signature,
        uploadedBy: principal.id,
        at,
      }),
    );
    try {
      await this.storage.put(storageKey, file.path, { size: file.size, mediaType, sha256: file.sha256 });
      await this.documents.transaction(async (manager) => {
        // A submission that raced the upload wins: the draft it froze is not changed afterwards.
        if (!isEditable(await this.applications.lockForEdit(manager, applicationId))) throw notEditable();
        await this.documents.attach(manager, documentId, versionId, at);
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      await this.documents.discardVersion(versionId);
      throw error;
    }
    const version = await this.documents.version(versionId);
    if (!version) throw new NotFoundError('document');
    return { version: toVersionDto(version), warnings: documentWarnings(requirement, version) };
  }
}

function isDocumentMediaType(type: string): type is DocumentMediaType {
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(type);
}

function notEditable(): DomainError {
  return new DomainError('rule_violation', 'NOT_EDITABLE', 'The application is submitted; reopen it to change its documents.');
}

function toRequirementDto(r: RequirementRecord): DocumentRequirementDto {
  return {
    id: r.id,
    kind: r.kind,
    scope: r.scope,
    label: { en: r.labelEn, ja: r.labelJa },
    help: r.helpEn === null && r.helpJa === null ? null : { en: r.helpEn ?? '', ja: r.helpJa ?? '' },
    acceptedTypes: r.acceptedTypes.filter(isDocumentMediaType),
    maxBytes: r.maxBytes,
    maxPages: r.maxPages,
    required: r.required,
  };
}

function toVersionDto(v: VersionRecord): DocumentVersionDto {
  return {
    id: v.id,
    documentId: v.documentId,
    number: v.number,
    fileName: v.fileName,
    mediaType: v.mediaType,
    size: v.size,
    sha256: v.sha256,
    pages: v.pages,
    scanStatus: v.scanStatus,
    uploadedAt: v.uploadedAt.toISOString(),
    uploadedBy: { ...v.uploadedBy },
  };
}

function toSlotDto(requirement: RequirementRecord, agencyId: string | null, slot: SlotRecord | undefined) {
  return {
    requirement: toRequirementDto(requirement),
    agencyId,
    documentId: slot?.documentId ?? null,
    current: slot?.current ? toVersionDto(slot.current) : null,
    versions: slot?.versions ?? 0,
    warnings: slot?.current ? documentWarnings(requirement, slot.current) : [],
  };
}
