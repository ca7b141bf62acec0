import 'reflect-metadata';
import { createHash } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import {
  ApplicationsAccessRepository,
  ApplicationsRepository,
  ApplicationsService,
  ExportColumns,
  SubmissionParts,
  SubmissionsRepository,
} from '#applications';
import { CallsAccessRepository, CallsRepository, CallsService } from '#calls';
import { AccessService, type Principal, type Role } from '#identity';
import { EMAIL_QUEUE, NotificationsRepository, Notifier } from '#notifications';
import { StatisticsRepository, StatisticsService } from '#reporting';
import { ReviewsAccessRepository, ReviewsRepository, ReviewsService } from '#reviews';
import {
  AuditLog,
  IdempotencyStore,
  JobQueue,
  LaggingReads,
  loadConfig,
  prefersMinimal,
  requiredVersion,
  SystemClock,
  toProblem,
} from '#platform';
import { pgDataSource } from './pg-data-source.js';

/**
 * The same-SQL baseline the benchmark compares jointcall with: the routes of the scenarios on bare
 * Fastify and node-postgres, running the same services and repositories (so the same SQL statements
 * and the same answers), wired by hand. It measures the framework's share of jointcall's cost; the
 * bare baseline (bench/bare) measures the whole of it. Left out on purpose: Nest (modules, guards, pipes,
 * interceptors), TypeORM, authentication (the caller is named by an `x-principal` header, base64url
 * JSON, instead of a verified token and a session lookup), input validation and request logging.
 */
export interface BaselinePrincipal {
  readonly id: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly organisationId: string | null;
}

export function principalHeader(principal: BaselinePrincipal): string {
  return Buffer.from(JSON.stringify(principal)).toString('base64url');
}

/** The Principal the services take, for a caller named without a sign-in. */
export function asPrincipal(p: BaselinePrincipal): Principal {
  return { ...p, roles: new Set(p.roles), sessionId: p.id, lastWriteLsn: null };
}

/** jointcall's services and repositories, wired by hand on a node-postgres pool. */
export function services(pool: pg.Pool) {
  const db = pgDataSource(pool);
  const clock = new SystemClock();
  const config = { ...loadConfig({ ...process.env, DATABASE_URL: undefined, READ_DATABASE_URL: undefined }), runJobs: false };
  const jobs = new JobQueue(db, config);
  jobs.define({ name: EMAIL_QUEUE });
  const access = new AccessService();
  new ApplicationsAccessRepository(db).registerWith(access);
  new CallsAccessRepository(db).registerWith(access);
  const reviewsRepository = new ReviewsRepository(db);
  new ReviewsAccessRepository(db, reviewsRepository).registerWith(access);
  // The bare pool has no replicas: every read that may lag runs on it.
  const laggingReads = new LaggingReads(db);
  const applicationsRepository = new ApplicationsRepository(db, laggingReads);
  const submissionsRepository = new SubmissionsRepository(db);
  const callsRepository = new CallsRepository(db, laggingReads);
  const notifier = new Notifier(new NotificationsRepository(db), jobs, clock);
  const audit = new AuditLog(clock);
  return {
    clock,
    idempotency: new IdempotencyStore(db, jobs, clock),
    applications: new ApplicationsService(
      applicationsRepository,
      callsRepository,
      access,
      notifier,
      clock,
      new SubmissionParts(),
      submissionsRepository,
      new ExportColumns(),
    ),
    calls: new CallsService(db, callsRepository, access, audit, clock),
    reviews: new ReviewsService(
      reviewsRepository,
      applicationsRepository,
      callsRepository,
      access,
      audit,
      notifier,
      clock,
      submissionsRepository,
    ),
    statistics: new StatisticsService(new StatisticsRepository(laggingReads), callsRepository, access, clock),
  };
}

type Request = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string> }>;

export async function startBaseline(databaseUrl: string, port: number, poolSize = 10): Promise<() => Promise<void>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const s = services(pool);
  const app = Fastify({ logger: false });

  const principalOf = (request: Request): Principal =>
    asPrincipal(JSON.parse(Buffer.from(String(request.headers['x-principal']), 'base64url').toString()) as BaselinePrincipal);
  /** Like the api's ETag interceptor: a body with a numeric version gets it as its ETag. */
  const withVersion = <T extends object>(reply: FastifyReply, body: T): T => {
    if ('version' in body && typeof body.version === 'number') void reply.header('etag', `"${body.version}"`);
    return body;
  };
  /** The same Idempotency-Key handling as the api's interceptor, on the same table. */
  const idempotent = async (request: Request, reply: FastifyReply, status: number, work: () => Promise<unknown>) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return work();
    const scope = principalOf(request).id;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest();
    const claim = await s.idempotency.claim(scope, key, hash, s.clock.now());
    if (claim.kind === 'done') return reply.status(claim.status).send(claim.body);
    if (claim.kind !== 'claimed') return reply.status(409).send({ code: claim.kind });
    try {
      const body = await work();
      await s.idempotency.complete(scope, key, status, body, s.clock.now());
      return reply.status(status).send(body);
    } catch (error) {
      await s.idempotency.release(scope, key);
      throw error;
    }
  };
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, String(request.id), request.url.split('?')[0]);
    void reply.status(problem.body.status).header('content-type', 'application/problem+json').send(problem.body);
  });

  const query = (request: Request) => ({ ...request.query, ...(request.query['limit'] ? { limit: Number(request.query['limit']) } : {}) });
  app.get('/applications', (r: Request) => s.applications.list(principalOf(r), query(r)));
  app.get('/applications/export.csv', async (r: Request, reply) => {
    void reply.header('content-type', 'text/csv; charset=utf-8');
    return s.applications.exportCsv(principalOf(r), r.query);
  });
  app.get('/applications/:id', async (r: Request, reply) => withVersion(reply, await s.applications.get(principalOf(r), r.params['id']!)));
  app.patch('/applications/:id', async (r: Request, reply) => {
    const [principal, id, version] = [principalOf(r), r.params['id']!, requiredVersion(r.headers['if-match'])];
    const saved = prefersMinimal(r.headers['prefer'])
      ? await s.applications.updateMinimal(principal, id, r.body as object, version)
      : await s.applications.update(principal, id, r.body as object, version);
    return withVersion(reply, saved);
  });
  app.post('/applications/:id/submit', (r: Request, reply) =>
    idempotent(r, reply, 200, () => s.applications.submit(principalOf(r), r.params['id']!)),
  );
  app.post('/applications/:id/sides/:agencyId/approve', (r: Request, reply) =>
    idempotent(r, reply, 200, () =>
      s.applications.approve(
        principalOf(r),
        r.params['id']!,
        r.params['agencyId']!,
        r.body as { exportControlScreened: boolean; disclosuresReceived: boolean },
      ),
    ),
  );
  app.get('/dashboards/institution', (r: Request) => s.statistics.institutionDashboard(principalOf(r)));
  app.get('/me/assignments', (r: Request) => s.reviews.myAssignments(principalOf(r)));
  app.get('/assignments/:id/application', (r: Request) => s.reviews.assignedApplication(principalOf(r), r.params['id']!));
  app.put('/assignments/:id/review', async (r: Request, reply) =>
    withVersion(
      reply,
      await s.reviews.save(
        principalOf(r),
        r.params['id']!,
        r.body as { scores: Record<string, number> },
        requiredVersion(r.headers['if-match']),
      ),
    ),
  );
  app.get('/calls', (r: Request) => s.calls.list(principalOf(r), query(r)));
  app.get('/calls/:id', (r: Request) => s.calls.get(principalOf(r), r.params['id']!, r.query['tz']));

  await app.listen({ port, host: '127.0.0.1' });
  return async () => {
    await app.close();
    await pool.end();
  };
}

// Run as a process of its own: node dist/bench/baseline/server.js <port>
if (process.argv[1]?.endsWith('baseline/server.js')) {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  const stop = await startBaseline(url, Number(process.argv[2] ?? 3100), Number(process.env['DATABASE_POOL_SIZE'] ?? 10));
  process.send?.('ready');
  process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
}
