import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import type { BaselinePrincipal } from '../baseline/server.js';

/**
 * The bare baseline: the essential work of the three operations the bench measures alone, written
 * by hand on bare Fastify and node-postgres, on the same database as the api. No Nest, no TypeORM,
 * none of jointcall's services, no authentication (the caller is named by the same `x-principal`
 * header as the same-SQL baseline's), no input validation and no checks beyond the WHERE clauses:
 *
 * - saving a draft: one transaction, the conditional UPDATE of the fields sent and an event;
 * - the office's list: one keyset SELECT, the sides aggregated as JSON;
 * - submitting: one transaction, the lock and then every write (statuses, receipts, events, the
 *   frozen submission) in one statement.
 *
 * What it answers is the bench's floor: what jointcall spends above it is the whole gap, the
 * framework's share (the same-SQL baseline measures that) and the rest.
 */

/** The content fields a draft save may send, and their columns. */
const CONTENT_COLUMNS: Readonly<Record<string, string>> = {
  trackId: 'track_id',
  title: 'title',
  abstract: 'abstract',
  fieldCode: 'field_code',
  keywords: 'keywords',
  durationMonths: 'duration_months',
};

/** An edit of the content: jointcall's event log records steps only, so this action is the bare server's own. */
const EDIT_EVENT = 'application.edited';

/** A whole-proposal document's agency id (the documents feature's WHOLE_PROPOSAL). */
const WHOLE_PROPOSAL = '00000000-0000-0000-0000-000000000000';

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${ISO_MS})`;

/**
 * One page of the office view, newest first by keyset on the office's rows (application_institutions),
 * as jointcall scopes and orders it; each row of the page with its call, its sides as JSON, the next
 * agency deadline ahead and the lead institution's internal deadline. The sides are read for the
 * page's rows only (the subquery limits first).
 */
function officePageSql(filters: string[], limitParam: string): string {
  return `SELECT p.id, p.call_id, c.title_en, c.title_ja, p.title, p.status, p.pi_user_id,
                 to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
                 x.sides, ${iso('x.next_deadline')} AS next_deadline, ${iso('x.institution_deadline')} AS institution_deadline
            FROM (SELECT a.id, a.call_id, a.title, a.status, a.pi_user_id, a.created_at, k.created_at AS key_created_at
                    FROM application_institutions k JOIN applications a ON a.id = k.application_id
                   WHERE ${filters.join(' AND ')}
                   ORDER BY k.created_at DESC, k.application_id DESC LIMIT ${limitParam}) p
            JOIN calls c ON c.id = p.call_id
            CROSS JOIN LATERAL (
              SELECT json_agg(json_build_object(
                       'agency', json_build_object('id', s.agency_id, 'shortName', ag.short_name),
                       'status', s.status,
                       'deadline', json_build_object('utc', ${iso('ca.deadline')}, 'timeZone', ca.time_zone),
                       'receiptNumber', s.receipt_number,
                       'institution', CASE WHEN s.institution_id IS NULL THEN NULL
                                      ELSE json_build_object('id', s.institution_id, 'shortName', i.short_name, 'country', i.country) END)
                     ORDER BY ca.role, ca.sort_order) AS sides,
                     min(ca.deadline) FILTER (WHERE ca.deadline > now()) AS next_deadline,
                     max(idl.deadline) FILTER (WHERE ca.role = 'lead') AS institution_deadline
                FROM application_sides s
                JOIN call_agencies ca ON ca.call_id = p.call_id AND ca.agency_id = s.agency_id
                JOIN organisations ag ON ag.id = s.agency_id
                LEFT JOIN organisations i ON i.id = s.institution_id
                LEFT JOIN institution_deadlines idl ON idl.call_id = p.call_id AND idl.institution_id = s.institution_id
               WHERE s.application_id = p.id) x
           ORDER BY p.key_created_at DESC, p.id DESC`;
}

/**
 * The sides of an application its PI may submit, locked with the application: each side's next
 * status (its office's approval first, unless its agency waives it) and whether its deadline is ahead.
 */
const LOCK_FOR_SUBMIT = `
  SELECT s.agency_id, s.status, CASE WHEN ca.institution_approval_required THEN 'pending_institution' ELSE 'submitted' END AS to_status,
         ca.deadline > now() AS open
    FROM applications a
    JOIN application_sides s ON s.application_id = a.id
    JOIN call_agencies ca ON ca.call_id = a.call_id AND ca.agency_id = s.agency_id
   WHERE a.id = $1 AND a.pi_user_id = $2
   ORDER BY ca.role, ca.sort_order
     FOR UPDATE OF a`;

/**
 * Every write of a submission in one statement: the frozen submission (the proposal, its sides and
 * team, and the documents and answers it holds, in jointcall's stored shape), an event and a receipt
 * per side (numbered from the same sequence), the sides' statuses with the receipt of a side that
 * reaches its agency, and the application's status and version with its office rows.
 * $1 application, $2 actor, $3 time (to the second), $4..$6 the sides' agency, from and to, $7 the
 * application's new status.
 */
const SUBMIT = `
  WITH moved AS MATERIALIZED (
    SELECT m.agency_id, m.from_status, m.to_status,
           'JC-' || to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(m.n::text, greatest(6, length(m.n::text)), '0') AS number
      FROM (SELECT u.*, nextval('application_receipt_seq') AS n
              FROM unnest($4::uuid[], $5::text[], $6::text[]) WITH ORDINALITY AS u(agency_id, from_status, to_status, position)
             ORDER BY u.position) m
  ),
  submission AS (
    INSERT INTO application_submissions (application_id, number, submitted_at, submitted_by, proposal, parts)
    SELECT a.id, coalesce((SELECT max(number) FROM application_submissions WHERE application_id = a.id), 0) + 1, $3, $2,
           jsonb_build_object(
             'title', a.title, 'abstract', a.abstract, 'trackId', a.track_id, 'fieldCode', a.field_code,
             'keywords', to_jsonb(a.keywords), 'durationMonths', a.duration_months,
             'sides', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                          'agencyId', s.agency_id, 'agencyShortName', ag.short_name, 'role', ca.role,
                          'pi', jsonb_build_object('userId', s.pi_user_id, 'name', coalesce(pu.name, s.pi_name),
                                                   'email', coalesce(pu.email, s.pi_email), 'orcid', s.pi_orcid),
                          'institution', CASE WHEN s.institution_id IS NULL THEN NULL
                                         ELSE jsonb_build_object('id', s.institution_id, 'shortName', i.short_name, 'country', i.country) END,
                          'budgetPerYear', to_jsonb(s.budget_per_year), 'budgetCurrency', rtrim(s.budget_currency),
                          'existingGrantNumber', s.existing_grant_number) ORDER BY ca.role, ca.sort_order), '[]')
                         FROM application_sides s
                         JOIN call_agencies ca ON ca.call_id = a.call_id AND ca.agency_id = s.agency_id
                         JOIN organisations ag ON ag.id = s.agency_id
                         LEFT JOIN organisations i ON i.id = s.institution_id
                         LEFT JOIN users pu ON pu.id = s.pi_user_id
                        WHERE s.application_id = a.id),
             'members', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                            'id', m.id, 'userId', m.user_id, 'name', m.name, 'email', m.email, 'orcid', m.orcid, 'role', m.role,
                            'earlyCareer', m.early_career, 'institutionId', m.institution_id, 'country', rtrim(m.country))
                            ORDER BY m.role, m.name, m.id), '[]')
                           FROM application_members m WHERE m.application_id = a.id)),
           jsonb_build_object('documents', (
             SELECT coalesce(jsonb_agg(jsonb_build_object(
                      'documentId', d.id, 'requirementId', d.requirement_id, 'kind', r.kind,
                      'label', jsonb_build_object('en', r.label_en, 'ja', r.label_ja),
                      'agencyId', nullif(d.agency_id, '${WHOLE_PROPOSAL}'), 'versionId', v.id, 'fileName', v.file_name,
                      'mediaType', v.media_type, 'size', v.size, 'pages', v.pages, 'sha256', v.sha256) ORDER BY r.position, d.agency_id), '[]')
               FROM application_documents d
               JOIN document_versions v ON v.id = d.current_version_id
               JOIN document_requirements r ON r.id = d.requirement_id
              WHERE d.application_id = a.id AND r.retired_at IS NULL))
           || coalesce((SELECT jsonb_build_object('answers', jsonb_build_object('formVersion', f.version, 'answers', coalesce(x.answers, '{}'::jsonb)))
                          FROM call_forms f LEFT JOIN application_answers x ON x.application_id = a.id
                         WHERE f.call_id = a.call_id AND (x.form_version IS NULL OR f.version = x.form_version)
                         ORDER BY f.version DESC LIMIT 1), '{}'::jsonb)
      FROM applications a WHERE a.id = $1
    RETURNING id
  ),
  events AS (
    INSERT INTO application_events (application_id, agency_id, actor_id, action, from_status, to_status, comment, occurred_at)
    SELECT $1, agency_id, $2, 'application.submit', from_status, to_status, NULL, $3 FROM moved
    RETURNING id, agency_id
  ),
  receipts AS (
    INSERT INTO application_receipts (number, application_id, agency_id, kind, issued_at, event_id, submission_id)
    SELECT m.number, $1, m.agency_id, CASE m.to_status WHEN 'submitted' THEN 'received_by_agency' ELSE 'submitted_to_office' END,
           $3, e.id, s.id
      FROM moved m JOIN events e ON e.agency_id = m.agency_id CROSS JOIN submission s
  ),
  sides AS (
    UPDATE application_sides s
       SET status = m.to_status,
           receipt_number = CASE WHEN m.to_status = 'submitted' THEN m.number ELSE s.receipt_number END,
           submitted_at = CASE WHEN m.to_status = 'submitted' THEN $3 ELSE s.submitted_at END
      FROM moved m
     WHERE s.application_id = $1 AND s.agency_id = m.agency_id
  ),
  changed AS (
    UPDATE applications SET status = $7, version = version + 1, updated_at = now() WHERE id = $1 RETURNING id, status, version
  ),
  offices AS (
    UPDATE application_institutions k SET status = changed.status FROM changed WHERE k.application_id = changed.id
  )
  SELECT (SELECT version FROM changed) AS version,
         (SELECT json_agg(json_build_object('agencyId', agency_id, 'status', to_status, 'receiptNumber', number)) FROM moved) AS sides`;

type Request = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | undefined> }>;

interface OfficeRow {
  readonly id: string;
  readonly call_id: string;
  readonly title_en: string;
  readonly title_ja: string;
  readonly title: string;
  readonly status: string;
  readonly pi_user_id: string;
  readonly created_at: string;
  readonly sides: unknown[];
  readonly next_deadline: string | null;
  readonly institution_deadline: string | null;
}

interface SideToMove {
  readonly agency_id: string;
  readonly status: string;
  readonly to_status: 'pending_institution' | 'submitted';
  readonly open: boolean;
}

function problem(reply: FastifyReply, status: number, code: string, detail: string, extra: object = {}) {
  return reply
    .status(status)
    .header('content-type', 'application/problem+json')
    .send({ status, code, detail, ...extra });
}

function principalOf(request: FastifyRequest): BaselinePrincipal | undefined {
  const header = request.headers['x-principal'];
  if (typeof header !== 'string') return undefined;
  return JSON.parse(Buffer.from(header, 'base64url').toString()) as BaselinePrincipal;
}

/** `"3"` or `W/"3"`; undefined when absent, NaN when not a version. */
function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

/** The same opaque cursor as jointcall's: the last row's (created_at, id), base64url JSON. */
const encodeCursor = (values: readonly string[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length !== 2) return undefined;
    const [createdAt, id] = values as unknown[];
    return typeof createdAt === 'string' && typeof id === 'string' ? [createdAt, id] : undefined;
  } catch {
    return undefined;
  }
}

/** Runs work in a transaction on one connection of the pool. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Thrown inside a transaction to roll it back and answer a refusal. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export async function startBare(databaseUrl: string, port: number, poolSize: number): Promise<() => Promise<void>> {
  // The api's pool settings: its size, a timeout instead of a queue that waits forever, idle clients kept.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  pool.on('error', (error) => console.error(`bare: idle database client failed: ${error.message}`));
  const app = Fastify({ logger: false });

  app.patch('/applications/:id', async (request: Request, reply) => {
    const principal = principalOf(request);
    if (!principal) return problem(reply, 401, 'UNAUTHENTICATED', 'Name the caller in x-principal.');
    const expected = ifMatchVersion(request.headers['if-match']);
    if (expected === undefined) return problem(reply, 428, 'PRECONDITION_REQUIRED', 'Send If-Match.');
    if (Number.isNaN(expected)) return problem(reply, 400, 'INVALID_IF_MATCH', 'If-Match must be a version such as "3".');
    const id = request.params['id']!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields = Object.entries(CONTENT_COLUMNS).filter(([field]) => body[field] !== undefined);
    const version = await inTransaction(pool, async (client) => {
      const updated = await client.query<{ version: number }>(
        `UPDATE applications SET ${[...fields.map(([, column], i) => `${column} = $${i + 3}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE id = $1 AND version = $2 RETURNING version`,
        [id, expected, ...fields.map(([field]) => body[field])],
      );
      const row = updated.rows[0];
      if (!row) return undefined;
      await client.query(
        `INSERT INTO application_events (application_id, agency_id, actor_id, action, from_status, to_status, comment, occurred_at)
         VALUES ($1, NULL, $2, '${EDIT_EVENT}', NULL, NULL, NULL, date_trunc('second', now()))`,
        [id, principal.id],
      );
      return row.version;
    });
    if (version === undefined) {
      const current = await pool.query<{ version: number }>(`SELECT version FROM applications WHERE id = $1`, [id]);
      const currentVersion = current.rows[0]?.version;
      if (currentVersion === undefined) return problem(reply, 404, 'NOT_FOUND', 'No such application.');
      return problem(reply, 409, 'VERSION_MISMATCH', 'The application changed since you read it.', { currentVersion });
    }
    return reply.header('etag', `"${version}"`).send({ id, version });
  });

  app.get('/applications', async (request: Request, reply) => {
    const principal = principalOf(request);
    if (!principal) return problem(reply, 401, 'UNAUTHENTICATED', 'Name the caller in x-principal.');
    const query = request.query;
    if (query['view'] !== 'office') return problem(reply, 404, 'NOT_FOUND', 'Only the office view is here.');
    if (!principal.roles.includes('institution_admin') || !principal.organisationId) {
      return problem(reply, 403, 'WRONG_VIEW', 'The office view is for institution admins.');
    }
    const limit = Math.min(100, Math.max(1, Number(query['limit'] ?? 20) || 20));
    const params: unknown[] = [principal.organisationId];
    const add = (value: unknown) => `$${params.push(value)}`;
    const filters = ['k.institution_id = $1::uuid'];
    if (query['callId']) filters.push(`k.call_id = ${add(query['callId'])}::uuid`);
    if (query['status']) filters.push(`k.status = ${add(query['status'])}`);
    if (query['field']) filters.push(`a.field_code = ${add(query['field'])}`);
    if (query['cursor']) {
      const after = decodeCursor(query['cursor']);
      if (!after) return problem(reply, 400, 'INVALID_INPUT', 'cursor is not one this API issued');
      filters.push(`(k.created_at, k.application_id) < (${add(after[0])}::timestamptz, ${add(after[1])}::uuid)`);
    }
    const { rows } = await pool.query<OfficeRow>(officePageSql(filters, add(limit + 1)), params);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        call: { id: row.call_id, title: { ja: row.title_ja, en: row.title_en } },
        title: row.title,
        status: row.status,
        piUserId: row.pi_user_id,
        createdAt: row.created_at,
        nextDeadline: row.next_deadline,
        institutionDeadline: row.institution_deadline,
        sides: row.sides,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    };
  });

  app.post('/applications/:id/submit', async (request: Request, reply) => {
    const principal = principalOf(request);
    if (!principal) return problem(reply, 401, 'UNAUTHENTICATED', 'Name the caller in x-principal.');
    const id = request.params['id']!;
    try {
      const result = await inTransaction(pool, async (client) => {
        const { rows: sides } = await client.query<SideToMove>(LOCK_FOR_SUBMIT, [id, principal.id]);
        if (sides.length === 0) throw new Refusal(404, 'NOT_FOUND', 'No such application of yours.');
        if (!sides.every((s) => s.status === 'draft' || s.status === 'returned')) {
          throw new Refusal(422, 'WRONG_STATE', 'Only a draft or returned application can be submitted.');
        }
        if (!sides.every((s) => s.open)) throw new Refusal(422, 'DEADLINE_PASSED', "A side's deadline has passed.");
        // The application's status follows its least advanced side.
        const status = sides.some((s) => s.to_status === 'pending_institution') ? 'pending_institution' : 'submitted';
        const at = new Date(Math.floor(Date.now() / 1000) * 1000);
        const { rows } = await client.query<{ version: number; sides: unknown[] }>(SUBMIT, [
          id,
          principal.id,
          at,
          sides.map((s) => s.agency_id),
          sides.map((s) => s.status),
          sides.map((s) => s.to_status),
          status,
        ]);
        return { id, status, version: rows[0]!.version, sides: rows[0]!.sides };
      });
      return reply.header('etag', `"${result.version}"`).send(result);
    } catch (error) {
      if (error instanceof Refusal) return problem(reply, error.status, error.code, error.detail);
      throw error;
    }
  });

  await app.listen({ port, host: '127.0.0.1' });
  return async () => {
    await app.close();
    await pool.end();
  };
}

// Run as a process of its own: node dist/bench/bare/server.js <port>
if (process.argv[1]?.endsWith('bare/server.js')) {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  // The api's pool size: DATABASE_POOL_SIZE, 10 by default (libs/platform's configuration).
  const stop = await startBare(url, Number(process.argv[2] ?? 3803), Number(process.env['DATABASE_POOL_SIZE'] ?? 10));
  process.send?.('ready');
  process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
}
