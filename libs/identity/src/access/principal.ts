import type { Role } from '../users/roles.js';

/** The signed-in user as every access decision sees them, loaded fresh for each request. */
export interface Principal {
  readonly id: string;
  readonly email: string;
  readonly roles: ReadonlySet<Role>;
  readonly organisationId: string | null;
  /** The sign-in (refresh-token family) the access token belongs to. */
  readonly sessionId: string;
}

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.has(role));
}
