import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

/**
 * Who may call a route. Every route declares it with exactly one decorator, `@Public()` or
 * `@Authenticated(...roles)`; the access guard enforces it, OpenAPI shows it (`x-access`), and the
 * application refuses to start while any route lacks one.
 */
export type RouteAccess = { readonly kind: 'public' } | { readonly kind: 'authenticated'; readonly roles: readonly Role[] };

/**
 * The roles a user may hold: a closed set, declared beside the decorator that names them on every
 * route, so a route naming a role that does not exist does not compile. Identity assigns them.
 */
export const ROLES = ['researcher', 'institution_admin', 'program_officer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROUTE_ACCESS = 'jointcall:route-access';

/** Anyone, signed in or not. */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess), ApiExtension('x-access', 'public'));
}

/**
 * A signed-in user; with roles, one who has at least one of them (403 otherwise). Which objects the
 * user may touch is decided by the service through the access module (404 for the others).
 */
export function Authenticated(...roles: readonly Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'authenticated', roles } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiExtension('x-access', describeAccess({ kind: 'authenticated', roles })),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' }),
    ...(roles.length > 0 ? [ApiForbiddenResponse({ description: `FORBIDDEN: needs the role ${roles.join(' or ')}.` })] : []),
  );
}

export function describeAccess(access: RouteAccess | undefined): string {
  if (access === undefined) return 'UNDECLARED';
  if (access.kind === 'public') return 'public';
  return access.roles.length === 0 ? 'signed-in' : `roles: ${access.roles.join(', ')}`;
}
