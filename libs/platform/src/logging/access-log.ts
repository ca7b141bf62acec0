import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { requestForAccessLog, responseForAccessLog } from './logger.js';

/** Paths whose requests are not logged: health probes come every few seconds from each load balancer. */
const UNLOGGED_PREFIX = '/health';

/**
 * One line per answered request (`request completed`) or per request its client gave up on
 * (`request aborted`): its id, method, masked URL, address, status and time in milliseconds.
 *
 * Written from Fastify's own hooks with a child of the root logger made once: no logger per
 * request, no request context carried across every promise (AsyncLocalStorage), and no redaction
 * pass, since the line holds only the fields `requestForAccessLog` and `responseForAccessLog` pick.
 * On the draft save, nestjs-pino's middleware and the root logger's redaction had allocated about
 * a fifth of each request's memory (docs/performance.md).
 */
export function registerAccessLog(fastify: FastifyInstance, root: Logger, processName: string): void {
  const log = root.child({ process: processName }, { redact: [] });
  const logged = (request: FastifyRequest) => !request.url.startsWith(UNLOGGED_PREFIX);
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (logged(request)) {
      const line = {
        reqId: request.id,
        req: requestForAccessLog(request),
        res: responseForAccessLog(reply),
        responseTime: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) log.error(line, 'request completed');
      else log.info(line, 'request completed');
    }
    done();
  });
  fastify.addHook('onRequestAbort', (request: FastifyRequest, done: () => void) => {
    if (logged(request)) {
      log.info({ reqId: request.id, req: requestForAccessLog(request) }, 'request aborted');
    }
    done();
  });
}
