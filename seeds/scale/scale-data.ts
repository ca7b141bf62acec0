import { performance } from 'node:perf_hooks';
import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { hashPassword } from '#identity';
import { BulkLoader, BulkTable, type Value } from './bulk-insert.js';
import { scaleIdRange } from './random.js';
import { ApplicationGenerator, applicationTables, planApplications } from './scale-applications.js';
import { DAY, planWorld, type World } from './scale-world.js';

export { officeEmail, officerEmail, orcidOf, researcherEmail, reviewerEmail, SCALE_EMAIL_DOMAIN } from './scale-world.js';
export { scaleIdRange } from './random.js';

/** The password of every synthetic account. */
export const SCALE_PASSWORD = 'scale-password-2026';

export interface ScaleOptions {
  /** Applications to generate, spread over the calls. */
  readonly applications: number;
  /** Same seed and same `now`: the same rows (the password hash aside: argon2 salts it at random). */
  readonly seed: number;
  /** Every date is placed relative to it: open calls' deadlines 3 to 30 days after, closed calls' before. */
  readonly now: Date;
  readonly institutions: number;
  /** Funding agencies in all, the demo's real ones included. */
  readonly agencies: number;
  readonly researchers: number;
  readonly reviewers: number;
  readonly calls: number;
  /** Delete the synthetic data already in the database first, instead of refusing. */
  readonly replace: boolean;
  /** A batch goes to the database once one table holds this many rows. */
  readonly chunkRows: number;
  readonly log: (message: string) => void;
}

export const SCALE_DEFAULTS = {
  applications: 100_000,
  seed: 1,
  institutions: 800,
  agencies: 50,
  researchers: 20_000,
  reviewers: 7_000,
  calls: 120,
  replace: false,
  chunkRows: 20_000,
} as const;

export interface ScaleReport {
  readonly seed: number;
  readonly now: Date;
  readonly elapsedMs: number;
  /** Rows written, per table. */
  readonly rows: Readonly<Record<string, number>>;
  /** Rows of an earlier synthetic data set deleted first (with `replace`), per table. */
  readonly deleted: Readonly<Record<string, number>>;
}

export class ScaleDataExistsError extends Error {
  constructor() {
    super(
      'The database already holds synthetic scale data (ids starting 5ca1e0, e-mails @scale.example.org). ' +
        'Run again with --replace to delete it first, or load into a fresh database.',
    );
  }
}

/** The current time, to the hour: the default `now`, so two runs within the hour write the same rows. */
export function currentHour(): Date {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now;
}

/**
 * Loads a synthetic data set for benchmarks, at KAKENHI scale, over the demo's reference data
 * (research fields, the real agencies; runSeeds first): institutions in Japan and abroad with
 * their research offices, researchers, reviewers, synthetic agencies up to `agencies` with two
 * program officers each, programs, calls in the three cooperation modes (a few very large ones,
 * many small ones; a third open, the rest past their deadlines), and the applications to them with
 * sides, teams, the institutions they touch, their event log, eligibility, review assignments and
 * decisions, each state change made by the application's own state machine.
 *
 * Every account signs in with SCALE_PASSWORD (one argon2id hash, shared) and has an e-mail given
 * by researcherEmail, reviewerEmail, officeEmail or officerEmail. Every synthetic id starts with
 * 5ca1e0 (scaleIdRange). Deterministic: the same seed and `now` give the same rows, except
 * password_hash (a fresh salt at every run).
 *
 * Rows are generated in memory a batch at a time (so a million applications fit) and go in with
 * COPY: once a table holds `chunkRows` rows, every table's rows go, one COPY each, while the next
 * batch is being generated. The loaded tables' plain secondary indexes (not primary keys, unique indexes or
 * constraints) are dropped first and built again, as they were, once the rows are in: kept up to
 * date row by row they were most of the load's time. So the load holds those tables exclusively
 * until it commits: run it on a quiet database. All in one transaction: a failure leaves nothing
 * behind, indexes included. The receipt-number sequence
 * (application_receipt_seq) is left at the last number used; the event ids come from their
 * identity sequence. The database is analysed at the end.
 *
 * Running it on a database that already holds synthetic data is refused (ScaleDataExistsError),
 * unless `replace` is set: then the earlier data set goes first, in the same transaction, with
 * whatever a benchmark added to it (applications to its calls or by its users, their reviews).
 */
export async function loadScaleData(dataSource: DataSource, options: Partial<ScaleOptions> = {}): Promise<ScaleReport> {
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const o: ScaleOptions = { ...SCALE_DEFAULTS, now: currentHour(), log: () => undefined, ...options };
  checkOptions(o);
  const now = Math.floor(o.now.getTime() / 1000);
  const runner = dataSource.createQueryRunner();
  // The query runner's own connection (node-postgres), for COPY.
  const client = (await runner.connect()) as PoolClient;
  let rows: Record<string, number>;
  let deleted: Record<string, number> = {};
  try {
    await runner.startTransaction();
    try {
      await runner.query(`SELECT pg_advisory_xact_lock(hashtextextended('jointcall:scale-data', 0))`);
      if (await holdsScaleData(runner)) {
        if (!o.replace) throw new ScaleDataExistsError();
        deleted = await deleteScaleData(runner);
        o.log(`deleted the earlier scale data (${elapsed()}): ${JSON.stringify(deleted)}`);
      }
      // A superuser loads without the per-row foreign-key triggers (as pg_restore --disable-triggers
      // does; the deletion above needed them for its cascades) and checks every foreign key once,
      // set-based, before committing.
      const [role] = await runner.manager.query<{ rolsuper: boolean }[]>(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`);
      const withoutTriggers = role?.rolsuper === true;
      if (withoutTriggers) await runner.query(`SET LOCAL session_replication_role = replica`);
      const fields = (await runner.manager.query<{ code: string }[]>(`SELECT code FROM research_fields ORDER BY sort_order, code`)).map(
        (r) => r.code,
      );
      const [sequence] = await runner.manager.query<{ last_value: string; is_called: boolean }[]>(
        `SELECT last_value, is_called FROM application_receipt_seq`,
      );
      const lastReceipt = Number(sequence!.last_value) - (sequence!.is_called ? 0 : 1);
      const passwordHash = await hashPassword(SCALE_PASSWORD);

      const world = planWorld({ ...o, now, fields });
      const loader = new BulkLoader(client);
      const reference = referenceTables(world, now, passwordHash);
      const tables = applicationTables();
      const all = Object.values(tables);
      const secondary = await dropSecondaryIndexes(
        runner,
        [...reference, ...all].map((t) => t.name),
      );
      await loader.send(reference);
      o.log(`reference data: ${world.institutions.length} institutions, ${world.agencies.length} agencies, ${world.calls.length} calls`);

      const plan = planApplications(world, o.seed, now);
      const generator = new ApplicationGenerator(world, o.seed, now, tables, lastReceipt);
      const total = plan.call.length;
      for (let i = 0; i < total; i++) {
        generator.generate(world.calls[plan.call[i]!]!, plan.ordinal[i]!, i);
        // Once any table holds a chunk, every table sends what it holds.
        if (i % 500 === 499 && all.some((t) => t.pending >= o.chunkRows)) await loader.send(all);
        if (total >= 100_000 && (i + 1) % Math.floor(total / 10) === 0) {
          o.log(`applications: ${i + 1} of ${total} (${elapsed()})`);
        }
      }
      await loader.send(all);
      await loader.drain();
      o.log(`rows generated and inserted (${elapsed()}; ${(loader.waitedMs / 1000).toFixed(1)} s of it waiting for the database)`);
      await createIndexes(runner, secondary);
      o.log(`${secondary.length} indexes built (${elapsed()})`);
      if (generator.receipt > lastReceipt) await runner.query(`SELECT setval('application_receipt_seq', $1)`, [generator.receipt]);
      if (withoutTriggers) {
        await runner.query(`SET LOCAL session_replication_role = origin`);
        o.log(`checking foreign keys (${elapsed()})`);
        await checkForeignKeys(
          runner,
          [...reference, ...all].map((t) => t.name),
        );
      }
      await runner.commitTransaction();
      rows = Object.fromEntries([...reference, ...all].map((t) => [t.name, t.inserted]));
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
    // As after any bulk load: statistics for the planner, and the visibility map that lets index-only scans skip the heap.
    o.log(`vacuuming and analysing (${elapsed()})`);
    await runner.query('VACUUM (ANALYZE)');
  } finally {
    await runner.release();
  }
  return { seed: o.seed, now: o.now, elapsedMs: performance.now() - started, rows, deleted };
}

function checkOptions(o: ScaleOptions): void {
  const whole = (name: keyof ScaleOptions, min: number) => {
    const value = o[name];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
      throw new Error(`${name} must be a whole number of at least ${min}`);
  };
  whole('applications', 1);
  whole('seed', 0);
  whole('institutions', 60);
  whole('agencies', 10);
  whole('researchers', o.institutions * 2);
  whole('reviewers', 50);
  whole('calls', 6);
  whole('chunkRows', 100);
  if (o.calls > 60_000) throw new Error('calls must be at most 60000');
  if (Number.isNaN(o.now.getTime())) throw new Error('now must be a valid instant');
}

async function holdsScaleData(runner: QueryRunner): Promise<boolean> {
  const [low, high] = scaleIdRange();
  const rows = await runner.manager.query<unknown[]>(
    `SELECT 1 FROM organisations WHERE id BETWEEN $1 AND $2
     UNION ALL SELECT 1 FROM users WHERE id BETWEEN $1 AND $2 LIMIT 1`,
    [low, high],
  );
  return rows.length > 0;
}

/**
 * Deletes the synthetic data set and what was added to it, dependents first (their own dependents
 * go by cascade); answers the rows each statement deleted. A foreign key without an index on its
 * column (application_sides.pi_user_id, ...) would make every deleted user or organisation scan
 * the referencing table: such columns get an index for the length of the transaction.
 */
async function deleteScaleData(runner: QueryRunner): Promise<Record<string, number>> {
  const [low, high] = scaleIdRange();
  const unindexed = await runner.manager.query<{ child: string; column: string }[]>(
    `SELECT DISTINCT c.conrelid::regclass::text AS child, a.attname::text AS column
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
        AND c.confrelid::regclass::text IN ('organisations', 'users', 'programs', 'calls', 'applications')
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
      ORDER BY 1, 2`,
  );
  const temporary = unindexed.map((u, i) => ({ ...u, index: `scale_replace_${i}` }));
  for (const t of temporary) await runner.query(`CREATE INDEX ${t.index} ON ${t.child} (${t.column})`);
  const scale = (column: string) => `${column} BETWEEN $1 AND $2`;
  const statements: [string, string][] = [
    [
      'applications',
      `DELETE FROM applications WHERE ${scale('id')} OR ${scale('call_id')} OR ${scale('pi_user_id')}
          OR call_id IN (SELECT id FROM calls WHERE ${scale('program_id')})`,
    ],
    ['application_members', `DELETE FROM application_members WHERE ${scale('user_id')} OR ${scale('institution_id')}`],
    ['application_institutions', `DELETE FROM application_institutions WHERE ${scale('institution_id')}`],
    ['side_decisions', `DELETE FROM side_decisions WHERE ${scale('institution_id')}`],
    ['review_assignments', `DELETE FROM review_assignments WHERE ${scale('reviewer_id')} OR ${scale('agency_id')}`],
    ['call_reviewers', `DELETE FROM call_reviewers WHERE ${scale('reviewer_id')} OR ${scale('agency_id')}`],
    ['calls', `DELETE FROM calls WHERE ${scale('id')} OR ${scale('program_id')}`],
    ['call_agencies', `DELETE FROM call_agencies WHERE ${scale('agency_id')}`],
    ['institution_deadlines', `DELETE FROM institution_deadlines WHERE ${scale('institution_id')}`],
    ['programs', `DELETE FROM programs WHERE ${scale('id')} OR ${scale('agency_id')}`],
    ['users', `DELETE FROM users WHERE ${scale('id')}`],
    ['organisations', `DELETE FROM organisations WHERE ${scale('id')}`],
  ];
  const deleted: Record<string, number> = {};
  for (const [table, sql] of statements) {
    const result: unknown = await runner.query(`${sql}`, [low, high]);
    deleted[table] = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
  for (const t of temporary) await runner.query(`DROP INDEX ${t.index}`);
  return deleted;
}

interface Index {
  readonly name: string;
  readonly definition: string;
}

/**
 * Drops the indexes of `tables` that back no constraint (not the primary keys, nor unique
 * indexes, which guard what the rows must be), answering their definitions for createIndexes.
 * Within the load's transaction: other sessions wait for its end, and a failure brings them back.
 * Maintained row by row, each index of a large table took an insert at a scattered place (by
 * institution, call or user), mostly outside the buffer cache; built after the load, it is one
 * sort. Only the tables this role owns (it may drop no other), and not an index a table is
 * clustered on or that is its replica identity (neither would come back as it was).
 */
async function dropSecondaryIndexes(runner: QueryRunner, tables: readonly string[]): Promise<Index[]> {
  const indexes = await runner.manager.query<Index[]>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.oid::regclass::text = ANY($1::text[]) AND NOT i.indisprimary AND NOT i.indisunique AND i.indisvalid
        AND NOT i.indisclustered AND NOT i.indisreplident
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        AND pg_has_role(t.relowner, 'USAGE')
      ORDER BY t.relname, i.indexrelid::regclass::text`,
    [tables],
  );
  for (const index of indexes) await runner.query(`DROP INDEX ${index.name}`);
  return indexes;
}

/** Builds the indexes again, as they were (names and definitions), with more sort memory than the default 64 MB. */
async function createIndexes(runner: QueryRunner, indexes: readonly Index[]): Promise<void> {
  await runner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const index of indexes) await runner.query(index.definition);
}

/** Fails when a row of `tables` references a row that does not exist: every foreign key, one anti-join each. */
async function checkForeignKeys(runner: QueryRunner, tables: readonly string[]): Promise<void> {
  const keys = await runner.manager.query<{ name: string; child: string; parent: string; columns: string[]; referenced: string[] }[]>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS referenced
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1::text[])
      ORDER BY c.conname`,
    [tables],
  );
  for (const key of keys) {
    const [missing] = await runner.manager.query<unknown[]>(
      `SELECT 1 FROM ${key.child} x
        WHERE ${key.columns.map((c) => `x.${c} IS NOT NULL`).join(' AND ')}
          AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE ${key.columns.map((c, i) => `p.${key.referenced[i]} = x.${c}`).join(' AND ')})
        LIMIT 1`,
    );
    if (missing !== undefined) throw new Error(`scale data: ${key.child} breaks foreign key ${key.name}`);
  }
}

/** Organisations, users, programs, calls with their agencies, tracks, criteria and fields, and reviewer pools. */
function referenceTables(world: World, now: number, passwordHash: string): BulkTable[] {
  const since = now - 3 * 365 * DAY;
  const organisations = new BulkTable('organisations', {
    id: 'uuid',
    kind: 'text',
    short_name: 'text',
    name_ja: 'text',
    name_en: 'text',
    country: 'text',
    time_zone: 'text',
    created_at: 'time',
    updated_at: 'time',
  });
  for (const i of world.institutions) {
    organisations.add(i.id, 'institution', i.shortName, i.nameJa, i.nameEn, i.country.code, i.country.timeZone, since, since);
  }
  for (const a of world.agencies.filter((agency) => agency.synthetic)) {
    organisations.add(a.id, 'funding_agency', a.shortName, a.nameJa, a.nameEn, a.country.code, a.country.timeZone, since, since);
  }

  const users = new BulkTable('users', {
    id: 'uuid',
    email: 'text',
    name: 'text',
    orcid: 'text',
    organisation_id: 'uuid',
    roles: 'text[]',
    language: 'text',
    password_hash: 'text',
    created_at: 'time',
    updated_at: 'time',
  });
  const people = [...world.researchers, ...world.reviewers, ...world.offices, ...world.agencies.flatMap((a) => a.officers)];
  for (const u of people) users.add(u.id, u.email, u.name, u.orcid, u.organisationId, u.roles, u.language, passwordHash, since, since);

  const programs = new BulkTable('programs', {
    id: 'uuid',
    agency_id: 'uuid',
    code: 'text',
    name_ja: 'text',
    name_en: 'text',
    description_ja: 'text',
    description_en: 'text',
    created_at: 'time',
    updated_at: 'time',
  });
  for (const p of world.programs) programs.add(p.id, p.agency.id, p.code, p.nameJa, p.nameEn, '', p.nameEn, since, since);

  const calls = new BulkTable('calls', {
    id: 'uuid',
    program_id: 'uuid',
    title_ja: 'text',
    title_en: 'text',
    summary_ja: 'text',
    summary_en: 'text',
    mode: 'text',
    eligible_countries: 'text[]',
    announced_at: 'time',
    opens_at: 'time',
    review_starts_at: 'time',
    decision_at: 'time',
    project_start_on: 'date',
    deadlines: 'timestamptz[]',
    created_by: 'uuid',
    published_at: 'time',
    created_at: 'time',
    updated_at: 'time',
  });
  const callAgencies = new BulkTable('call_agencies', {
    call_id: 'uuid',
    agency_id: 'uuid',
    role: 'text',
    deadline: 'time',
    time_zone: 'text',
    budget_cap_amount: 'bigint',
    budget_cap_currency: 'text',
    institution_approval_required: 'bool',
    sort_order: 'int',
  });
  const tracks = new BulkTable('call_tracks', {
    id: 'uuid',
    call_id: 'uuid',
    code: 'text',
    name_ja: 'text',
    name_en: 'text',
    max_budget_amount: 'bigint',
    max_budget_currency: 'text',
    max_duration_months: 'int',
    early_career_required: 'bool',
    sort_order: 'int',
  });
  const criteria = new BulkTable('call_criteria', {
    id: 'uuid',
    call_id: 'uuid',
    name_ja: 'text',
    name_en: 'text',
    description_ja: 'text',
    description_en: 'text',
    scale_min: 'int',
    scale_max: 'int',
    weight: 'numeric',
    threshold: 'numeric',
    sort_order: 'int',
  });
  const callFields = new BulkTable('call_fields', { call_id: 'uuid', field_code: 'text' });
  const callReviewers = new BulkTable('call_reviewers', {
    call_id: 'uuid',
    reviewer_id: 'uuid',
    agency_id: 'uuid',
    added_by: 'uuid',
    added_at: 'time',
  });
  const list = (values: readonly string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;
  for (const c of world.calls) {
    const lead = c.agencies[0]!.agency;
    const deadlines = c.agencies.map((a) => new Date(a.deadline * 1000).toISOString()).sort();
    calls.add(
      c.id,
      c.program.id,
      c.titleJa,
      c.titleEn,
      '',
      c.summaryEn,
      c.mode,
      list(c.eligibleCountries),
      c.announcedAt,
      c.opensAt,
      c.reviewStartsAt,
      c.decisionAt,
      c.projectStartOn,
      list(deadlines),
      lead.officers[0]!.id,
      c.announcedAt,
      c.announcedAt - 7 * DAY,
      c.announcedAt,
    );
    c.agencies.forEach((a, i) => {
      callAgencies.add(
        c.id,
        a.agency.id,
        a.role,
        a.deadline,
        a.agency.country.timeZone,
        a.budgetCap?.amount ?? null,
        a.budgetCap?.currency ?? null,
        a.approvalRequired,
        i,
      );
      const addedAt = Math.min(c.reviewStartsAt - 7 * DAY, now - DAY);
      for (const n of a.pool) callReviewers.add(c.id, world.reviewers[n]!.id, a.agency.id, a.agency.officers[0]!.id, addedAt);
    });
    c.tracks.forEach((t, i) => {
      const row: Value[] = [t.id, c.id, t.code, t.nameJa, t.nameEn, t.maxBudget?.amount ?? null, t.maxBudget?.currency ?? null];
      tracks.add(...row, t.maxDurationMonths, t.earlyCareerRequired, i);
    });
    c.criteria.forEach((k, i) => criteria.add(k.id, c.id, k.nameJa, k.nameEn, '', '', k.scaleMin, k.scaleMax, k.weight, k.threshold, i));
    for (const field of c.fields) callFields.add(c.id, field);
  }
  return [organisations, users, programs, calls, callAgencies, tracks, criteria, callFields, callReviewers];
}

/**
 * The options of `seed:scale`: --applications N, --seed N, --now ISO-8601, --institutions N,
 * --agencies N, --researchers N, --reviewers N, --calls N (also as --name=value), and --replace.
 */
export function parseScaleArguments(argv: readonly string[]): Partial<ScaleOptions> {
  const numeric = ['applications', 'seed', 'institutions', 'agencies', 'researchers', 'reviewers', 'calls'] as const;
  const options: { -readonly [K in keyof ScaleOptions]?: ScaleOptions[K] } = {};
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argument);
    if (!match) throw new Error(`unexpected argument ${argument}`);
    const name = match[1]!;
    if (name === 'replace') {
      options.replace = true;
      continue;
    }
    const key = numeric.find((n) => n === name);
    if (name !== 'now' && key === undefined) throw new Error(`unknown option --${name}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    if (name === 'now') {
      const now = new Date(value);
      if (Number.isNaN(now.getTime())) throw new Error(`--now must be an instant such as 2026-11-22T00:00:00Z, not ${value}`);
      options.now = now;
    } else if (key !== undefined) {
      if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, not ${value}`);
      options[key] = Number(value);
    }
  }
  return options;
}
