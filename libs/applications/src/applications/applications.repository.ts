import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { notSentYet } from '#notifications';
import { LaggingReads, prepared, preparedShape, type Reader, RuleViolationError, runPrepared, SqlParams, updateIfVersion } from '#platform';
import {
  AGENCY_STEP_EVENTS,
  type AgencyAction,
  agencyStep,
  agencyStepRefusal,
  type ApplicationEventAction,
  type ApplicationStatus,
  applicationStatus,
  type ReceiptKind,
  type SideChange,
  type SideStatus,
} from '../rules/application-state.js';
import type { FrozenParts, FrozenProposal } from '../rules/submission-snapshot.js';
import type { MemberRole } from './application.entity.js';
import { editableSidesSql, receivedSideSql } from './applications-access.repository.js';

export interface SideRecord {
  readonly agencyId: string;
  readonly agencyShortName: string;
  readonly role: 'lead' | 'partner';
  readonly deadline: Date;
  readonly timeZone: string;
  readonly approvalRequired: boolean;
  readonly status: SideStatus;
  readonly piUserId: string | null;
  readonly piName: string | null;
  readonly piEmail: string | null;
  readonly piOrcid: string | null;
  /** The account's name and e-mail address, when the PI is a user. */
  readonly piUserName: string | null;
  readonly piUserEmail: string | null;
  readonly institutionId: string | null;
  readonly institutionShortName: string | null;
  readonly institutionCountry: string | null;
  readonly budgetPerYear: number[];
  readonly budgetCurrency: string | null;
  readonly existingGrantNumber: string | null;
  readonly exportControlCheckedAt: Date | null;
  readonly disclosuresReceivedAt: Date | null;
  readonly receiptNumber: string | null;
  readonly submittedAt: Date | null;
  /** The internal deadline the side's institution set for this call, if any. */
  readonly institutionDeadline: Date | null;
}

export interface MemberRecord {
  readonly id: string;
  readonly userId: string | null;
  readonly name: string;
  readonly email: string | null;
  readonly orcid: string | null;
  readonly role: MemberRole;
  readonly earlyCareer: boolean;
  readonly institutionId: string | null;
  readonly country: string | null;
}

export interface ReceiptRecord {
  readonly number: string;
  readonly kind: ReceiptKind;
  readonly agencyId: string;
  readonly agencyShortName: string;
  readonly issuedAt: Date;
  /** The frozen submission it acknowledges (null before submissions were kept). */
  readonly submissionNumber: number | null;
}

export interface ApplicationRecord {
  readonly id: string;
  readonly callId: string;
  readonly callTitleEn: string;
  readonly callTitleJa: string;
  readonly trackId: string;
  readonly piUserId: string;
  readonly title: string;
  readonly abstract: string;
  readonly fieldCode: string | null;
  readonly keywords: string[];
  readonly durationMonths: number | null;
  readonly status: ApplicationStatus;
  readonly version: number;
  readonly sides: readonly SideRecord[];
  readonly members: readonly MemberRecord[];
  /** Every receipt issued, oldest first. */
  readonly receipts: readonly ReceiptRecord[];
}

export interface ContentFields {
  readonly trackId?: string;
  readonly title?: string;
  readonly abstract?: string;
  readonly fieldCode?: string | null;
  readonly keywords?: readonly string[];
  readonly durationMonths?: number | null;
}

/** Who saves, when, and the access rule they save under (an SQL condition over `applications a`, its values in `params`). */
export interface ContentEdit {
  readonly actorId: string;
  readonly at: Date;
  readonly params: SqlParams;
  readonly editor: string;
}

export interface SideFields {
  readonly piUserId?: string | null;
  readonly piName?: string | null;
  readonly piEmail?: string | null;
  readonly piOrcid?: string | null;
  readonly institutionId?: string | null;
  readonly budgetPerYear?: readonly number[];
  readonly budgetCurrency?: string | null;
  readonly existingGrantNumber?: string | null;
}

export type MemberFields = Omit<MemberRecord, 'id'>;

export interface DeadlineReminderRow {
  readonly applicationId: string;
  readonly agencyId: string;
  /** Waiting for the institution's approval (else a draft or a returned side). */
  readonly pendingApproval: boolean;
  readonly institutionId: string | null;
  readonly sidePiUserId: string | null;
  readonly piUserId: string;
  readonly coPiUserIds: readonly string[];
  readonly title: string;
  readonly callTitle: { readonly en: string; readonly ja: string };
  readonly agency: string;
  readonly deadline: Date;
  readonly timeZone: string;
  readonly offsetMinutes: number;
}

/** The call of application $1: the parts of an application carry it, checked by their foreign key to (id, call_id). */
const CALL_OF_APPLICATION = `(SELECT call_id FROM applications WHERE id = $1)`;

/** After a CTE `changed (id, status)` of applications: the office's rows of each follow its status. */
const STATUS_TO_INSTITUTIONS = `UPDATE application_institutions k SET status = changed.status FROM changed WHERE k.application_id = changed.id`;

/**
 * What `load` answers of `applications a` (or of a CTE of its rows named so): the row, the call's
 * titles, and the receipts, sides (with their call terms, names, internal deadline and PI account)
 * and members as JSON, so one statement reads the whole application. `extra`: further columns.
 */
function applicationSelect(extra: readonly string[], from = 'applications a'): string {
  return `SELECT a.*, c.title_en AS call_title_en, c.title_ja AS call_title_ja,
          (SELECT coalesce(json_agg(json_build_object('number', r.number, 'kind', r.kind, 'agencyId', r.agency_id,
                                                      'agencyShortName', ag.short_name, 'issuedAt', r.issued_at,
                                                      'submissionNumber', sub.number)
                                    ORDER BY r.issued_at, r.number), '[]')
             FROM application_receipts r JOIN organisations ag ON ag.id = r.agency_id
             LEFT JOIN application_submissions sub ON sub.id = r.submission_id
            WHERE r.application_id = a.id) AS receipts,
          (SELECT coalesce(jsonb_agg(to_jsonb(s) || jsonb_build_object(
                    'role', ca.role, 'deadline', ca.deadline, 'time_zone', ca.time_zone,
                    'institution_approval_required', ca.institution_approval_required, 'agency_short_name', ag.short_name,
                    'institution_short_name', i.short_name, 'institution_country', i.country,
                    'institution_deadline', idl.deadline, 'pi_user_name', pu.name, 'pi_user_email', pu.email)
                  ORDER BY ca.role, ca.sort_order), '[]')
             FROM application_sides s
             JOIN call_agencies ca ON ca.call_id = a.call_id AND ca.agency_id = s.agency_id
             JOIN organisations ag ON ag.id = s.agency_id
             LEFT JOIN organisations i ON i.id = s.institution_id
             LEFT JOIN institution_deadlines idl ON idl.call_id = a.call_id AND idl.institution_id = s.institution_id
             LEFT JOIN users pu ON pu.id = s.pi_user_id
            WHERE s.application_id = a.id) AS sides,
          (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.role, m.name, m.id), '[]')
             FROM application_members m WHERE m.application_id = a.id) AS members${extra.map((column) => `,\n          ${column}`).join('')}
     FROM ${from} JOIN calls c ON c.id = a.call_id`;
}

const LOAD = prepared('applications.load', `${applicationSelect([])} WHERE a.id = $1`);
/** The application's row lock, taken before a step or an edit of its parts reads what it changes. */
const LOCK = prepared('applications.lock', `SELECT 1 FROM applications WHERE id = $1 FOR UPDATE`);

/** recordStep: see there. $5 to $9 are the changes, one element each; $10 the side checked; $11, $12 the submission (or null). */
const RECORD_STEP = prepared(
  'applications.recordStep',
  `WITH step AS (
     SELECT * FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY
                AS v(agency_id, from_status, to_status, comment, receipt_kind, ord)
   ), submitted AS (
     INSERT INTO application_submissions (application_id, number, submitted_at, submitted_by, proposal, parts)
     SELECT $1::uuid, coalesce(max(number), 0) + 1, $3::timestamptz, $2::uuid, $11::jsonb, $12::jsonb
       FROM application_submissions WHERE application_id = $1::uuid
     HAVING $11::jsonb IS NOT NULL
     RETURNING id, number
   ), latest AS (
     SELECT id, number FROM submitted
     UNION ALL
     (SELECT id, number FROM application_submissions
       WHERE application_id = $1::uuid AND NOT EXISTS (SELECT 1 FROM submitted) ORDER BY number DESC LIMIT 1)
   ), logged AS (
     INSERT INTO application_events (application_id, agency_id, actor_id, action, from_status, to_status, comment, occurred_at)
     SELECT $1::uuid, agency_id, $2::uuid, $4::text, from_status, to_status, comment, $3::timestamptz FROM step ORDER BY ord
     RETURNING id, agency_id
   ), numbered AS (
     SELECT s.ord, s.agency_id, s.receipt_kind, l.id AS event_id, nextval('application_receipt_seq') AS n
       FROM step s JOIN logged l ON l.agency_id = s.agency_id
      WHERE s.receipt_kind IS NOT NULL ORDER BY s.ord
   ), receipted AS (
     INSERT INTO application_receipts (number, application_id, agency_id, kind, issued_at, event_id, submission_id)
     SELECT 'JC-' || to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(n::text, greatest(6, length(n::text)), '0'),
            $1::uuid, agency_id, receipt_kind, $3::timestamptz, event_id, (SELECT id FROM latest)
       FROM numbered ORDER BY ord
     RETURNING number, agency_id, kind
   ), sides AS (
     UPDATE application_sides s
        SET status = coalesce(v.to_status, s.status),
            export_control_checked_at = CASE WHEN v.to_status IN ('draft', 'returned') THEN NULL
                                             WHEN s.agency_id = $10::uuid THEN $3::timestamptz ELSE s.export_control_checked_at END,
            disclosures_received_at = CASE WHEN v.to_status IN ('draft', 'returned') THEN NULL
                                           WHEN s.agency_id = $10::uuid THEN $3::timestamptz ELSE s.disclosures_received_at END,
            receipt_number = CASE WHEN r.kind = 'received_by_agency' THEN r.number ELSE s.receipt_number END,
            submitted_at = CASE WHEN r.kind = 'received_by_agency' THEN $3::timestamptz ELSE s.submitted_at END
       FROM (SELECT agency_id FROM step UNION SELECT $10::uuid WHERE $10::uuid IS NOT NULL) touched
       LEFT JOIN step v ON v.agency_id = touched.agency_id
       LEFT JOIN receipted r ON r.agency_id = touched.agency_id
      WHERE s.application_id = $1::uuid AND s.agency_id = touched.agency_id
   ), changed AS (
     UPDATE applications SET status = $13::text, version = version + 1, updated_at = now() WHERE id = $1::uuid RETURNING id, status, version
   ), offices AS (
     ${STATUS_TO_INSTITUTIONS}
   )
   SELECT (SELECT version FROM changed) AS version,
          (SELECT number FROM latest) AS submission_number,
          (SELECT coalesce(json_agg(json_build_object('agencyId', agency_id, 'eventId', id::text)), '[]') FROM logged) AS events,
          (SELECT coalesce(json_agg(json_build_object('agencyId', agency_id, 'number', number)), '[]') FROM receipted) AS receipts`,
);

/** What recordStep writes: the step's event action, its time, the side changes the state rule made, and the application's new status. */
export interface StepWrite {
  readonly applicationId: string;
  readonly actorId: string;
  readonly action: ApplicationEventAction;
  readonly at: Date;
  readonly changes: readonly (SideChange & { readonly comment: string | null; readonly receipt: ReceiptKind | null })[];
  /** The side whose office records its integrity checks with this step (an approval), else null. */
  readonly checkedSide: string | null;
  /** A submit: what it freezes. */
  readonly submission: { readonly proposal: FrozenProposal; readonly parts: FrozenParts } | null;
  readonly status: ApplicationStatus;
}

/** What recordStep answers: the application's new version, and what each changed side got. */
export interface StepRecord {
  readonly version: number;
  /** The submission its receipts name: the one written by a submit, else the latest (null before any). */
  readonly submissionNumber: number | null;
  /** By agency: the event of the side's change. */
  readonly events: ReadonlyMap<string, string>;
  /** By agency: the receipt's number, for a change that earned one. */
  readonly receipts: ReadonlyMap<string, string>;
}

/** recordStep's one row. */
interface StepRow {
  readonly version: number;
  readonly submission_number: number | null;
  readonly events: { readonly agencyId: string; readonly eventId: string }[];
  readonly receipts: { readonly agencyId: string; readonly number: string }[];
}

/** The content fields a draft save may change: the field's name, its column and the column's type. */
const CONTENT_COLUMNS = [
  ['trackId', 'track_id', 'uuid'],
  ['title', 'title', 'text'],
  ['abstract', 'abstract', 'text'],
  ['fieldCode', 'field_code', 'text'],
  ['keywords', 'keywords', 'text[]'],
  ['durationMonths', 'duration_months', 'int'],
] as const satisfies readonly (readonly [keyof ContentFields, string, string])[];

@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly laggingReads: LaggingReads,
  ) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The application with its sides (and their call terms), members and receipts, in one statement. */
  async load(id: string, manager: EntityManager = this.db.manager): Promise<ApplicationRecord | undefined> {
    const [row] = await runPrepared<ApplicationRow>(manager, LOAD, [id]);
    // The id as the caller asked for it.
    return row ? { ...toApplication(row), id } : undefined;
  }

  /**
   * The application locked for a step of its flow, if `visible` (an SQL condition over
   * `applications a`, its values in `params`: may the caller see it) holds: the lock and the check
   * in one statement, then the read, so that it sees what a step that committed while this one
   * waited for the lock wrote (one SELECT ... FOR UPDATE would re-check only the locked row, and
   * read the sides as they were before the wait). Undefined, and nothing locked, when there is no
   * such application or the caller may not see it.
   */
  async loadForStep(manager: EntityManager, id: string, params: SqlParams, visible: string): Promise<ApplicationRecord | undefined> {
    const lock = prepared(
      'applications.lockVisible',
      `SELECT 1 FROM applications a WHERE a.id = ${params.add(id)} AND ${visible} FOR UPDATE OF a`,
    );
    if ((await runPrepared(manager, lock, params.values)).length === 0) return undefined;
    return this.load(id, manager);
  }

  /**
   * The application with whether each of `checks` (SQL conditions over `applications a`, their
   * parameters in `params`) holds for it, in one statement: a read with its access checks.
   */
  async loadChecked<K extends string>(
    id: string,
    params: SqlParams,
    checks: Readonly<Record<K, string>>,
  ): Promise<{ application: ApplicationRecord; checks: Record<K, boolean> } | undefined> {
    const names = Object.keys(checks) as K[];
    const statement = prepared(
      `applications.loadChecked.${names.join('.')}`,
      `${applicationSelect(names.map((name) => `${checks[name]} AS "check_${name}"`))} WHERE a.id = ${params.add(id)}`,
    );
    const [row] = await runPrepared<ApplicationRow & Record<string, boolean>>(this.db.manager, statement, params.values);
    if (!row) return undefined;
    return {
      application: { ...toApplication(row), id },
      checks: Object.fromEntries(names.map((name) => [name, row[`check_${name}`] === true])) as Record<K, boolean>,
    };
  }

  /**
   * A draft save in one statement: while `edit.editor` (an SQL condition over `applications a`, its
   * parameters in `edit.params`) holds, the application is editable (isEditable) and at
   * `expectedVersion` (any when undefined), the given content fields change, the version moves on,
   * an `application.edited` event records who changed which fields when, and the saved application
   * comes back as `load` reads it. Undefined when any condition failed; the caller asks which.
   *
   * The conditions are read once, in the `current` CTE; the UPDATE then requires the version read
   * there. A submission (or any change) that commits while the UPDATE waits for the row's lock has
   * moved the version on, and PostgreSQL re-checks the locked row's new version against it, so a
   * save never lands on what was submitted meanwhile.
   */
  async saveContent(
    id: string,
    fields: ContentFields,
    expectedVersion: number | undefined,
    edit: ContentEdit,
  ): Promise<ApplicationRecord | undefined> {
    const [row] = await this.runSave<ApplicationRow>(
      'applications.saveContent',
      applicationSelect([], 'saved a'),
      id,
      fields,
      expectedVersion,
      edit,
    );
    return row ? { ...toApplication(row), id } : undefined;
  }

  /** The same save, answering only the new version: no joins, nothing more to send back (the pages' autosave). */
  async saveContentVersion(
    id: string,
    fields: ContentFields,
    expectedVersion: number | undefined,
    edit: ContentEdit,
  ): Promise<number | undefined> {
    const [row] = await this.runSave<{ version: number }>(
      'applications.saveContentVersion',
      'SELECT version FROM saved',
      id,
      fields,
      expectedVersion,
      edit,
    );
    return row?.version;
  }

  /** The save's statement, `answer` selecting from `saved` (the updated row): every column is set (unchanged ones to themselves), so the text is one per answer. */
  private async runSave<T>(
    name: string,
    answer: string,
    id: string,
    fields: ContentFields,
    expectedVersion: number | undefined,
    edit: ContentEdit,
  ): Promise<T[]> {
    const { params } = edit;
    const changed = CONTENT_COLUMNS.filter(([field]) => fields[field] !== undefined).map(([field]) => field);
    const list = params.add(changed);
    const sets = CONTENT_COLUMNS.map(
      ([field, column, type]) =>
        `${column} = CASE WHEN '${field}' = ANY(${list}::text[]) THEN ${params.add(fields[field] ?? null)}::${type} ELSE a.${column} END`,
    );
    const idParam = params.add(id);
    const version = params.add(expectedVersion ?? null);
    const statement = prepared(
      name,
      `WITH current AS (
         SELECT a.id, a.version FROM applications a
          WHERE a.id = ${idParam} AND (${version}::int IS NULL OR a.version = ${version}::int)
            AND ${edit.editor} AND ${editableSidesSql()}
       ), saved AS (
         UPDATE applications a SET ${sets.join(', ')}, version = a.version + 1, updated_at = now()
           FROM current WHERE a.id = current.id AND a.version = current.version
         RETURNING a.*
       ), logged AS (
         INSERT INTO application_events (application_id, actor_id, action, fields, occurred_at)
         SELECT id, ${params.add(edit.actorId)}::uuid, 'application.edited', ${list}::text[], ${params.add(edit.at)}::timestamptz FROM saved
       )
       ${answer}`,
    );
    return runPrepared<T>(this.db.manager, statement, params.values);
  }

  async insert(manager: EntityManager, callId: string, piUserId: string, content: Required<ContentFields>): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO applications (call_id, track_id, pi_user_id, title, abstract, field_code, keywords, duration_months, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft') RETURNING id`,
      [callId, content.trackId, piUserId, content.title, content.abstract, content.fieldCode, content.keywords, content.durationMonths],
    );
    return rows[0]!.id;
  }

  async insertSide(manager: EntityManager, applicationId: string, agencyId: string, fields: SideFields): Promise<void> {
    await manager.query(
      `INSERT INTO application_sides (application_id, call_id, agency_id, status, pi_user_id, institution_id, budget_per_year, budget_currency)
       VALUES ($1, ${CALL_OF_APPLICATION}, $2, 'draft', $3, $4, $5, $6)`,
      [
        applicationId,
        agencyId,
        fields.piUserId ?? null,
        fields.institutionId ?? null,
        fields.budgetPerYear ?? [],
        fields.budgetCurrency ?? null,
      ],
    );
  }

  /**
   * Locks the application row, then reads its sides' statuses in a statement of their own: under READ
   * COMMITTED that statement sees what a submission committed while this one waited for the lock
   * (one joined SELECT ... FOR UPDATE would re-check only the locked row, not the sides).
   */
  async lockForEdit(manager: EntityManager, id: string): Promise<{ status: SideStatus }[]> {
    await runPrepared(manager, LOCK, [id]);
    return manager.query<{ status: SideStatus }[]>(`SELECT status FROM application_sides WHERE application_id = $1`, [id]);
  }

  async version(manager: EntityManager, id: string): Promise<number | undefined> {
    const rows = await manager.query<{ version: number }[]>(`SELECT version FROM applications WHERE id = $1`, [id]);
    return rows[0]?.version;
  }

  /** Any change to a part of the application (side, member) bumps its version, under the same check. */
  async touch(manager: EntityManager, id: string, expectedVersion: number | undefined): Promise<boolean> {
    return (await updateIfVersion(manager, 'applications', id, {}, expectedVersion)) !== undefined;
  }

  async updateSide(manager: EntityManager, applicationId: string, agencyId: string, fields: SideFields): Promise<void> {
    const columns: [string, unknown][] = [
      ['pi_user_id', fields.piUserId],
      ['pi_name', fields.piName],
      ['pi_email', fields.piEmail],
      ['pi_orcid', fields.piOrcid],
      ['institution_id', fields.institutionId],
      ['budget_per_year', fields.budgetPerYear],
      ['budget_currency', fields.budgetCurrency],
      ['existing_grant_number', fields.existingGrantNumber],
    ];
    const set = columns.filter(([, value]) => value !== undefined);
    if (set.length === 0) return;
    await manager.query(
      `UPDATE application_sides SET ${set.map(([column], i) => `${column} = $${i + 3}`).join(', ')} WHERE application_id = $1 AND agency_id = $2`,
      [applicationId, agencyId, ...set.map(([, value]) => value)],
    );
  }

  /**
   * One step of the application's own flow (submit, approve, return, reopen, withdraw), written in
   * one statement while the caller holds the application's lock (loadForStep):
   * - the frozen submission, numbered after the last (a submit only);
   * - an event per changed side, in the order of the changes, and a receipt for each change that
   *   earns one (a fresh number, JC-2027-000123: at least six digits, since lpad alone would cut a
   *   seventh off and repeat numbers past a million), naming its event and the latest submission;
   * - each changed side's status (a side back to draft or returned forgets its integrity checks),
   *   the integrity checks of the side whose office records them with this step, and, for a side
   *   reaching its agency, its receipt number and time;
   * - the application's summary status, with its office rows, and its version moved on.
   * Answers the new version, the number of the submission the receipts name, and each changed
   * side's event and receipt number.
   */
  async recordStep(manager: EntityManager, step: StepWrite): Promise<StepRecord> {
    const [row] = await runPrepared<StepRow>(manager, RECORD_STEP, [
      step.applicationId,
      step.actorId,
      step.at,
      step.action,
      step.changes.map((c) => c.agencyId),
      step.changes.map((c) => c.from),
      step.changes.map((c) => c.to),
      step.changes.map((c) => c.comment),
      step.changes.map((c) => c.receipt),
      step.checkedSide,
      step.submission ? JSON.stringify(step.submission.proposal) : null,
      step.submission ? JSON.stringify(step.submission.parts) : null,
      step.status,
    ]);
    return {
      version: row!.version,
      submissionNumber: row!.submission_number,
      events: new Map(row!.events.map((e) => [e.agencyId, e.eventId])),
      receipts: new Map(row!.receipts.map((r) => [r.agencyId, r.number])),
    };
  }

  /** Re-derives the summary status of applications from their sides, after sides changed elsewhere. */
  async refreshStatuses(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await manager.query<{ application_id: string; statuses: SideStatus[] }[]>(
      `SELECT application_id, array_agg(status) AS statuses FROM application_sides WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
      [ids],
    );
    await manager.query(
      `WITH changed AS (
         UPDATE applications a SET status = v.status, version = a.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::text[]) AS v(id, status) WHERE a.id = v.id AND a.status <> v.status RETURNING a.id, a.status)
       ${STATUS_TO_INSTITUTIONS}`,
      [rows.map((r) => r.application_id), rows.map((r) => applicationStatus(r.statuses.map((status) => ({ status }))))],
    );
  }

  /** Name, e-mail, ORCID iD and country of a user, for the PI's own team entry. */
  async profile(
    manager: EntityManager,
    userId: string,
  ): Promise<{ name: string; email: string; orcid: string | null; country: string | null } | undefined> {
    const rows = await manager.query<{ name: string; email: string; orcid: string | null; country: string | null }[]>(
      `SELECT u.name, u.email, u.orcid, o.country FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    );
    return rows[0];
  }

  async organisation(id: string): Promise<{ kind: string; timeZone: string } | undefined> {
    const rows = await this.db.query<{ kind: string; time_zone: string }[]>(`SELECT kind, time_zone FROM organisations WHERE id = $1`, [
      id,
    ]);
    return rows[0] && { kind: rows[0].kind, timeZone: rows[0].time_zone };
  }

  async insertMember(manager: EntityManager, applicationId: string, member: MemberFields): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO application_members (application_id, call_id, user_id, name, email, orcid, role, early_career, institution_id, country)
       VALUES ($1, ${CALL_OF_APPLICATION}, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [applicationId, ...memberParams(member)],
    );
    return rows[0]!.id;
  }

  async updateMember(manager: EntityManager, applicationId: string, memberId: string, member: MemberFields): Promise<boolean> {
    const rows: unknown = await manager.query(
      `UPDATE application_members SET user_id = $3, name = $4, email = $5, orcid = $6, role = $7, early_career = $8, institution_id = $9, country = $10
        WHERE application_id = $1 AND id = $2`,
      [applicationId, memberId, ...memberParams(member)],
    );
    return Array.isArray(rows) && rows[1] === 1;
  }

  async deleteMember(manager: EntityManager, applicationId: string, memberId: string): Promise<boolean> {
    const rows: unknown = await manager.query(`DELETE FROM application_members WHERE application_id = $1 AND id = $2`, [
      applicationId,
      memberId,
    ]);
    return Array.isArray(rows) && rows[1] === 1;
  }

  /**
   * One page of a view, newest first, by keyset on (created_at, id): the team's own applications,
   * those touching the office's institution, or those an agency has received. Limit + 1 rows.
   * A read that may lag (a replica, unless the reader wrote since), in one statement (the sides aggregated per listed application after the limit).
   */
  list(filter: ApplicationListFilter, reader: Reader): Promise<ApplicationSummaryRow[]> {
    return this.laggingReads.run(reader, (manager) => this.listOn(manager, filter));
  }

  private async listOn(manager: EntityManager, filter: ApplicationListFilter): Promise<ApplicationSummaryRow[]> {
    const sql = new SqlParams();
    // The office view walks one index range of application_institutions, newest first (docs/performance.md);
    // the others filter applications by the team or the receiving agency.
    const office = filter.view === 'office';
    const from = office
      ? `application_institutions k JOIN applications a ON a.id = k.application_id AND k.institution_id = ${sql.add(filter.office)}::uuid`
      : `applications a`;
    const key = office ? { createdAt: 'k.created_at', id: 'k.application_id' } : { createdAt: 'a.created_at', id: 'a.id' };
    const where: string[] = [];
    if (filter.view === 'mine') {
      const user = `${sql.add(filter.userId)}::uuid`;
      where.push(`(a.pi_user_id = ${user} OR EXISTS (SELECT 1 FROM application_members m WHERE m.application_id = a.id AND m.user_id = ${user})
                   OR EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id AND s.pi_user_id = ${user}))`);
    } else if (filter.view === 'agency') {
      where.push(`EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id AND s.agency_id = ${sql.add(filter.agency)}::uuid
                   AND ${receivedSideSql('s')})`);
    }
    // The office's rows carry the call and the status, so those filters stay within one index range.
    const row = office ? 'k' : 'a';
    if (filter.callId) where.push(`${row}.call_id = ${sql.add(filter.callId)}`);
    if (filter.status) where.push(`${row}.status = ${sql.add(filter.status)}`);
    if (filter.field) where.push(`a.field_code = ${sql.add(filter.field)}`);
    if (filter.deadlineFrom || filter.deadlineTo) {
      where.push(`EXISTS (SELECT 1 FROM call_agencies d WHERE d.call_id = a.call_id
                    AND d.deadline >= coalesce(${sql.add(filter.deadlineFrom ?? null)}::timestamptz, '-infinity')
                    AND d.deadline < coalesce(${sql.add(filter.deadlineTo ?? null)}::timestamptz, 'infinity'))`);
    }
    if (filter.after) {
      where.push(`(${key.createdAt}, ${key.id}) < (${sql.add(filter.after.createdAt)}::timestamptz, ${sql.add(filter.after.id)}::uuid)`);
    }
    // One statement: the page by keyset, then each listed application's sides, aggregated after the limit.
    const statement = preparedShape(
      'applications.list',
      `SELECT page.*,
              (SELECT coalesce(json_agg(json_build_object(
                        'agency_id', s.agency_id, 'short_name', ag.short_name, 'status', s.status, 'role', ca.role,
                        'deadline', ca.deadline, 'time_zone', ca.time_zone, 'receipt_number', s.receipt_number,
                        'institution_id', s.institution_id, 'institution_short_name', i.short_name,
                        'institution_country', i.country, 'institution_deadline', idl.deadline)
                      ORDER BY ca.role, ca.sort_order), '[]')
                 FROM application_sides s
                 JOIN call_agencies ca ON ca.call_id = page.call_id AND ca.agency_id = s.agency_id
                 JOIN organisations ag ON ag.id = s.agency_id LEFT JOIN organisations i ON i.id = s.institution_id
                 LEFT JOIN institution_deadlines idl ON idl.call_id = page.call_id AND idl.institution_id = s.institution_id
                WHERE s.application_id = page.id) AS sides
         FROM (SELECT a.id, a.call_id, c.title_en, c.title_ja, a.title, a.status, a.pi_user_id,
                      to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
                 FROM ${from} JOIN calls c ON c.id = a.call_id
                ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
                ORDER BY ${key.createdAt} DESC, ${key.id} DESC LIMIT ${sql.add(filter.limit + 1)}) page
        ORDER BY page.created_at DESC, page.id DESC`,
    );
    const rows = await runPrepared<ApplicationListRow>(manager, statement, sql.values);
    return rows.map(toListedApplication);
  }

  /**
   * One row per side, for the CSV exports: every application touching an office's institution (a
   * side's or a member's), or one call's applications that reached an agency (as the agency view of
   * list scopes them). The scope is required: an export without one is refused, not widened.
   */
  async exportRows(scope: ExportScope, filter: { callId?: string; status?: string; field?: string } = {}): Promise<ExportRow[]> {
    const sql = new SqlParams();
    let from: string;
    const where: string[] = [];
    if ('office' in scope) {
      if (!scope.office) throw new Error('An office export names its institution');
      from = `application_institutions k JOIN applications a ON a.id = k.application_id`;
      where.push(`k.institution_id = ${sql.add(scope.office)}::uuid`);
      if (filter.callId) where.push(`k.call_id = ${sql.add(filter.callId)}`);
      if (filter.status) where.push(`k.status = ${sql.add(filter.status)}`);
    } else {
      if (!scope.agency || !scope.callId) throw new Error('An agency export names its agency and its call');
      from = `applications a`;
      where.push(`a.call_id = ${sql.add(scope.callId)}::uuid`);
      where.push(`EXISTS (SELECT 1 FROM application_sides r WHERE r.application_id = a.id AND r.agency_id = ${sql.add(scope.agency)}::uuid
                   AND ${receivedSideSql('r')})`);
      if (filter.status) where.push(`a.status = ${sql.add(filter.status)}`);
    }
    if (filter.field) where.push(`a.field_code = ${sql.add(filter.field)}`);
    return this.db.query<ExportRow[]>(
      `SELECT a.id, c.title_en AS call_title, a.title, a.status, pi.name AS pi_name, s.agency_id, ag.short_name AS agency,
              s.status AS side_status, i.short_name AS institution, ca.deadline, s.receipt_number, s.submitted_at,
              (SELECT sum(b) FROM unnest(s.budget_per_year) b) AS budget_total, s.budget_currency
         FROM ${from}
         JOIN calls c ON c.id = a.call_id
         JOIN users pi ON pi.id = a.pi_user_id
         JOIN application_sides s ON s.application_id = a.id
         JOIN call_agencies ca ON ca.call_id = a.call_id AND ca.agency_id = s.agency_id
         JOIN organisations ag ON ag.id = s.agency_id
         LEFT JOIN organisations i ON i.id = s.institution_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at, a.id, ca.role, ca.sort_order`,
      sql.values,
    );
  }

  /** The language the user reads jointcall in (users.language). */
  async userLanguage(userId: string): Promise<string | undefined> {
    const rows = await this.db.query<{ language: string }[]>(`SELECT language FROM users WHERE id = $1`, [userId]);
    return rows[0]?.language;
  }

  async setInstitutionDeadline(callId: string, institutionId: string, deadline: Date, setBy: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO institution_deadlines (call_id, institution_id, deadline, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (call_id, institution_id) DO UPDATE SET deadline = EXCLUDED.deadline, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
      [callId, institutionId, deadline, setBy, at],
    );
  }

  /** Re-derives which institutions the application touches, after its sides or members changed. */
  async refreshInstitutions(manager: EntityManager, applicationId: string): Promise<void> {
    const involved = `SELECT institution_id FROM application_sides WHERE application_id = $1 AND institution_id IS NOT NULL
                      UNION SELECT institution_id FROM application_members WHERE application_id = $1 AND institution_id IS NOT NULL`;
    await manager.query(`DELETE FROM application_institutions WHERE application_id = $1 AND institution_id NOT IN (${involved})`, [
      applicationId,
    ]);
    await manager.query(
      `INSERT INTO application_institutions (application_id, institution_id, call_id, status, created_at)
       SELECT $1, x.institution_id, a.call_id, a.status, a.created_at FROM (${involved}) x JOIN applications a ON a.id = $1 ON CONFLICT DO NOTHING`,
      [applicationId],
    );
  }

  async insertEvent(
    manager: EntityManager,
    event: {
      applicationId: string;
      agencyId: string | null;
      actorId: string;
      action: ApplicationEventAction;
      from: string | null;
      to: string | null;
      comment: string | null;
      at: Date;
    },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO application_events (application_id, agency_id, actor_id, action, from_status, to_status, comment, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [event.applicationId, event.agencyId, event.actorId, event.action, event.from, event.to, event.comment, event.at],
    );
    return String(row!.id);
  }

  /**
   * An agency's step on its own side of some applications (eligibility, start of review, decision),
   * inside the caller's transaction: the sides are locked, the state function decides each
   * (agencyStep), and every change is written with its event and the applications' summaries. A
   * side the step may not start from refuses the whole step (WRONG_STATE); a side whose
   * review has started on is left as it is, without an event. The one way another feature moves a side.
   */
  async takeAgencyStep(
    manager: EntityManager,
    step: {
      readonly action: AgencyAction['type'];
      readonly agencyId: string;
      readonly applicationIds: readonly string[];
      /** For judge_eligibility. */
      readonly eligible?: boolean;
      /** For decide: a partner confirming on the lead agency's review. */
      readonly onLeadReview?: boolean;
      /** Kept on the side (eligibility) and on the event. */
      readonly comment: string | null;
      readonly actorId: string;
      readonly at: Date;
    },
  ): Promise<SideChange[]> {
    const rows = await manager.query<{ application_id: string; status: SideStatus }[]>(
      `SELECT application_id, status FROM application_sides
        WHERE agency_id = $1 AND application_id = ANY($2::uuid[]) ORDER BY application_id FOR UPDATE`,
      [step.agencyId, step.applicationIds],
    );
    const action: AgencyAction =
      step.action === 'judge_eligibility'
        ? { type: step.action, agencyId: step.agencyId, eligible: step.eligible === true }
        : step.action === 'decide'
          ? { type: step.action, agencyId: step.agencyId, onLeadReview: step.onLeadReview === true }
          : { type: step.action, agencyId: step.agencyId };
    const changes: (SideChange & { applicationId: string })[] = [];
    for (const row of rows) {
      const to = agencyStep(row.status, action);
      if (to === undefined) {
        throw new RuleViolationError('WRONG_STATE', `The side is ${row.status.replace(/_/g, ' ')}: ${agencyStepRefusal(action)}`);
      }
      // A judgement or a decision made again is recorded again; a review already started does not start twice.
      if (to !== row.status || step.action !== 'start_review') {
        changes.push({ applicationId: row.application_id, agencyId: step.agencyId, from: row.status, to });
      }
    }
    if (changes.length === 0) return [];
    await manager.query(
      `UPDATE application_sides s SET status = v.status,
              eligibility_reason = CASE WHEN $5 THEN coalesce($4, s.eligibility_reason) ELSE s.eligibility_reason END
         FROM unnest($2::uuid[], $3::text[]) AS v(application_id, status)
        WHERE s.agency_id = $1 AND s.application_id = v.application_id`,
      [step.agencyId, changes.map((c) => c.applicationId), changes.map((c) => c.to), step.comment, step.action === 'judge_eligibility'],
    );
    await manager.query(
      `INSERT INTO application_events (application_id, agency_id, actor_id, action, from_status, to_status, comment, occurred_at)
       SELECT v.application_id, $1, $2, $3, v.from_status, v.to_status, $4, $5
         FROM unnest($6::uuid[], $7::text[], $8::text[]) AS v(application_id, from_status, to_status) ORDER BY v.application_id`,
      [
        step.agencyId,
        step.actorId,
        AGENCY_STEP_EVENTS[step.action],
        step.comment,
        step.at,
        changes.map((c) => c.applicationId),
        changes.map((c) => c.from),
        changes.map((c) => c.to),
      ],
    );
    await this.refreshStatuses(
      manager,
      changes.map((c) => c.applicationId),
    );
    return changes;
  }

  /**
   * Sides not yet with their agency whose deadline is within the largest offset: drafts and
   * returned sides (for the applicants) and sides waiting for approval (for the office). Each row
   * carries the smallest offset already reached; rows whose reminder at that offset went out
   * (a notice mark) are left out.
   */
  async dueDeadlineReminders(now: Date, offsetsMinutes: readonly number[]): Promise<DeadlineReminderRow[]> {
    if (offsetsMinutes.length === 0) return [];
    const rows = await this.db.query<DueSideRow[]>(
      `SELECT s.application_id, s.agency_id, s.status, s.institution_id, s.pi_user_id AS side_pi_user_id,
              a.title, a.pi_user_id, c.title_en, c.title_ja, ag.short_name AS agency, ca.deadline, ca.time_zone, due.offset_minutes,
              ARRAY(SELECT m.user_id FROM application_members m
                     WHERE m.application_id = a.id AND m.role = 'co_pi' AND m.user_id IS NOT NULL) AS co_pi_user_ids
         FROM call_agencies ca
         JOIN calls c ON c.id = ca.call_id AND c.cancelled_at IS NULL
         JOIN applications a ON a.call_id = ca.call_id
         JOIN application_sides s ON s.application_id = a.id AND s.agency_id = ca.agency_id
         JOIN organisations ag ON ag.id = ca.agency_id
         CROSS JOIN LATERAL (
           SELECT min(o) AS offset_minutes FROM unnest($2::int[]) AS o WHERE ca.deadline - make_interval(mins => o) <= $1
         ) due
        WHERE ca.deadline > $1 AND ca.deadline <= $1 + make_interval(mins => $3)
          AND s.status IN ('draft', 'returned', 'pending_institution')
          AND due.offset_minutes IS NOT NULL
          AND ${notSentYet({
            when: `s.status = 'pending_institution'`,
            either: [
              {
                kind: 'approval_reminder',
                applicationId: 's.application_id',
                agencyId: 's.agency_id',
                offsetMinutes: 'due.offset_minutes',
              },
              {
                kind: 'deadline_reminder',
                applicationId: 's.application_id',
                agencyId: 's.agency_id',
                offsetMinutes: 'due.offset_minutes',
              },
            ],
          })}
        ORDER BY ca.deadline, s.application_id, s.agency_id`,
      [now, offsetsMinutes, Math.max(...offsetsMinutes)],
    );
    return rows.map(toDeadlineReminder);
  }

  async events(applicationId: string): Promise<EventRow[]> {
    return this.db.query<EventRow[]>(
      `SELECT e.id, e.action, e.from_status, e.to_status, e.comment, e.fields, e.occurred_at, e.agency_id, ag.short_name AS agency_short_name,
              u.id AS actor_id, u.name AS actor_name, r.kind AS receipt_kind, r.number AS receipt_number
         FROM application_events e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN organisations ag ON ag.id = e.agency_id
         LEFT JOIN application_receipts r ON r.application_id = e.application_id AND r.event_id = e.id
        WHERE e.application_id = $1 ORDER BY e.occurred_at, e.id`,
      [applicationId],
    );
  }
}

/** The event of an agency's decision on its side; its comment (funded or not) waits for the call's results to be released. */
export const DECISION_EVENT: ApplicationEventAction = AGENCY_STEP_EVENTS.decide;

export interface ApplicationListFilter {
  readonly view: 'mine' | 'office' | 'agency';
  readonly userId: string;
  readonly office: string | null;
  readonly agency: string | null;
  readonly callId?: string;
  readonly status?: string;
  readonly field?: string;
  readonly deadlineFrom?: Date;
  readonly deadlineTo?: Date;
  /** Keyset: (created_at, id) of the previous page's last row, newest first. */
  readonly after?: { readonly createdAt: string; readonly id: string };
  readonly limit: number;
}

export interface ApplicationSummaryRow {
  readonly id: string;
  readonly callId: string;
  readonly callTitleEn: string;
  readonly callTitleJa: string;
  readonly title: string;
  readonly status: ApplicationStatus;
  readonly piUserId: string;
  readonly createdAt: string;
  /** The lead institution's internal deadline for the call. */
  readonly institutionDeadline: Date | null;
  readonly sides: readonly {
    readonly agencyId: string;
    readonly agencyShortName: string;
    readonly status: SideStatus;
    readonly deadline: Date;
    readonly timeZone: string;
    readonly receiptNumber: string | null;
    readonly institutionId: string | null;
    readonly institutionShortName: string | null;
    readonly institutionCountry: string | null;
  }[];
}

/** A member's columns in the order the insert and the update list them. */
function memberParams(member: MemberFields): unknown[] {
  return [member.userId, member.name, member.email, member.orcid, member.role, member.earlyCareer, member.institutionId, member.country];
}

/** load: a receipt as the JSON aggregate spells it, its time as text. */
interface ReceiptJson {
  readonly number: string;
  readonly kind: ReceiptKind;
  readonly agencyId: string;
  readonly agencyShortName: string;
  readonly issuedAt: string;
  readonly submissionNumber: number | null;
}

/** load: `a.*` with the call's titles, and the receipts, sides and members as JSON. */
interface ApplicationRow {
  readonly id: string;
  readonly call_id: string;
  readonly track_id: string;
  readonly pi_user_id: string;
  readonly title: string;
  readonly abstract: string;
  readonly field_code: string | null;
  readonly keywords: string[];
  readonly duration_months: number | null;
  readonly status: ApplicationStatus;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly version: number;
  readonly call_title_en: string;
  readonly call_title_ja: string;
  readonly receipts: ReceiptJson[];
  readonly sides: SideJson[];
  readonly members: MemberRow[];
}

/**
 * load: a side's row (`to_jsonb(s)`) with the call's terms for the agency, the agency's and
 * institution's names, the internal deadline and the PI's account; its times as text.
 */
interface SideJson {
  readonly application_id: string;
  readonly agency_id: string;
  readonly call_id: string;
  readonly status: SideStatus;
  readonly pi_user_id: string | null;
  readonly pi_name: string | null;
  readonly pi_email: string | null;
  readonly pi_orcid: string | null;
  readonly institution_id: string | null;
  readonly budget_per_year: number[];
  /** char(3), blank-padded. */
  readonly budget_currency: string | null;
  readonly existing_grant_number: string | null;
  readonly export_control_checked_at: string | null;
  readonly disclosures_received_at: string | null;
  readonly receipt_number: string | null;
  readonly submitted_at: string | null;
  readonly eligibility_reason: string | null;
  readonly role: SideRecord['role'];
  readonly deadline: string;
  readonly time_zone: string;
  readonly institution_approval_required: boolean;
  readonly agency_short_name: string;
  readonly institution_short_name: string | null;
  readonly institution_country: string | null;
  readonly institution_deadline: string | null;
  readonly pi_user_name: string | null;
  readonly pi_user_email: string | null;
}

/** load: a member's row (`to_jsonb(m)`). */
interface MemberRow {
  readonly id: string;
  readonly application_id: string;
  readonly call_id: string;
  readonly user_id: string | null;
  readonly name: string;
  readonly email: string | null;
  readonly orcid: string | null;
  readonly role: MemberRole;
  readonly early_career: boolean;
  readonly institution_id: string | null;
  /** char(2), blank-padded. */
  readonly country: string | null;
}

function toApplication(row: ApplicationRow): ApplicationRecord {
  return {
    id: row.id,
    callId: row.call_id,
    callTitleEn: row.call_title_en,
    callTitleJa: row.call_title_ja,
    trackId: row.track_id,
    piUserId: row.pi_user_id,
    title: row.title,
    abstract: row.abstract,
    fieldCode: row.field_code,
    keywords: row.keywords,
    durationMonths: row.duration_months,
    status: row.status,
    version: row.version,
    sides: row.sides.map(toSide),
    members: row.members.map(toMember),
    receipts: row.receipts.map(toReceipt),
  };
}

function toSide(row: SideJson): SideRecord {
  return {
    agencyId: row.agency_id,
    agencyShortName: row.agency_short_name,
    role: row.role,
    deadline: new Date(row.deadline),
    timeZone: row.time_zone,
    approvalRequired: row.institution_approval_required,
    status: row.status,
    piUserId: row.pi_user_id,
    piName: row.pi_name,
    piEmail: row.pi_email,
    piOrcid: row.pi_orcid,
    piUserName: row.pi_user_name,
    piUserEmail: row.pi_user_email,
    institutionId: row.institution_id,
    institutionShortName: row.institution_short_name,
    institutionCountry: row.institution_country,
    budgetPerYear: row.budget_per_year.map(Number),
    budgetCurrency: row.budget_currency?.trim() ?? null,
    existingGrantNumber: row.existing_grant_number,
    exportControlCheckedAt: dateOrNull(row.export_control_checked_at),
    disclosuresReceivedAt: dateOrNull(row.disclosures_received_at),
    receiptNumber: row.receipt_number,
    submittedAt: dateOrNull(row.submitted_at),
    institutionDeadline: dateOrNull(row.institution_deadline),
  };
}

function dateOrNull(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}

function toMember(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    orcid: row.orcid,
    role: row.role,
    earlyCareer: row.early_career,
    institutionId: row.institution_id,
    country: row.country?.trim() ?? null,
  };
}

function toReceipt(json: ReceiptJson): ReceiptRecord {
  return { ...json, issuedAt: new Date(json.issuedAt) };
}

/** list: an application of the page, its creation time as text for the keyset. */
interface ApplicationListRow {
  readonly id: string;
  readonly call_id: string;
  readonly title_en: string;
  readonly title_ja: string;
  readonly title: string;
  readonly status: ApplicationStatus;
  readonly pi_user_id: string;
  readonly created_at: string;
  readonly sides: readonly ListSideJson[];
}

/** list: a side of an application on the page, as the JSON aggregate spells it (its times as text). */
interface ListSideJson {
  readonly agency_id: string;
  readonly short_name: string;
  readonly status: SideStatus;
  readonly role: SideRecord['role'];
  readonly deadline: string;
  readonly time_zone: string;
  readonly receipt_number: string | null;
  readonly institution_id: string | null;
  readonly institution_short_name: string | null;
  readonly institution_country: string | null;
  readonly institution_deadline: string | null;
}

/** An application of the page with its own sides; the lead side's institution sets the internal deadline shown. */
function toListedApplication(row: ApplicationListRow): ApplicationSummaryRow {
  const lead = row.sides.find((s) => s.role === 'lead');
  return {
    id: row.id,
    callId: row.call_id,
    callTitleEn: row.title_en,
    callTitleJa: row.title_ja,
    title: row.title,
    status: row.status,
    piUserId: row.pi_user_id,
    createdAt: row.created_at,
    institutionDeadline: lead?.institution_deadline ? new Date(lead.institution_deadline) : null,
    sides: row.sides.map(toListedSide),
  };
}

function toListedSide(row: ListSideJson): ApplicationSummaryRow['sides'][number] {
  return {
    agencyId: row.agency_id,
    agencyShortName: row.short_name,
    status: row.status,
    deadline: new Date(row.deadline),
    timeZone: row.time_zone,
    receiptNumber: row.receipt_number,
    institutionId: row.institution_id,
    institutionShortName: row.institution_short_name,
    institutionCountry: row.institution_country,
  };
}

/** Whose applications an export holds: an office's institution's, or those of one call that reached an agency. */
export type ExportScope = { readonly office: string } | { readonly agency: string; readonly callId: string };

/** exportRows: one side of an application. */
export interface ExportRow {
  readonly id: string;
  readonly call_title: string;
  readonly title: string;
  readonly status: ApplicationStatus;
  readonly pi_name: string;
  readonly agency_id: string;
  readonly agency: string;
  readonly side_status: SideStatus;
  readonly institution: string | null;
  readonly deadline: Date;
  readonly receipt_number: string | null;
  readonly submitted_at: Date | null;
  /** sum() of bigints is numeric, as text; null when the side has no budget. */
  readonly budget_total: string | null;
  /** char(3), blank-padded. */
  readonly budget_currency: string | null;
}

/** dueDeadlineReminders: a side due a reminder, with the smallest offset reached. */
interface DueSideRow {
  readonly application_id: string;
  readonly agency_id: string;
  readonly status: SideStatus;
  readonly institution_id: string | null;
  readonly side_pi_user_id: string | null;
  readonly title: string;
  readonly pi_user_id: string;
  readonly title_en: string;
  readonly title_ja: string;
  readonly agency: string;
  readonly deadline: Date;
  readonly time_zone: string;
  /** min() of int4: a number. */
  readonly offset_minutes: number;
  readonly co_pi_user_ids: string[];
}

function toDeadlineReminder(row: DueSideRow): DeadlineReminderRow {
  return {
    applicationId: row.application_id,
    agencyId: row.agency_id,
    pendingApproval: row.status === 'pending_institution',
    institutionId: row.institution_id,
    sidePiUserId: row.side_pi_user_id,
    piUserId: row.pi_user_id,
    coPiUserIds: row.co_pi_user_ids,
    title: row.title,
    callTitle: { en: row.title_en, ja: row.title_ja },
    agency: row.agency,
    deadline: new Date(row.deadline),
    timeZone: row.time_zone,
    offsetMinutes: row.offset_minutes,
  };
}

/** events: an event with its agency's name, its actor's account if any and the receipt it issued, if any. */
export type EventRow = EventColumns & EventActorColumns & EventReceiptColumns;

interface EventColumns {
  /** bigint: as text. */
  readonly id: string;
  readonly action: ApplicationEventAction;
  readonly from_status: string | null;
  readonly to_status: string | null;
  readonly comment: string | null;
  readonly fields: string[] | null;
  readonly occurred_at: Date;
  readonly agency_id: string | null;
  readonly agency_short_name: string | null;
}

/** The actor's account, joined: both columns or neither. */
type EventActorColumns =
  { readonly actor_id: string; readonly actor_name: string } | { readonly actor_id: null; readonly actor_name: null };

/** The receipt the event issued, joined: both columns or neither. */
type EventReceiptColumns =
  { readonly receipt_kind: ReceiptKind; readonly receipt_number: string } | { readonly receipt_kind: null; readonly receipt_number: null };
