import { Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LaggingReads } from '#platform';
import type { Principal } from '../access/principal.js';
import { AuthService } from './auth.service.js';

/** Methods whose successful requests may have written. */
export function isMutatingMethod(method: string | undefined): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

/**
 * Read-your-writes with replicas: after a signed-in caller's mutating request succeeded (its
 * transaction committed), and before the answer leaves, the primary's WAL position is recorded on
 * the caller's session. Their next requests load it with the principal, and their reads that may
 * lag use a replica only once it has replayed that far. Without replicas nothing is recorded, and
 * no hook is registered at all.
 *
 * A Fastify `onSend` hook rather than a Nest interceptor: a global interceptor puts an rxjs chain
 * around every request of every route, which on the draft save cost more than the rest of Nest's
 * routing (docs/performance.md).
 */
@Injectable()
export class WritePositions {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly reads: LaggingReads,
    private readonly auth: AuthService,
  ) {}

  register(fastify: FastifyInstance): void {
    if (!this.reads.replicated) return;
    fastify.addHook('onSend', async (request: FastifyRequest & { user?: Principal }, reply: FastifyReply, payload: unknown) => {
      if (request.user && isMutatingMethod(request.method) && reply.statusCode < 400) {
        // The change is committed: failing the request now would invite a retry of it. Without the
        // position, this caller's next lists may miss the change for as long as the replica lags.
        await this.auth.recordWritePosition(request.user).catch((error: unknown) => {
          this.logger.warn(
            { err: error, requestId: request.id },
            'could not record the write position of a session; its next reads may lag',
          );
        });
      }
      return payload;
    });
  }
}
