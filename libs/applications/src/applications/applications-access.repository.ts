import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AccessService, officeInstitutionOf, officerAgencyOf, PERMISSIONS, type Principal } from '#identity';

/** The applications feature's permissions (declared with all others in #identity). */
export const ApplicationPermission = PERMISSIONS.applications;

/** The visibility rule in SQL, over `applications a`, with the user, office and agency as parameters $u, $o, $g. */
export function visibleApplicationSql(user: string, office: string, agency: string): string {
  return `(a.pi_user_id = ${user}
    OR EXISTS (SELECT 1 FROM application_members m WHERE m.application_id = a.id AND (m.user_id = ${user} OR m.institution_id = ${office}))
    OR EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id
               AND (s.pi_user_id = ${user} OR s.institution_id = ${office}
                    OR (s.agency_id = ${agency} AND ${receivedSideSql('s')}))))`;
}

/** hasReachedAgency (rules/application-state.ts) in SQL, over the side row `side`. */
export function receivedSideSql(side: string): string {
  return `(${side}.status NOT IN ('draft', 'returned', 'pending_institution') AND (${side}.status <> 'withdrawn' OR ${side}.submitted_at IS NOT NULL))`;
}

@Injectable()
export class ApplicationsAccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Registers this feature's checkers with the access module (its Nest module at start-up, or a hand-wired server). */
  registerWith(access: AccessService): void {
    access.register(ApplicationPermission.read, (p, ids) => this.readable(p, ids));
    access.register(ApplicationPermission.team, (p, ids) => this.onTeam(p, ids));
    access.register(ApplicationPermission.edit, (p, ids) => this.editable(p, ids));
    access.register(ApplicationPermission.agencySide, (p, ids) => this.agencySides(p, ids));
    access.register(ApplicationPermission.sideOffice, (p, ids) => this.sideOffices(p, ids));
  }

  async readable(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT a.id FROM applications a WHERE a.id = ANY($1::uuid[]) AND ${visibleApplicationSql('$2::uuid', '$3::uuid', '$4::uuid')}`,
      [ids, principal.id, officeInstitutionOf(principal), officerAgencyOf(principal)],
    );
    return rows.map((row) => row.id);
  }

  async onTeam(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT a.id FROM applications a WHERE a.id = ANY($1::uuid[]) AND (a.pi_user_id = $2
         OR EXISTS (SELECT 1 FROM application_members m WHERE m.application_id = a.id AND m.user_id = $2)
         OR EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id AND s.pi_user_id = $2))`,
      [ids, principal.id],
    );
    return rows.map((row) => row.id);
  }

  async editable(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT a.id FROM applications a WHERE a.id = ANY($1::uuid[]) AND (a.pi_user_id = $2 OR EXISTS (
         SELECT 1 FROM application_members m WHERE m.application_id = a.id AND m.user_id = $2 AND m.role IN ('pi', 'co_pi')))`,
      [ids, principal.id],
    );
    return rows.map((row) => row.id);
  }

  /** Applications with a side at the office's institution. */
  async sideOffices(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const office = officeInstitutionOf(principal);
    if (office === null) return [];
    const rows = await this.db.query<{ application_id: string }[]>(
      `SELECT DISTINCT s.application_id FROM application_sides s WHERE s.application_id = ANY($1::uuid[]) AND s.institution_id = $2`,
      [ids, office],
    );
    return rows.map((row) => row.application_id);
  }

  /** Applications whose side of the officer's agency has reached it. */
  async agencySides(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const agency = officerAgencyOf(principal);
    if (agency === null) return [];
    const rows = await this.db.query<{ application_id: string }[]>(
      `SELECT s.application_id FROM application_sides s WHERE s.application_id = ANY($1::uuid[]) AND s.agency_id = $2 AND ${receivedSideSql('s')}`,
      [ids, agency],
    );
    return rows.map((row) => row.application_id);
  }
}
