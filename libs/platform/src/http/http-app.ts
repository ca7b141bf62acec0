import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppConfig } from '../config/app-config.js';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details.filter.js';
import { ValidationFailedError } from '../errors/domain-error.js';
import { toProblem } from '../errors/problem-details.js';
import { tooDeepField } from '../errors/validation.js';
import { registerAccessLog } from '../logging/access-log.js';
import { PROCESS_NAME, type ProcessName, ROOT_LOGGER } from '../platform.module.js';
import { etagOfAnswer } from './etag.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';

type SecurityHook = Parameters<FastifyAdapter['registerSecurityHook']>[0];

/** Keeps the security hook Nest registers, so that errors the router answers itself carry its headers too. */
class ProblemFastifyAdapter extends FastifyAdapter {
  securityHeaders: SecurityHook | undefined;

  override registerSecurityHook(hook: SecurityHook): void {
    this.securityHeaders = hook;
    super.registerSecurityHook(hook);
  }
}

/**
 * Fastify with the body limit, request ids taken from (or written to) X-Request-Id, and no logger of
 * its own. What the router and the HTTP parser refuse before any route runs (a malformed URL, an
 * over-long path parameter, oversize headers) is answered as problem+json too.
 */
export function createFastifyAdapter(config: Pick<AppConfig, 'bodyLimitBytes' | 'trustProxy'>): FastifyAdapter {
  const adapter: ProblemFastifyAdapter = new ProblemFastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers[REQUEST_ID_HEADER]),
    logger: false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      try {
        adapter.securityHeaders?.(request, reply.raw);
      } catch {
        // The request is refused either way.
      }
      const problem = toProblem(error, String(request.id), request.url.split('?')[0]);
      void reply
        .status(problem.body.status)
        .header(REQUEST_ID_HEADER, request.id)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problem.body);
    },
    clientErrorHandler: answerClientError,
  });
  return adapter;
}

/** Requests the HTTP parser cannot read (oversize headers, broken framing, timeouts): problem+json, then close. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request line or headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.']
        : [400, 'MALFORMED_REQUEST', 'The request is not valid HTTP.'];
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: `urn:jointcall:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    requestId,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `${REQUEST_ID_HEADER}: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Everything between the Nest application and the wire, the same for `npm start` and the API tests. */
export function configureHttpApp(app: NestFastifyApplication, config: Pick<AppConfig, 'corsOrigins'>): OpenAPIObject {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.useSecurityHeaders({
    // The OpenAPI page at /docs runs Swagger UI's own script and styles from this origin.
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      credentials: false,
      exposedHeaders: [REQUEST_ID_HEADER, 'etag', 'location', 'retry-after'],
    });
  }
  const fastify = app.getHttpAdapter().getInstance();
  registerAccessLog(fastify, app.get<PinoLogger>(ROOT_LOGGER), app.get<ProcessName>(PROCESS_NAME));
  fastify
    .addHook('onRequest', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
    })
    // Objects only: Fastify calls it before serialising one. A hook rather than a global interceptor,
    // which would wrap every request of every route in an rxjs chain (docs/performance.md).
    .addHook('preSerialization', (_request, reply, payload, done) => {
      const etag = etagOfAnswer(payload);
      if (etag !== undefined) void reply.header('etag', etag);
      done(null, payload);
    })
    // Before interceptors and pipes, whose code walks bodies recursively: deep nesting is bad input, not a crash.
    .addHook('preValidation', (request, _reply, done) => {
      const tooDeep = tooDeepField(request.body);
      done(tooDeep === undefined ? undefined : new ValidationFailedError([tooDeep]));
    });
  return setupOpenApi(app);
}

function setupOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return document;
}

/** The OpenAPI document of the application's routes (also built without a database, for the pages' typed client). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('jointcall API')
      .setDescription(
        'International joint grant calls: calls, joint applications, institution approval, reviews and decisions. ' +
          'Errors are RFC 9457 problem+json with a stable `code` and the request id.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}
