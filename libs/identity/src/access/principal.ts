import type { Role } from '../users/roles.js';

/** The signed-in user as every access decision sees them, loaded fresh for each request. */
export interface Principal {
  readonly id: string;
  readonly email: string;
  readonly roles: ReadonlySet<Role>;
  readonly organisationId: string | null;
  /** The sign-in (refresh-token family) the access token belongs to. */
  readonly sessionId: string;
  /**
   * Where the primary's WAL stood after this sign-in's last write (pg_lsn text), or null: reads that
   * may lag go to a replica only once it has replayed this far (LaggingReads in #platform).
   */
  readonly lastWriteLsn: string | null;
}

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.has(role));
}

/** The agency the principal acts for as a program officer, or null. */
export function officerAgencyOf(principal: Principal): string | null {
  return hasRole(principal, 'program_officer') ? principal.organisationId : null;
}

/** The institution whose research office the principal works for, or null. */
export function officeInstitutionOf(principal: Principal): string | null {
  return hasRole(principal, 'institution_admin') ? principal.organisationId : null;
}
