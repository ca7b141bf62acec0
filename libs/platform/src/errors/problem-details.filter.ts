import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem-details.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Every error of every route leaves as RFC 9457 problem+json; unexpected ones are logged. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(error, String(request.id), request.url.split('?')[0]);
    if (problem.unexpected) {
      this.logger.error({ err: error, requestId: request.id }, 'unexpected error');
    } else if (problem.body.status >= 500) {
      this.logger.warn({ err: error, requestId: request.id, code: problem.body.code }, problem.body.detail);
    }
    if (problem.body.status === 401) void reply.header('www-authenticate', 'Bearer');
    if (problem.retryAfterSeconds !== undefined) void reply.header('retry-after', String(problem.retryAfterSeconds));
    void reply.status(problem.body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem.body);
  }
}
