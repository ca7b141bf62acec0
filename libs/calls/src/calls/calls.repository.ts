import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { containsPattern, LaggingReads, prepared, type Reader, readAll, returningRows, runPrepared, SqlParams } from '#platform';
import { callStatusSql, type CallStatus } from '../rules/call-status.js';
import type { ResultsTimeline } from '../rules/call-timeline.js';
import type { Money } from '../rules/call-validation.js';
import type { AgencyRole, CooperationMode } from './call.entity.js';

export interface AgencyEntry {
  readonly agencyId: string;
  readonly role: AgencyRole;
  readonly deadline: Date;
  readonly timeZone: string;
  readonly deadlineSequence: number;
  readonly budgetCap: Money | null;
  readonly institutionApprovalRequired: boolean;
  /** The agency reviews a side as soon as it can no longer change, not only after its own deadline. */
  readonly reviewOnceFinal: boolean;
  readonly eligibilityNotesJa: string;
  readonly eligibilityNotesEn: string;
  readonly shortName: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly country: string;
}

export interface TrackRow {
  readonly id?: string;
  readonly code: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly maxBudget: Money | null;
  readonly maxDurationMonths: number;
  readonly earlyCareerRequired: boolean;
}

export interface CriterionRow {
  readonly id?: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly descriptionJa: string;
  readonly descriptionEn: string;
  readonly scaleMin: number;
  readonly scaleMax: number;
  readonly weight: number;
  readonly threshold: number | null;
}

export interface CallShared {
  readonly titleJa: string;
  readonly titleEn: string;
  readonly summaryJa: string;
  readonly summaryEn: string;
  readonly mode: CooperationMode;
  readonly eligibleCountries: readonly string[];
  readonly announcedAt: Date | null;
  readonly opensAt: Date;
  readonly reviewStartsAt: Date | null;
  readonly decisionAt: Date | null;
  readonly projectStartOn: string | null;
}

export interface CallRecord extends CallShared {
  readonly id: string;
  readonly programId: string;
  readonly programCode: string;
  readonly programNameJa: string;
  readonly programNameEn: string;
  readonly programAgencyId: string;
  readonly deadlines: readonly Date[];
  readonly publishedAt: Date | null;
  readonly cancelledAt: Date | null;
  readonly cancellationReason: string | null;
  readonly resultsReleasedAt: Date | null;
  readonly version: number;
  readonly agencies: readonly AgencyEntry[];
  readonly tracks: readonly TrackRow[];
  readonly criteria: readonly CriterionRow[];
  readonly fields: readonly { readonly code: string; readonly nameJa: string; readonly nameEn: string }[];
}

/** Who is looking: what a list may show them (published calls, and the drafts of their own agency). */
export interface CallScope {
  readonly userId: string;
  /** The caller's agency when they are one of its program officers; null otherwise. */
  readonly officerAgencyId: string | null;
}

export interface CallListFilter {
  readonly asOf: Date;
  readonly status?: CallStatus;
  readonly field?: string;
  readonly partnerCountry?: string;
  readonly agencyId?: string;
  readonly mode?: CooperationMode;
  readonly deadlineFrom?: Date;
  readonly deadlineTo?: Date;
  readonly q?: string;
  /** Keyset: (next deadline after asOf, nulls last; id) of the previous page's last row. */
  readonly after?: { readonly nextDeadline: Date | null; readonly id: string };
  readonly limit: number;
}

/** What a list item or calendar event shows of a call besides its agencies and fields. */
export interface CallHead {
  readonly id: string;
  readonly programId: string;
  readonly programCode: string;
  readonly programNameJa: string;
  readonly programNameEn: string;
  readonly titleJa: string;
  readonly titleEn: string;
  readonly mode: CooperationMode;
  readonly eligibleCountries: string[];
  readonly cancelledAt: Date | null;
}

export interface CallListRow {
  readonly id: string;
  readonly nextDeadline: Date | null;
  readonly status: CallStatus;
}

/** A page of calls: limit + 1 rows, and what the items of the first `limit` show. */
export interface CallListPage {
  readonly rows: readonly CallListRow[];
  readonly heads: ReadonlyMap<string, CallHead>;
  readonly agencies: ReadonlyMap<string, AgencyEntry[]>;
  readonly fields: ReadonlyMap<string, { code: string; nameJa: string; nameEn: string }[]>;
}

/** What the calendar of some calls shows: their heads and agency entries (one event per agency deadline). */
export interface CalendarEntries {
  readonly callIds: readonly string[];
  readonly heads: ReadonlyMap<string, CallHead>;
  readonly agencies: ReadonlyMap<string, AgencyEntry[]>;
}

const money = (amount: string | number | null, currency: string | null): Money | null =>
  amount === null || currency === null ? null : { amount: Number(amount), currency: currency.trim() };

/**
 * The whole call in one statement: the call with its program, and its agency entries, tracks,
 * criteria and fields as JSON, each in the order the lists show them (numbers that may be large or
 * exact, as text).
 */
const LOAD = prepared(
  'calls.load',
  `SELECT c.*, p.code AS program_code, p.name_ja AS program_name_ja, p.name_en AS program_name_en, p.agency_id AS program_agency_id,
          (SELECT coalesce(jsonb_agg(to_jsonb(a) || jsonb_build_object('budget_cap_amount', a.budget_cap_amount::text,
                    'short_name', o.short_name, 'name_ja', o.name_ja, 'name_en', o.name_en, 'country', o.country)
                  ORDER BY a.role, a.sort_order), '[]')
             FROM call_agencies a JOIN organisations o ON o.id = a.agency_id WHERE a.call_id = c.id) AS agency_rows,
          (SELECT coalesce(jsonb_agg(to_jsonb(t) || jsonb_build_object('max_budget_amount', t.max_budget_amount::text)
                  ORDER BY t.sort_order, t.code), '[]')
             FROM call_tracks t WHERE t.call_id = c.id) AS track_rows,
          (SELECT coalesce(jsonb_agg(to_jsonb(k) || jsonb_build_object('weight', k.weight::text, 'threshold', k.threshold::text)
                  ORDER BY k.sort_order, k.id), '[]')
             FROM call_criteria k WHERE k.call_id = c.id) AS criterion_rows,
          (SELECT coalesce(jsonb_agg(jsonb_build_object('code', f.code, 'name_ja', f.name_ja, 'name_en', f.name_en) ORDER BY f.sort_order), '[]')
             FROM call_fields cf JOIN research_fields f ON f.code = cf.field_code WHERE cf.call_id = c.id) AS field_rows
     FROM calls c JOIN programs p ON p.id = c.program_id WHERE c.id = $1`,
);

@Injectable()
export class CallsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly laggingReads: LaggingReads,
  ) {}

  async knownFieldCodes(): Promise<Set<string>> {
    const rows = await this.db.query<{ code: string }[]>(`SELECT code FROM research_fields`);
    return new Set(rows.map((row) => row.code));
  }

  /** Funding agencies among `ids`, with their time zones. */
  async agencies(ids: readonly string[]): Promise<Map<string, { timeZone: string }>> {
    const rows = await this.db.query<{ id: string; time_zone: string }[]>(
      `SELECT id, time_zone FROM organisations WHERE id = ANY($1::uuid[]) AND kind = 'funding_agency'`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { timeZone: row.time_zone }]));
  }

  async programAgency(programId: string): Promise<string | undefined> {
    const rows = await this.db.query<{ agency_id: string }[]>(`SELECT agency_id FROM programs WHERE id = $1`, [programId]);
    return rows[0]?.agency_id;
  }

  /** The zone a user reads times in: their own, else their organisation's, else UTC. */
  async viewerTimeZone(userId: string): Promise<string> {
    const rows = await this.db.query<{ zone: string }[]>(
      `SELECT coalesce(u.time_zone, o.time_zone, 'UTC') AS zone FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    );
    return rows[0]?.zone ?? 'UTC';
  }

  async insertCall(manager: EntityManager, programId: string, shared: CallShared, createdBy: string): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO calls (program_id, title_ja, title_en, summary_ja, summary_en, mode, eligible_countries, announced_at, opens_at,
                          review_starts_at, decision_at, project_start_on, deadlines, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, '{}', $13) RETURNING id`,
      [programId, ...sharedParams(shared), createdBy],
    );
    return rows[0]!.id;
  }

  async insertAgency(
    manager: EntityManager,
    callId: string,
    entry: Omit<AgencyEntry, 'shortName' | 'nameJa' | 'nameEn' | 'country' | 'deadlineSequence'>,
    sortOrder: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO call_agencies (call_id, agency_id, role, deadline, time_zone, budget_cap_amount, budget_cap_currency,
                                  institution_approval_required, eligibility_notes_ja, eligibility_notes_en, sort_order, review_once_final)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        callId,
        entry.agencyId,
        entry.role,
        entry.deadline,
        entry.timeZone,
        entry.budgetCap?.amount ?? null,
        entry.budgetCap?.currency ?? null,
        entry.institutionApprovalRequired,
        entry.eligibilityNotesJa,
        entry.eligibilityNotesEn,
        sortOrder,
        entry.reviewOnceFinal,
      ],
    );
  }

  /** Writes one agency's entry; a moved deadline raises its iCalendar sequence. */
  async updateAgency(manager: EntityManager, callId: string, entry: AgencyEntry): Promise<void> {
    await manager.query(
      `UPDATE call_agencies SET deadline_sequence = deadline_sequence + CASE WHEN deadline <> $3 THEN 1 ELSE 0 END,
              deadline = $3, time_zone = $4, budget_cap_amount = $5, budget_cap_currency = $6, institution_approval_required = $7,
              eligibility_notes_ja = $8, eligibility_notes_en = $9, review_once_final = $10, version = version + 1
        WHERE call_id = $1 AND agency_id = $2`,
      [
        callId,
        entry.agencyId,
        entry.deadline,
        entry.timeZone,
        entry.budgetCap?.amount ?? null,
        entry.budgetCap?.currency ?? null,
        entry.institutionApprovalRequired,
        entry.eligibilityNotesJa,
        entry.eligibilityNotesEn,
        entry.reviewOnceFinal,
      ],
    );
  }

  async refreshDeadlines(manager: EntityManager, callId: string): Promise<void> {
    await manager.query(
      `UPDATE calls SET deadlines = coalesce((SELECT array_agg(deadline ORDER BY deadline) FROM call_agencies WHERE call_id = $1), '{}') WHERE id = $1`,
      [callId],
    );
  }

  /** Tracks matched by code: changed in place, added, and removed when no longer listed. */
  async replaceTracks(manager: EntityManager, callId: string, tracks: readonly TrackRow[]): Promise<void> {
    await manager.query(`DELETE FROM call_tracks WHERE call_id = $1 AND NOT (code = ANY($2::text[]))`, [callId, tracks.map((t) => t.code)]);
    for (const [index, track] of tracks.entries()) {
      const params = [
        callId,
        track.code,
        track.nameJa,
        track.nameEn,
        track.maxBudget?.amount ?? null,
        track.maxBudget?.currency ?? null,
        track.maxDurationMonths,
        track.earlyCareerRequired,
        index,
      ];
      const updated = await returningRows<{ id: string }>(
        manager,
        `UPDATE call_tracks SET name_ja = $3, name_en = $4, max_budget_amount = $5, max_budget_currency = $6, max_duration_months = $7,
                early_career_required = $8, sort_order = $9 WHERE call_id = $1 AND code = $2 RETURNING id`,
        params,
      );
      if (updated.length === 0) {
        await manager.query(
          `INSERT INTO call_tracks (call_id, code, name_ja, name_en, max_budget_amount, max_budget_currency, max_duration_months,
                                    early_career_required, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          params,
        );
      }
    }
  }

  async replaceCriteria(manager: EntityManager, callId: string, criteria: readonly CriterionRow[]): Promise<void> {
    await manager.query(`DELETE FROM call_criteria WHERE call_id = $1`, [callId]);
    for (const [index, c] of criteria.entries()) {
      await manager.query(
        `INSERT INTO call_criteria (call_id, name_ja, name_en, description_ja, description_en, scale_min, scale_max, weight, threshold, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [callId, c.nameJa, c.nameEn, c.descriptionJa, c.descriptionEn, c.scaleMin, c.scaleMax, c.weight, c.threshold, index],
      );
    }
  }

  async replaceFields(manager: EntityManager, callId: string, fields: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM call_fields WHERE call_id = $1`, [callId]);
    await manager.query(`INSERT INTO call_fields (call_id, field_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
      callId,
      fields,
    ]);
  }

  /**
   * Writes the shared fields, re-derives the deadline list and bumps the version, if the call still
   * has `expectedVersion` (when given). Answers false otherwise.
   */
  async updateShared(manager: EntityManager, callId: string, shared: CallShared, expectedVersion: number | undefined): Promise<boolean> {
    const rows = await returningRows<{ id: string }>(
      manager,
      `UPDATE calls SET title_ja = $2, title_en = $3, summary_ja = $4, summary_en = $5, mode = $6, eligible_countries = $7,
              announced_at = $8, opens_at = $9, review_starts_at = $10, decision_at = $11, project_start_on = $12,
              deadlines = coalesce((SELECT array_agg(deadline ORDER BY deadline) FROM call_agencies WHERE call_id = $1), '{}'),
              version = version + 1, updated_at = now()
        WHERE id = $1 AND ($13::int IS NULL OR version = $13) RETURNING id`,
      [callId, ...sharedParams(shared), expectedVersion ?? null],
    );
    return rows.length === 1;
  }

  async setPublished(
    manager: EntityManager,
    callId: string,
    at: Date,
    announcedAt: Date | null,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    const rows = await returningRows<{ id: string }>(
      manager,
      `UPDATE calls SET published_at = $2, announced_at = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND published_at IS NULL AND cancelled_at IS NULL AND ($4::int IS NULL OR version = $4) RETURNING id`,
      [callId, at, announcedAt, expectedVersion ?? null],
    );
    return rows.length === 1;
  }

  /** Records the release of the results, once, if the call still has `expectedVersion` (when given). */
  async setResultsReleased(manager: EntityManager, callId: string, at: Date, expectedVersion: number | undefined): Promise<boolean> {
    const rows = await returningRows<{ id: string }>(
      manager,
      `UPDATE calls SET results_released_at = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND results_released_at IS NULL AND ($3::int IS NULL OR version = $3) RETURNING id`,
      [callId, at, expectedVersion ?? null],
    );
    return rows.length === 1;
  }

  /**
   * What decides whether a call's results are out (call-timeline.ts), or undefined. With `manager` and
   * `lockShared`, the call cannot be released until the caller's transaction ends.
   */
  async resultsTimeline(
    callId: string,
    manager: EntityManager = this.db.manager,
    lockShared = false,
  ): Promise<ResultsTimeline | undefined> {
    const rows = await manager.query<{ results_released_at: Date | null; decision_at: Date | null }[]>(
      `SELECT results_released_at, decision_at FROM calls WHERE id = $1 ${lockShared ? 'FOR SHARE' : ''}`,
      [callId],
    );
    const row = rows[0];
    return row && { resultsReleasedAt: row.results_released_at, decisionAt: row.decision_at };
  }

  async setCancelled(
    manager: EntityManager,
    callId: string,
    at: Date,
    reason: string,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    const rows = await returningRows<{ id: string }>(
      manager,
      `UPDATE calls SET cancelled_at = $2, cancellation_reason = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND cancelled_at IS NULL AND ($4::int IS NULL OR version = $4) RETURNING id`,
      [callId, at, reason, expectedVersion ?? null],
    );
    return rows.length === 1;
  }

  /** The whole call, or undefined; lock it with `forUpdate` inside a transaction before changing it. */
  async load(callId: string, manager: EntityManager = this.db.manager, forUpdate = false): Promise<CallRecord | undefined> {
    // Locked in a statement of its own, so that the read after it sees what a change that committed meanwhile wrote.
    if (forUpdate) await manager.query(`SELECT 1 FROM calls WHERE id = $1 FOR UPDATE`, [callId]);
    const [row] = await runPrepared<CallLoadRow>(manager, LOAD, [callId]);
    if (!row) return undefined;
    return toCallRecord(row, {
      agencies: row.agency_rows.map((a) => toAgencyEntry({ ...a, deadline: new Date(a.deadline) })),
      tracks: row.track_rows.map(toTrack),
      criteria: row.criterion_rows.map(toCriterion),
      fields: row.field_rows.map((f) => ({ code: f.code, nameJa: f.name_ja, nameEn: f.name_en })),
    });
  }

  /** Agency entries of several calls at once (lists), in the call's order. */
  async agencyEntries(callIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, AgencyEntry[]>> {
    const rows = await manager.query<CallAgencyRow[]>(
      `SELECT a.*, o.short_name, o.name_ja, o.name_en, o.country FROM call_agencies a JOIN organisations o ON o.id = a.agency_id
        WHERE a.call_id = ANY($1::uuid[]) ORDER BY a.call_id, a.role, a.sort_order`,
      [callIds],
    );
    const byCall = new Map<string, AgencyEntry[]>();
    for (const a of rows) {
      byCall.set(a.call_id, [...(byCall.get(a.call_id) ?? []), toAgencyEntry(a)]);
    }
    return byCall;
  }

  async fieldsOf(
    callIds: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, { code: string; nameJa: string; nameEn: string }[]>> {
    const rows = await manager.query<{ call_id: string; code: string; name_ja: string; name_en: string }[]>(
      `SELECT cf.call_id, f.code, f.name_ja, f.name_en FROM call_fields cf JOIN research_fields f ON f.code = cf.field_code
        WHERE cf.call_id = ANY($1::uuid[]) ORDER BY cf.call_id, f.sort_order`,
      [callIds],
    );
    const byCall = new Map<string, { code: string; nameJa: string; nameEn: string }[]>();
    for (const row of rows) {
      byCall.set(row.call_id, [...(byCall.get(row.call_id) ?? []), { code: row.code, nameJa: row.name_ja, nameEn: row.name_en }]);
    }
    return byCall;
  }

  /**
   * One page of the calls a scope may see with what its items show, read together on one connection
   * (a page from one replica, or from the primary): a read that may lag, unless the reader wrote since.
   */
  listPage(scope: CallScope, filter: CallListFilter, reader: Reader): Promise<CallListPage> {
    return this.laggingReads.run(reader, async (manager) => {
      const rows = await this.list(scope, filter, manager);
      const ids = rows.slice(0, filter.limit).map((row) => row.id);
      const [heads, agencies, fields] = await readAll(manager, [
        () => this.heads(ids, manager),
        () => this.agencyEntries(ids, manager),
        () => this.fieldsOf(ids, manager),
      ]);
      return { rows, heads, agencies, fields };
    });
  }

  /**
   * One page of the calls a scope may see, in order of their next deadline after `asOf` (calls
   * with none last), then id. Fetches limit + 1 rows so the caller knows whether more follow.
   */
  async list(scope: CallScope, filter: CallListFilter, manager: EntityManager = this.db.manager): Promise<CallListRow[]> {
    if (!scope.userId) throw new Error('CallsRepository.list needs a scope');
    const sql = new SqlParams();
    const param = (value: unknown): string => sql.add(value);
    const asOf = `${param(filter.asOf)}::timestamptz`;
    const where = [
      `(c.published_at IS NOT NULL OR EXISTS (SELECT 1 FROM call_agencies v WHERE v.call_id = c.id AND v.agency_id = ${param(scope.officerAgencyId)}))`,
    ];
    const status = callStatusSql('c', asOf);
    if (filter.status) where.push(`${status} = ${param(filter.status)}`);
    if (filter.mode) where.push(`c.mode = ${param(filter.mode)}`);
    if (filter.field) where.push(`EXISTS (SELECT 1 FROM call_fields f WHERE f.call_id = c.id AND f.field_code = ${param(filter.field)})`);
    if (filter.agencyId)
      where.push(`EXISTS (SELECT 1 FROM call_agencies a WHERE a.call_id = c.id AND a.agency_id = ${param(filter.agencyId)})`);
    if (filter.partnerCountry) {
      const country = param(filter.partnerCountry);
      where.push(`(${country} = ANY(c.eligible_countries) OR EXISTS (SELECT 1 FROM call_agencies a JOIN organisations o ON o.id = a.agency_id
                    WHERE a.call_id = c.id AND a.role = 'partner' AND o.country = ${country}))`);
    }
    if (filter.deadlineFrom || filter.deadlineTo) {
      where.push(`EXISTS (SELECT 1 FROM unnest(c.deadlines) d WHERE d >= coalesce(${param(filter.deadlineFrom ?? null)}::timestamptz, '-infinity')
                    AND d < coalesce(${param(filter.deadlineTo ?? null)}::timestamptz, 'infinity'))`);
    }
    if (filter.q) {
      const pattern = param(containsPattern(filter.q));
      where.push(`(c.title_ja ILIKE ${pattern} OR c.title_en ILIKE ${pattern} OR c.summary_ja ILIKE ${pattern} OR c.summary_en ILIKE ${pattern}
                   OR p.code ILIKE ${pattern})`);
    }
    let keyset = '';
    if (filter.after) {
      const id = `${param(filter.after.id)}::uuid`;
      keyset =
        filter.after.nextDeadline === null
          ? `WHERE next_deadline IS NULL AND id > ${id}`
          : `WHERE next_deadline > ${param(filter.after.nextDeadline)}::timestamptz OR next_deadline IS NULL
               OR (next_deadline = $${sql.values.length} AND id > ${id})`;
    }
    const rows = await manager.query<{ id: string; next_deadline: Date | null; status: CallStatus }[]>(
      `SELECT id, next_deadline, status FROM (
         SELECT c.id, (SELECT min(d) FROM unnest(c.deadlines) d WHERE d > ${asOf}) AS next_deadline, ${status} AS status
           FROM calls c JOIN programs p ON p.id = c.program_id
          WHERE ${where.join(' AND ')}
       ) visible ${keyset}
       ORDER BY next_deadline ASC NULLS LAST, id LIMIT ${param(filter.limit + 1)}`,
      sql.values,
    );
    return rows.map((row) => ({ id: row.id, nextDeadline: row.next_deadline, status: row.status }));
  }

  /** Heads of several calls for list items: program, titles, mode, countries, timeline. */
  async heads(callIds: readonly string[], manager: EntityManager = this.db.manager): Promise<Map<string, CallHead>> {
    const rows = await manager.query<CallHeadRow[]>(
      `SELECT c.id, c.title_ja, c.title_en, c.mode, c.eligible_countries, c.cancelled_at, p.id AS program_id, p.code AS program_code,
              p.name_ja AS program_name_ja, p.name_en AS program_name_en
         FROM calls c JOIN programs p ON p.id = c.program_id WHERE c.id = ANY($1::uuid[])`,
      [callIds],
    );
    return new Map(rows.map((row) => [row.id, toCallHead(row)]));
  }

  async watch(userId: string, callId: string, at: Date): Promise<void> {
    await this.db.query(`INSERT INTO call_watches (user_id, call_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      userId,
      callId,
      at,
    ]);
  }

  async unwatch(userId: string, callId: string): Promise<void> {
    await this.db.query(`DELETE FROM call_watches WHERE user_id = $1 AND call_id = $2`, [userId, callId]);
  }

  async isWatching(userId: string, callId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM call_watches WHERE user_id = $1 AND call_id = $2`, [userId, callId]);
    return rows.length > 0;
  }

  /** The calendar entries of some calls: a read that may lag, unless the reader wrote since. */
  calendarEntries(callIds: readonly string[], reader: Reader | null): Promise<CalendarEntries> {
    return this.laggingReads.run(reader, (manager) => this.calendarEntriesOn(manager, callIds));
  }

  /** The calendar entries of the published calls a user watches, for their feed: a read that may lag. */
  watchedCalendarEntries(userId: string): Promise<CalendarEntries> {
    return this.laggingReads.run(null, async (manager) => this.calendarEntriesOn(manager, await this.calendarCallIds(userId, manager)));
  }

  private async calendarEntriesOn(manager: EntityManager, callIds: readonly string[]): Promise<CalendarEntries> {
    const [heads, agencies] = await readAll(manager, [() => this.heads(callIds, manager), () => this.agencyEntries(callIds, manager)]);
    return { callIds, heads, agencies };
  }

  /** Published calls the user watches (applications join here when they exist), for the calendar feed. */
  private async calendarCallIds(userId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT c.id FROM calls c JOIN call_watches w ON w.call_id = c.id AND w.user_id = $1 WHERE c.published_at IS NOT NULL ORDER BY c.id`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  async setCalendarToken(userId: string, tokenHash: Buffer, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
      [userId, tokenHash, at],
    );
  }

  async userByCalendarToken(tokenHash: Buffer): Promise<string | undefined> {
    const rows = await this.db.query<{ user_id: string }[]>(
      `SELECT t.user_id FROM calendar_tokens t JOIN users u ON u.id = t.user_id AND u.disabled_at IS NULL WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return rows[0]?.user_id;
  }
}

/** The shared fields of a call as parameters $2 to $12 of its INSERT and UPDATE. */
function sharedParams(shared: CallShared): unknown[] {
  return [
    shared.titleJa,
    shared.titleEn,
    shared.summaryJa,
    shared.summaryEn,
    shared.mode,
    shared.eligibleCountries,
    shared.announcedAt,
    shared.opensAt,
    shared.reviewStartsAt,
    shared.decisionAt,
    shared.projectStartOn,
  ];
}

/** A row of `load`: every column of the call, and its program. */
interface CallRow {
  readonly id: string;
  readonly program_id: string;
  readonly title_ja: string;
  readonly title_en: string;
  readonly summary_ja: string;
  readonly summary_en: string;
  readonly mode: CooperationMode;
  readonly eligible_countries: string[];
  readonly announced_at: Date | null;
  readonly opens_at: Date;
  readonly review_starts_at: Date | null;
  readonly decision_at: Date | null;
  readonly project_start_on: string | null;
  readonly deadlines: Date[];
  readonly created_by: string | null;
  readonly published_at: Date | null;
  readonly cancelled_at: Date | null;
  readonly cancellation_reason: string | null;
  readonly results_released_at: Date | null;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly version: number;
  readonly program_code: string;
  readonly program_name_ja: string;
  readonly program_name_en: string;
  readonly program_agency_id: string;
}

/** load: a CallRow with its parts as JSON (an agency's deadline as text). */
interface CallLoadRow extends CallRow {
  readonly agency_rows: (Omit<CallAgencyRow, 'deadline'> & { readonly deadline: string })[];
  readonly track_rows: CallTrackRow[];
  readonly criterion_rows: CallCriterionRow[];
  readonly field_rows: { readonly code: string; readonly name_ja: string; readonly name_en: string }[];
}

function toCallRecord(c: CallRow, parts: Pick<CallRecord, 'agencies' | 'tracks' | 'criteria' | 'fields'>): CallRecord {
  return {
    id: c.id,
    programId: c.program_id,
    programCode: c.program_code,
    programNameJa: c.program_name_ja,
    programNameEn: c.program_name_en,
    programAgencyId: c.program_agency_id,
    titleJa: c.title_ja,
    titleEn: c.title_en,
    summaryJa: c.summary_ja,
    summaryEn: c.summary_en,
    mode: c.mode,
    eligibleCountries: c.eligible_countries,
    announcedAt: c.announced_at,
    opensAt: c.opens_at,
    reviewStartsAt: c.review_starts_at,
    decisionAt: c.decision_at,
    projectStartOn: c.project_start_on,
    deadlines: c.deadlines,
    publishedAt: c.published_at,
    cancelledAt: c.cancelled_at,
    cancellationReason: c.cancellation_reason,
    resultsReleasedAt: c.results_released_at,
    version: c.version,
    ...parts,
  };
}

/** A row of `SELECT * FROM call_tracks`. */
interface CallTrackRow {
  readonly id: string;
  readonly call_id: string;
  readonly code: string;
  readonly name_ja: string;
  readonly name_en: string;
  readonly max_budget_amount: string | null;
  readonly max_budget_currency: string | null;
  readonly max_duration_months: number;
  readonly early_career_required: boolean;
  readonly sort_order: number;
}

function toTrack(t: CallTrackRow): TrackRow {
  return {
    id: t.id,
    code: t.code,
    nameJa: t.name_ja,
    nameEn: t.name_en,
    maxBudget: money(t.max_budget_amount, t.max_budget_currency),
    maxDurationMonths: t.max_duration_months,
    earlyCareerRequired: t.early_career_required,
  };
}

/** A row of `SELECT * FROM call_criteria`. */
interface CallCriterionRow {
  readonly id: string;
  readonly call_id: string;
  readonly name_ja: string;
  readonly name_en: string;
  readonly description_ja: string;
  readonly description_en: string;
  readonly scale_min: number;
  readonly scale_max: number;
  readonly weight: string;
  readonly threshold: string | null;
  readonly sort_order: number;
}

function toCriterion(k: CallCriterionRow): CriterionRow {
  return {
    id: k.id,
    nameJa: k.name_ja,
    nameEn: k.name_en,
    descriptionJa: k.description_ja,
    descriptionEn: k.description_en,
    scaleMin: k.scale_min,
    scaleMax: k.scale_max,
    weight: Number(k.weight),
    threshold: k.threshold === null ? null : Number(k.threshold),
  };
}

/** A row of `agencyEntries`: every column of the call's agency entry, and the agency. */
interface CallAgencyRow {
  readonly call_id: string;
  readonly agency_id: string;
  readonly role: AgencyRole;
  readonly deadline: Date;
  readonly time_zone: string;
  readonly deadline_sequence: number;
  readonly budget_cap_amount: string | null;
  readonly budget_cap_currency: string | null;
  readonly institution_approval_required: boolean;
  readonly eligibility_notes_ja: string;
  readonly eligibility_notes_en: string;
  readonly sort_order: number;
  readonly version: number;
  readonly review_once_final: boolean;
  readonly short_name: string;
  readonly name_ja: string;
  readonly name_en: string;
  readonly country: string;
}

function toAgencyEntry(a: CallAgencyRow): AgencyEntry {
  return {
    agencyId: a.agency_id,
    role: a.role,
    deadline: a.deadline,
    timeZone: a.time_zone,
    deadlineSequence: a.deadline_sequence,
    budgetCap: money(a.budget_cap_amount, a.budget_cap_currency),
    institutionApprovalRequired: a.institution_approval_required,
    reviewOnceFinal: a.review_once_final,
    eligibilityNotesJa: a.eligibility_notes_ja,
    eligibilityNotesEn: a.eligibility_notes_en,
    shortName: a.short_name,
    nameJa: a.name_ja,
    nameEn: a.name_en,
    country: a.country,
  };
}

/** A row of `heads`. */
interface CallHeadRow {
  readonly id: string;
  readonly title_ja: string;
  readonly title_en: string;
  readonly mode: CooperationMode;
  readonly eligible_countries: string[];
  readonly cancelled_at: Date | null;
  readonly program_id: string;
  readonly program_code: string;
  readonly program_name_ja: string;
  readonly program_name_en: string;
}

function toCallHead(row: CallHeadRow): CallHead {
  return {
    id: row.id,
    programId: row.program_id,
    programCode: row.program_code,
    programNameJa: row.program_name_ja,
    programNameEn: row.program_name_en,
    titleJa: row.title_ja,
    titleEn: row.title_en,
    mode: row.mode,
    eligibleCountries: row.eligible_countries,
    cancelledAt: row.cancelled_at,
  };
}
