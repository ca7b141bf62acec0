import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal.js';

/** The signed-in user of an `@Authenticated` route. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<{ user?: Principal }>();
  if (!request.user) throw new Error('CurrentUser used on a route that is not @Authenticated');
  return request.user;
});

/** The request id, for the event log. */
export const RequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return String(context.switchToHttp().getRequest<{ id: string }>().id);
});
