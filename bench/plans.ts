import pg from 'pg';
import { asPrincipal, services } from './baseline/server.js';
import type { BenchUser, Fixtures } from './scenarios.js';

/** Tables that grow with the number of applications: a sequential scan of one is not index-bound. */
const LARGE = new Set([
  'applications',
  'application_sides',
  'application_members',
  'application_institutions',
  'application_events',
  'review_assignments',
  'side_decisions',
  'notifications',
]);

export interface PlanRecord {
  readonly operation: string;
  readonly statement: string;
  readonly executionMs: number;
  readonly buffers: number;
  /** Large tables read by a sequential scan; empty when the statement is index-bound. */
  readonly seqScans: readonly string[];
  /** The plan as EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) gives it. */
  readonly plan: object;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** A pool that, while an operation is named, first explains each read it runs (EXPLAIN ANALYZE), then runs it. */
class ExplainingPool extends pg.Pool {
  operation: string | undefined;
  readonly records: PlanRecord[] = [];

  override query(...args: unknown[]): never {
    const [sql, params] = args as [string, unknown[] | undefined];
    const operation = this.operation;
    if (operation === undefined || !/^\s*(SELECT|WITH)\b/i.test(sql)) return super.query(sql, params) as never;
    return (async () => {
      const json = await super.query<{
        'QUERY PLAN': [{ Plan: PlanNode & { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number }; 'Execution Time': number }];
      }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
      const [root] = json.rows[0]!['QUERY PLAN'];
      this.records.push({
        operation,
        statement: sql.trim().split('\n')[0]!.slice(0, 120),
        executionMs: Math.round(root['Execution Time'] * 100) / 100,
        buffers: (root.Plan['Shared Hit Blocks'] ?? 0) + (root.Plan['Shared Read Blocks'] ?? 0),
        seqScans: [
          ...new Set(
            nodes(root.Plan)
              .filter((n) => n['Node Type'] === 'Seq Scan' && LARGE.has(n['Relation Name'] ?? ''))
              .map((n) => n['Relation Name']!),
          ),
        ],
        plan: root.Plan,
      });
      return super.query(sql, params);
    })() as never;
  }
}

/**
 * The plans of the office's reads (S2) and of a call's statistics, on the data as generated: each
 * statement those operations run, explained with ANALYZE, with the large tables it scans in full.
 */
export async function recordPlans(databaseUrl: string, fixtures: Fixtures): Promise<PlanRecord[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows: biggest } = await client
    .query<{ call_id: string; officer: string; email: string; roles: string[]; organisation_id: string }>(
      `SELECT a.call_id, u.id AS officer, u.email, u.roles, u.organisation_id
         FROM (SELECT call_id, count(*) AS n FROM applications GROUP BY call_id ORDER BY n DESC LIMIT 1) a
         JOIN call_agencies ca ON ca.call_id = a.call_id AND ca.role = 'lead'
         JOIN LATERAL (SELECT * FROM users u WHERE u.organisation_id = ca.agency_id AND 'program_officer' = ANY (u.roles) LIMIT 1) u ON true`,
    )
    .finally(() => client.end());
  const pool = new ExplainingPool({ connectionString: databaseUrl, max: 2 });
  try {
    const s = services(pool);
    const office = fixtures.offices[0];
    const run = async (operation: string, work: () => Promise<unknown>) => {
      pool.operation = operation;
      try {
        return await work();
      } finally {
        pool.operation = undefined;
      }
    };
    if (office) {
      const p = asPrincipal(office.office);
      const callId = office.callIds[0];
      const first = (await run('listApplications (office), first page', () => s.applications.list(p, { view: 'office', limit: 50 }))) as {
        nextCursor: string | null;
      };
      if (first.nextCursor) {
        await run('listApplications (office), next page', () =>
          s.applications.list(p, { view: 'office', limit: 50, cursor: first.nextCursor! }),
        );
      }
      await run('listApplications (office), status=submitted', () =>
        s.applications.list(p, { view: 'office', limit: 50, status: 'submitted' }),
      );
      if (callId) {
        await run('listApplications (office), one call', () => s.applications.list(p, { view: 'office', limit: 50, callId }));
        await run('exportApplicationsCsv (office), one call', () => s.applications.exportCsv(p, { callId }));
      }
      await run('getInstitutionDashboard', () => s.statistics.institutionDashboard(p));
    }
    const call = biggest[0];
    if (call) {
      const officer: BenchUser = {
        id: call.officer,
        email: call.email,
        roles: call.roles as BenchUser['roles'],
        organisationId: call.organisation_id,
      };
      await run('getCallStatistics (largest call, officer)', () => s.statistics.callStatistics(asPrincipal(officer), call.call_id));
    }
    return pool.records;
  } finally {
    await pool.end();
  }
}
