import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
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
}

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
      `SELECT form_version, answers, updated_at FROM application_answers WHERE application_id = $1`,
      [applicationId],
    );
    const row = rows[0];
    return row && { formVersion: row.form_version, answers: row.answers, updatedAt: row.updated_at };
  }

  async saveAnswers(
    manager: EntityManager,
    applicationId: string,
    formVersion: number,
    answers: Record<string, unknown>,
    by: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO application_answers (application_id, form_version, answers, updated_at, updated_by) VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (application_id) DO UPDATE SET answers = EXCLUDED.answers, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [applicationId, formVersion, JSON.stringify(answers), at, by],
    );
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
}

function toForm(row: FormRow): FormRecord {
  return { id: row.id, callId: row.call_id, version: row.version, questions: row.questions, savedAt: row.saved_at };
}
