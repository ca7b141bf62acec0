import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { prepared, returningRows, runPrepared } from '#platform';
import type { Question } from '../rules/form-definition.js';

export interface FormRecord {
  readonly id: string;
  readonly callId: string;
  readonly version: number;
  readonly questions: readonly Question[];
  readonly savedAt: Date;
}

export interface AnswersRecord {
  readonly formVersion: number;
  readonly answers: Record<string, unknown>;
  readonly updatedAt: Date;
  /** Bumped by every save; 0 while nothing is saved. */
  readonly version: number;
}

/** submissionState: application $1 of call $2; the form of the saved answers' version, else the latest. */
const SUBMISSION_STATE = prepared(
  'forms.submissionState',
  `SELECT a.form_version, a.answers, a.updated_at, a.version,
          f.id AS form_id, f.version AS form_number, f.questions AS form_questions, f.saved_at AS form_saved_at
     FROM (SELECT 1) one
     LEFT JOIN application_answers a ON a.application_id = $1
     LEFT JOIN LATERAL (SELECT id, version, questions, saved_at FROM call_forms
                         WHERE call_id = $2 AND (a.form_version IS NULL OR version = a.form_version)
                         ORDER BY version DESC LIMIT 1) f ON true`,
);

@Injectable()
export class FormsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** A version of the call's form, or its latest when `version` is undefined. */
  async form(callId: string, version?: number, manager: EntityManager = this.db.manager): Promise<FormRecord | undefined> {
    const rows = await manager.query<FormRow[]>(
      `SELECT id, call_id, version, questions, saved_at FROM call_forms
        WHERE call_id = $1 AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1`,
      [callId, version ?? null],
    );
    return rows[0] && toForm(rows[0]);
  }

  /** Every version of the call's form, newest first, in one statement. */
  async formVersions(callId: string): Promise<FormRecord[]> {
    const rows = await this.db.query<FormRow[]>(
      `SELECT id, call_id, version, questions, saved_at FROM call_forms WHERE call_id = $1 ORDER BY version DESC`,
      [callId],
    );
    return rows.map(toForm);
  }

  /** Saves the call's form: a new version, or the given one replaced (before the call opens); under a per-call lock. */
  async saveForm(callId: string, version: number, action: 'create' | 'replace', questions: readonly Question[], by: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('call_forms'), hashtext($1))`, [callId]);
      if (action === 'replace') {
        await manager.query(
          `UPDATE call_forms SET questions = $3::jsonb, saved_by = $4, saved_at = now() WHERE call_id = $1 AND version = $2`,
          [callId, version, JSON.stringify(questions), by],
        );
      } else {
        await manager.query(`INSERT INTO call_forms (call_id, version, questions, saved_by) VALUES ($1, $2, $3::jsonb, $4)`, [
          callId,
          version,
          JSON.stringify(questions),
          by,
        ]);
      }
    });
  }

  async answers(applicationId: string, manager: EntityManager = this.db.manager): Promise<AnswersRecord | undefined> {
    const rows = await manager.query<AnswersRow[]>(
      `SELECT form_version, answers, updated_at, version FROM application_answers WHERE application_id = $1`,
      [applicationId],
    );
    const row = rows[0];
    return row && { formVersion: row.form_version, answers: row.answers, updatedAt: row.updated_at, version: row.version };
  }

  /**
   * What a submission asks of the answers, in one statement: the draft's saved answers, and the
   * version of the call's form they were answered on (its latest when nothing is saved).
   */
  async submissionState(
    applicationId: string,
    callId: string,
    manager: EntityManager,
  ): Promise<{ answers: AnswersRecord | undefined; form: FormRecord | undefined }> {
    const [row] = await runPrepared<SubmissionStateRow>(manager, SUBMISSION_STATE, [applicationId, callId]);
    return {
      answers:
        row!.form_version === null
          ? undefined
          : { formVersion: row!.form_version, answers: row!.answers!, updatedAt: row!.updated_at!, version: row!.version! },
      form:
        row!.form_id === null
          ? undefined
          : toForm({
              id: row!.form_id,
              call_id: callId,
              version: row!.form_number!,
              questions: row!.form_questions!,
              saved_at: row!.form_saved_at!,
            }),
    };
  }

  /** The answers' version now: 0 while nothing is saved. */
  async answersVersion(manager: EntityManager, applicationId: string): Promise<number> {
    const rows = await manager.query<{ version: number }[]>(`SELECT version FROM application_answers WHERE application_id = $1`, [
      applicationId,
    ]);
    return rows[0]?.version ?? 0;
  }

  /**
   * Saves the answers (the draft keeps its form version) if their version is still `expectedVersion`
   * (undefined: whatever it is), in one conditional statement that bumps it. Answers the new version,
   * or undefined when the version did not match and nothing was saved. Version 0 is "nothing saved":
   * only then may the row be inserted.
   */
  async saveAnswers(
    manager: EntityManager,
    applicationId: string,
    formVersion: number,
    answers: Record<string, unknown>,
    by: string,
    at: Date,
    expectedVersion: number | undefined,
  ): Promise<number | undefined> {
    const json = JSON.stringify(answers);
    const rows =
      expectedVersion === undefined || expectedVersion === 0
        ? await returningRows<{ version: number }>(
            manager,
            `INSERT INTO application_answers AS saved (application_id, form_version, answers, updated_at, updated_by, version)
             VALUES ($1, $2, $3::jsonb, $4, $5, 1)
             ON CONFLICT (application_id) DO UPDATE
               SET answers = EXCLUDED.answers, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, version = saved.version + 1
               WHERE $6::int IS NULL OR saved.version = $6
             RETURNING version`,
            [applicationId, formVersion, json, at, by, expectedVersion ?? null],
          )
        : await returningRows<{ version: number }>(
            manager,
            `UPDATE application_answers SET answers = $2::jsonb, updated_at = $3, updated_by = $4, version = version + 1
              WHERE application_id = $1 AND version = $5
              RETURNING version`,
            [applicationId, json, at, by, expectedVersion],
          );
    return rows[0]?.version;
  }
}

/** form: a row of call_forms. */
interface FormRow {
  readonly id: string;
  readonly call_id: string;
  readonly version: number;
  readonly questions: Question[];
  readonly saved_at: Date;
}

/** answers: a row of application_answers. */
interface AnswersRow {
  readonly form_version: number;
  readonly answers: Record<string, unknown>;
  readonly updated_at: Date;
  readonly version: number;
}

/** submissionState: the saved answers and the form's columns (each all null when there is none). */
interface SubmissionStateRow {
  readonly form_version: number | null;
  readonly answers: Record<string, unknown> | null;
  readonly updated_at: Date | null;
  readonly version: number | null;
  readonly form_id: string | null;
  readonly form_number: number | null;
  readonly form_questions: Question[] | null;
  readonly form_saved_at: Date | null;
}

function toForm(row: FormRow): FormRecord {
  return { id: row.id, callId: row.call_id, version: row.version, questions: row.questions, savedAt: row.saved_at };
}
