import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { prepared, runPrepared } from '#platform';
import type { FrozenDocument } from '#applications';
import { type DocumentKind, type DocumentScope, type ScanStatus, WHOLE_PROPOSAL } from './document.entity.js';

export interface RequirementRecord {
  readonly id: string;
  readonly callId: string;
  readonly position: number;
  readonly kind: DocumentKind;
  readonly scope: DocumentScope;
  readonly labelEn: string;
  readonly labelJa: string;
  readonly helpEn: string | null;
  readonly helpJa: string | null;
  readonly acceptedTypes: readonly string[];
  readonly maxBytes: number;
  readonly maxPages: number | null;
  readonly required: boolean;
}

export type RequirementFields = Omit<RequirementRecord, 'id' | 'callId' | 'position'> & { readonly id?: string };

export interface VersionRecord {
  readonly id: string;
  readonly documentId: string;
  readonly number: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly pages: number | null;
  readonly scanStatus: ScanStatus;
  readonly uploadedAt: Date;
  readonly uploadedBy: { readonly id: string; readonly name: string };
}

/** A document of an application with the version its draft holds now (null once removed). */
export interface SlotRecord {
  readonly documentId: string;
  readonly requirementId: string;
  /** null for a document of the whole proposal. */
  readonly agencyId: string | null;
  readonly current: VersionRecord | null;
  readonly versions: number;
}

/** Where a version's bytes are and whose application it belongs to. */
export interface StoredVersion extends VersionRecord {
  readonly storageKey: string;
  readonly applicationId: string;
}

const VERSION_COLUMNS = `v.id, v.document_id, v.number, v.file_name, v.media_type, v.size, v.sha256, v.pages, v.scan_status,
  v.uploaded_at, v.uploaded_by, u.name AS uploader_name`;

/** The version a document of the draft holds, as the submission checks see it. */
export interface HeldDocument {
  readonly requirementId: string;
  /** null for a document of the whole proposal. */
  readonly agencyId: string | null;
  readonly pages: number | null;
  readonly scanStatus: ScanStatus;
}

/** submissionState: application $1 of call $2. */
const SUBMISSION_STATE = prepared(
  'documents.submissionState',
  `SELECT (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.position), '[]')
             FROM document_requirements r WHERE r.call_id = $2 AND r.retired_at IS NULL) AS requirements,
          (SELECT coalesce(jsonb_agg(jsonb_build_object('requirement_id', d.requirement_id, 'agency_id', d.agency_id,
                                                        'pages', v.pages, 'scan_status', v.scan_status) ORDER BY d.created_at, d.id), '[]')
             FROM application_documents d JOIN document_versions v ON v.id = d.current_version_id
            WHERE d.application_id = $1) AS held,
          (SELECT coalesce(jsonb_agg(jsonb_build_object('document_id', d.id, 'requirement_id', d.requirement_id, 'agency_id', d.agency_id,
                                                        'kind', r.kind, 'label_en', r.label_en, 'label_ja', r.label_ja,
                                                        'version_id', v.id, 'file_name', v.file_name, 'media_type', v.media_type,
                                                        'size', v.size::text, 'pages', v.pages, 'sha256', v.sha256)
                                     ORDER BY r.position, d.agency_id), '[]')
             FROM application_documents d
             JOIN document_versions v ON v.id = d.current_version_id
             JOIN document_requirements r ON r.id = d.requirement_id
            WHERE d.application_id = $1 AND r.retired_at IS NULL) AS frozen`,
);

@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  get manager(): EntityManager {
    return this.db.manager;
  }

  /** The documents a call asks for now, in order. */
  async requirements(callId: string, manager: EntityManager = this.db.manager): Promise<RequirementRecord[]> {
    const rows = await manager.query<RequirementRow[]>(
      `SELECT * FROM document_requirements WHERE call_id = $1 AND retired_at IS NULL ORDER BY position`,
      [callId],
    );
    return rows.map(toRequirement);
  }

  async requirement(id: string): Promise<RequirementRecord | undefined> {
    const rows = await this.db.query<RequirementRow[]>(`SELECT * FROM document_requirements WHERE id = $1 AND retired_at IS NULL`, [id]);
    return rows[0] && toRequirement(rows[0]);
  }

  /**
   * Makes the call's requirements exactly `list`, in its order: listed ids are updated, new ones
   * inserted, and those left out retired when documents were uploaded for them (deleted otherwise).
   */
  async replaceRequirements(callId: string, list: readonly RequirementFields[], at: Date): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('document_requirements'), hashtext($1))`, [callId]);
      const kept = list.flatMap((r) => (r.id ? [r.id] : []));
      await manager.query(
        `DELETE FROM document_requirements r WHERE r.call_id = $1 AND r.retired_at IS NULL AND NOT (r.id = ANY($2::uuid[]))
            AND NOT EXISTS (SELECT 1 FROM application_documents d WHERE d.requirement_id = r.id)`,
        [callId, kept],
      );
      await manager.query(
        `UPDATE document_requirements SET retired_at = $3 WHERE call_id = $1 AND retired_at IS NULL AND NOT (id = ANY($2::uuid[]))`,
        [callId, kept, at],
      );
      for (const [position, r] of list.entries()) {
        const values = [
          callId,
          position,
          r.kind,
          r.scope,
          r.labelEn,
          r.labelJa,
          r.helpEn,
          r.helpJa,
          r.acceptedTypes,
          r.maxBytes,
          r.maxPages,
          r.required,
        ];
        if (r.id) {
          await manager.query(
            `UPDATE document_requirements SET position = $2, kind = $3, scope = $4, label_en = $5, label_ja = $6, help_en = $7,
                    help_ja = $8, accepted_types = $9, max_bytes = $10, max_pages = $11, required = $12
              WHERE call_id = $1 AND id = $13 AND retired_at IS NULL`,
            [...values, r.id],
          );
        } else {
          await manager.query(
            `INSERT INTO document_requirements (call_id, position, kind, scope, label_en, label_ja, help_en, help_ja, accepted_types,
                                                max_bytes, max_pages, required)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            values,
          );
        }
      }
    });
  }

  /** Requirement ids of the call among `ids` (an update may name only its own call's requirements). */
  async requirementsOfCall(callId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM document_requirements WHERE call_id = $1 AND retired_at IS NULL AND id = ANY($2::uuid[])`,
      [callId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Every document of the application, with the version its draft holds. */
  async slots(applicationId: string, manager: EntityManager = this.db.manager): Promise<SlotRecord[]> {
    const rows = await manager.query<SlotRow[]>(
      `SELECT d.id AS slot_id, d.requirement_id, d.agency_id,
              (SELECT count(*)::int FROM document_versions x WHERE x.document_id = d.id AND x.attached_at IS NOT NULL) AS versions,
              ${VERSION_COLUMNS}
         FROM application_documents d
         LEFT JOIN document_versions v ON v.id = d.current_version_id
         LEFT JOIN users u ON u.id = v.uploaded_by
        WHERE d.application_id = $1
        ORDER BY d.created_at, d.id`,
      [applicationId],
    );
    return rows.map((row) => ({
      documentId: row.slot_id,
      requirementId: row.requirement_id,
      agencyId: row.agency_id === WHOLE_PROPOSAL ? null : row.agency_id,
      current: row.id === null ? null : toVersion(row as VersionRow),
      versions: row.versions,
    }));
  }

  /**
   * A new version of the application's document for the requirement (and side), not yet attached:
   * the document is created on its first upload, and its row locked while the version is numbered.
   */
  async addVersion(
    manager: EntityManager,
    v: {
      applicationId: string;
      requirementId: string;
      agencyId: string | null;
      storageKey: string;
      fileName: string;
      mediaType: string;
      size: number;
      sha256: string;
      pages: number | null;
      scanStatus: ScanStatus;
      scanSignature: string | null;
      uploadedBy: string;
      at: Date;
    },
  ): Promise<{ versionId: string; documentId: string }> {
    const agency = v.agencyId ?? WHOLE_PROPOSAL;
    await manager.query(
      `INSERT INTO application_documents (application_id, requirement_id, agency_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [v.applicationId, v.requirementId, agency],
    );
    const [slot] = await manager.query<{ id: string }[]>(
      `SELECT id FROM application_documents WHERE application_id = $1 AND requirement_id = $2 AND agency_id = $3 FOR UPDATE`,
      [v.applicationId, v.requirementId, agency],
    );
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO document_versions (document_id, number, storage_key, file_name, media_type, size, sha256, pages, scan_status,
                                      scan_signature, uploaded_by, uploaded_at)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM document_versions WHERE document_id = $1
       RETURNING id`,
      [slot!.id, v.storageKey, v.fileName, v.mediaType, v.size, v.sha256, v.pages, v.scanStatus, v.scanSignature, v.uploadedBy, v.at],
    );
    return { versionId: row!.id, documentId: slot!.id };
  }

  /** The stored version becomes the one its document's draft holds. */
  async attach(manager: EntityManager, documentId: string, versionId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE document_versions SET attached_at = $2 WHERE id = $1`, [versionId, at]);
    await manager.query(`UPDATE application_documents SET current_version_id = $2 WHERE id = $1`, [documentId, versionId]);
  }

  /** An upload whose bytes could not be stored: its row goes (it was never attached). */
  async discardVersion(versionId: string): Promise<void> {
    await this.db.query(`DELETE FROM document_versions WHERE id = $1 AND attached_at IS NULL`, [versionId]);
  }

  /** The draft no longer holds the document; its versions stay (a submission may name one). */
  async remove(manager: EntityManager, applicationId: string, documentId: string): Promise<boolean> {
    // As a SELECT: TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const rows = await manager.query<{ id: string }[]>(
      `WITH removed AS (UPDATE application_documents SET current_version_id = NULL WHERE id = $1 AND application_id = $2 RETURNING id)
       SELECT id FROM removed`,
      [documentId, applicationId],
    );
    return rows.length > 0;
  }

  async version(id: string): Promise<StoredVersion | undefined> {
    const rows = await this.db.query<StoredVersionRow[]>(
      `SELECT ${VERSION_COLUMNS}, v.storage_key, d.application_id
         FROM document_versions v JOIN application_documents d ON d.id = v.document_id JOIN users u ON u.id = v.uploaded_by
        WHERE v.id = $1 AND v.attached_at IS NOT NULL`,
      [id],
    );
    const row = rows[0];
    return row && { ...toVersion(row), storageKey: row.storage_key, applicationId: row.application_id };
  }

  /** Every attached version of a document, oldest first. */
  async versions(documentId: string): Promise<VersionRecord[]> {
    const rows = await this.db.query<VersionRow[]>(
      `SELECT ${VERSION_COLUMNS} FROM document_versions v JOIN users u ON u.id = v.uploaded_by
        WHERE v.document_id = $1 AND v.attached_at IS NOT NULL ORDER BY v.number`,
      [documentId],
    );
    return rows.map(toVersion);
  }

  /** The application a document belongs to (to ask the access module about it). */
  async applicationOfDocument(documentId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ application_id: string }[]>(`SELECT application_id FROM application_documents WHERE id = $1`, [
      documentId,
    ]);
    return row?.application_id;
  }

  /**
   * For the access check of versions: each version's application, and whether the application's
   * latest submission names it (what offices, officers and reviewers may read).
   */
  async versionsForAccess(ids: readonly string[]): Promise<{ id: string; applicationId: string; inLatestSubmission: boolean }[]> {
    const rows = await this.db.query<{ id: string; application_id: string; in_latest: boolean }[]>(
      `SELECT v.id, d.application_id,
              coalesce((SELECT s.parts -> 'documents' @> jsonb_build_array(jsonb_build_object('versionId', v.id::text))
                          FROM application_submissions s WHERE s.application_id = d.application_id
                         ORDER BY s.number DESC LIMIT 1), false) AS in_latest
         FROM document_versions v JOIN application_documents d ON d.id = v.document_id
        WHERE v.id = ANY($1::uuid[]) AND v.attached_at IS NOT NULL`,
      [ids],
    );
    return rows.map((row) => ({ id: row.id, applicationId: row.application_id, inLatestSubmission: row.in_latest }));
  }

  /**
   * What a submission asks of the application's documents, in one statement: the documents the
   * call asks for now (in order), the version each document of the draft holds (its pages and
   * scan, for the checks), and what a submission freezes: each document held for a requirement
   * still asked for, with its requirement's kind and label.
   */
  async submissionState(
    applicationId: string,
    callId: string,
    manager: EntityManager,
  ): Promise<{ requirements: RequirementRecord[]; held: HeldDocument[]; frozen: FrozenDocument[] }> {
    const [row] = await runPrepared<SubmissionStateRow>(manager, SUBMISSION_STATE, [applicationId, callId]);
    return {
      requirements: row!.requirements.map(toRequirement),
      held: row!.held.map((h) => ({
        requirementId: h.requirement_id,
        agencyId: h.agency_id === WHOLE_PROPOSAL ? null : h.agency_id,
        pages: h.pages,
        scanStatus: h.scan_status,
      })),
      frozen: row!.frozen.map((f) => ({
        documentId: f.document_id,
        requirementId: f.requirement_id,
        kind: f.kind,
        label: { en: f.label_en, ja: f.label_ja },
        agencyId: f.agency_id === WHOLE_PROPOSAL ? null : f.agency_id,
        versionId: f.version_id,
        fileName: f.file_name,
        mediaType: f.media_type,
        size: Number(f.size),
        pages: f.pages,
        sha256: f.sha256,
      })),
    };
  }

  /** Attached versions still waiting for the scanner, oldest first. */
  async pendingScans(limit: number): Promise<{ id: string; storageKey: string }[]> {
    const rows = await this.db.query<{ id: string; storage_key: string }[]>(
      `SELECT id, storage_key FROM document_versions WHERE scan_status = 'pending' AND attached_at IS NOT NULL ORDER BY uploaded_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, storageKey: row.storage_key }));
  }

  /** A scan's result, once known (the only change an attached version takes). */
  async recordScan(id: string, status: ScanStatus, signature: string | null): Promise<void> {
    await this.db.query(`UPDATE document_versions SET scan_status = $2, scan_signature = $3 WHERE id = $1 AND scan_status = 'pending'`, [
      id,
      status,
      signature,
    ]);
  }

  /** Uploads never attached (the process stopped between receiving and attaching) older than `before`: removed, their keys returned. */
  async removeUnattached(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ storage_key: string }[]>(
      `WITH gone AS (
         DELETE FROM document_versions WHERE id IN (
           SELECT id FROM document_versions WHERE attached_at IS NULL AND uploaded_at < $1 ORDER BY uploaded_at LIMIT $2)
         RETURNING storage_key)
       SELECT storage_key FROM gone`,
      [before, limit],
    );
    return rows.map((row) => row.storage_key);
  }
}

/** requirements: a whole row of document_requirements. */
interface RequirementRow {
  readonly id: string;
  readonly call_id: string;
  readonly position: number;
  readonly kind: DocumentKind;
  readonly scope: DocumentScope;
  readonly label_en: string;
  readonly label_ja: string;
  readonly help_en: string | null;
  readonly help_ja: string | null;
  readonly accepted_types: string[];
  /** bigint arrives as text. */
  readonly max_bytes: string;
  readonly max_pages: number | null;
  readonly required: boolean;
}

/** VERSION_COLUMNS. */
interface VersionRow {
  readonly id: string;
  readonly document_id: string;
  readonly number: number;
  readonly file_name: string;
  readonly media_type: string;
  readonly size: string;
  readonly sha256: string;
  readonly pages: number | null;
  readonly scan_status: ScanStatus;
  readonly uploaded_at: Date;
  readonly uploaded_by: string;
  readonly uploader_name: string;
}

/** slots: a document, and VERSION_COLUMNS of its current version (all null when it has none). */
type SlotRow = { readonly slot_id: string; readonly requirement_id: string; readonly agency_id: string; readonly versions: number } & {
  readonly [K in keyof VersionRow]: VersionRow[K] | null;
};

/** version: VERSION_COLUMNS with the key and the application. */
interface StoredVersionRow extends VersionRow {
  readonly storage_key: string;
  readonly application_id: string;
}

/** submissionState: one document the draft holds, as frozen. */
interface FrozenRow {
  readonly document_id: string;
  readonly requirement_id: string;
  readonly agency_id: string;
  readonly kind: DocumentKind;
  readonly label_en: string;
  readonly label_ja: string;
  readonly version_id: string;
  readonly file_name: string;
  readonly media_type: string;
  readonly size: string;
  readonly pages: number | null;
  readonly sha256: string;
}

/** submissionState: the requirements, the versions held and the documents to freeze, as JSON. */
interface SubmissionStateRow {
  readonly requirements: RequirementRow[];
  readonly held: {
    readonly requirement_id: string;
    readonly agency_id: string;
    readonly pages: number | null;
    readonly scan_status: ScanStatus;
  }[];
  readonly frozen: FrozenRow[];
}

function toRequirement(row: RequirementRow): RequirementRecord {
  return {
    id: row.id,
    callId: row.call_id,
    position: row.position,
    kind: row.kind,
    scope: row.scope,
    labelEn: row.label_en,
    labelJa: row.label_ja,
    helpEn: row.help_en,
    helpJa: row.help_ja,
    acceptedTypes: row.accepted_types,
    maxBytes: Number(row.max_bytes),
    maxPages: row.max_pages,
    required: row.required,
  };
}

function toVersion(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    pages: row.pages,
    scanStatus: row.scan_status,
    uploadedAt: row.uploaded_at,
    uploadedBy: { id: row.uploaded_by, name: row.uploader_name },
  };
}
