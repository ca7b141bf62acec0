import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { concatMap, type Observable } from 'rxjs';
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
 * lag use a replica only once it has replayed that far. Without replicas nothing is recorded.
 */
@Injectable()
export class WritePositionInterceptor implements NestInterceptor {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly reads: LaggingReads,
    private readonly auth: AuthService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !this.reads.replicated) return next.handle();
    const request = context.switchToHttp().getRequest<{ method?: string; user?: Principal }>();
    if (!isMutatingMethod(request.method)) return next.handle();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        if (request.user) {
          // The change is committed: failing the request now would invite a retry of it. Without the
          // position, this caller's next lists may miss the change for as long as the replica lags.
          await this.auth.recordWritePosition(request.user).catch((error: unknown) => {
            this.logger.warn({ err: error }, 'could not record the write position of a session; its next reads may lag');
          });
        }
        return body;
      }),
    );
  }
}
