import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Application } from '#applications';
import { Call } from '#calls';
import { User } from '#identity';

export const DOCUMENT_KINDS = ['research_plan', 'budget_justification', 'cv', 'letter_of_support', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document of the whole proposal, or one per agency's side. */
export const DOCUMENT_SCOPES = ['proposal', 'side'] as const;
export type DocumentScope = (typeof DOCUMENT_SCOPES)[number];

/** pending: waiting for the scanner; not_scanned: no scanner is configured. */
export const SCAN_STATUSES = ['pending', 'clean', 'infected', 'not_scanned'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** A document a call asks for, as its officers define it. */
@Entity({ name: 'document_requirements' })
@Index('document_requirements_call_id_idx', ['callId', 'position'])
@Check('document_requirements_kind_check', `kind IN (${list(DOCUMENT_KINDS)})`)
@Check('document_requirements_scope_check', `scope IN (${list(DOCUMENT_SCOPES)})`)
@Check('document_requirements_limits_check', `max_bytes > 0 AND (max_pages IS NULL OR max_pages > 0)`)
export class DocumentRequirement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call)
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  kind: DocumentKind;

  @Column({ type: 'text' })
  scope: DocumentScope;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text' })
  labelJa: string;

  @Column({ type: 'text', nullable: true })
  helpEn: string | null;

  @Column({ type: 'text', nullable: true })
  helpJa: string | null;

  @Column({ type: 'text', array: true, default: () => `'{application/pdf}'` })
  acceptedTypes: string[];

  @Column({ type: 'bigint' })
  maxBytes: string;

  @Column({ type: 'int', nullable: true })
  maxPages: number | null;

  @Column({ type: 'boolean' })
  required: boolean;

  /** A requirement taken off the call keeps its documents; it is no longer asked for. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

/** One required document of one application (or of one of its sides): the slot its versions fill. */
@Entity({ name: 'application_documents' })
@Unique('application_documents_slot_key', ['applicationId', 'requirementId', 'agencyId'])
export class ApplicationDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application)
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column({ type: 'uuid' })
  requirementId: string;

  @ManyToOne(() => DocumentRequirement)
  @JoinColumn({ name: 'requirement_id' })
  requirement?: DocumentRequirement;

  /** The side, for a requirement of each side; the nil UUID for a document of the whole proposal. */
  @Column({ type: 'uuid' })
  agencyId: string;

  /** The version the draft holds now; null once removed. */
  @Column({ type: 'uuid', nullable: true })
  currentVersionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One uploaded file, never changed once attached: who, when, size, pages, SHA-256, and where its
 * bytes are (a generated key). Replacing a document adds a version; a submission names versions.
 */
@Entity({ name: 'document_versions' })
@Unique('document_versions_document_id_number_key', ['documentId', 'number'])
@Unique('document_versions_storage_key_key', ['storageKey'])
@Index('document_versions_unattached_idx', ['uploadedAt'], { where: 'attached_at IS NULL' })
@Check('document_versions_scan_status_check', `scan_status IN (${list(SCAN_STATUSES)})`)
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => ApplicationDocument)
  @JoinColumn({ name: 'document_id' })
  document?: ApplicationDocument;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  storageKey: string;

  /** The name the uploader's file had: shown and given back on download, never used as a key. */
  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  mediaType: string;

  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'int', nullable: true })
  pages: number | null;

  @Column({ type: 'text' })
  scanStatus: ScanStatus;

  @Column({ type: 'text', nullable: true })
  scanSignature: string | null;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: User;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;

  /** Set once its bytes are stored and the version is the document's; until then a clean-up removes it after a day. */
  @Column({ type: 'timestamptz', nullable: true })
  attachedAt: Date | null;
}

/** For the agency column of a document of the whole proposal (NULL would not be unique). */
export const WHOLE_PROPOSAL = '00000000-0000-0000-0000-000000000000';

export const documentEntities = [DocumentRequirement, ApplicationDocument, DocumentVersion];
