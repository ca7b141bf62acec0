import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagOf } from './etag.js';

/** A single object answered with a numeric `version` gets it as its ETag, for a later If-Match. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (body !== null && typeof body === 'object' && 'version' in body && typeof body.version === 'number') {
          void context.switchToHttp().getResponse<FastifyReply>().header('etag', etagOf(body.version));
        }
        return body;
      }),
    );
  }
}
