import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AccessService, officeInstitutionOf, officerAgencyOf, PERMISSIONS, type Principal } from '#identity';
import { SqlParams } from '#platform';

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

/** The editors (the PI and co-PIs, isEditor in rules/team.ts) in SQL, over `applications a`, with the user as parameter $u. */
export function editorSql(user: string): string {
  return `(a.pi_user_id = ${user} OR EXISTS (
    SELECT 1 FROM application_members m WHERE m.application_id = a.id AND m.user_id = ${user} AND m.role IN ('pi', 'co_pi')))`;
}

/** The principal's parameters of visibleApplicationSql. */
function visibleTo(principal: Principal, params: SqlParams): string {
  return visibleApplicationSql(
    `${params.add(principal.id)}::uuid`,
    `${params.add(officeInstitutionOf(principal))}::uuid`,
    `${params.add(officerAgencyOf(principal))}::uuid`,
  );
}

/** isEditable (rules/application-state.ts) in SQL, over `applications a`: it has sides, each a draft or returned. */
export function editableSidesSql(): string {
  return `(EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM application_sides s WHERE s.application_id = a.id AND s.status NOT IN ('draft', 'returned')))`;
}

/** hasReachedAgency (rules/application-state.ts) in SQL, over the side row `side`. */
export function receivedSideSql(side: string): string {
  return `(${side}.status NOT IN ('draft', 'returned', 'pending_institution') AND (${side}.status <> 'withdrawn' OR ${side}.submitted_at IS NOT NULL))`;
}

@Injectable()
export class ApplicationsAccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Registers this feature's checkers with the access module (its Nest module at start-up, or a
   * hand-wired server); read and edit also as conditions over `applications a`, for the statements
   * that read or save an application with its check.
   */
  registerWith(access: AccessService): void {
    access.register(ApplicationPermission.read, (p, ids) => this.readable(p, ids), visibleTo);
    access.register(ApplicationPermission.team, (p, ids) => this.onTeam(p, ids));
    access.register(
      ApplicationPermission.edit,
      (p, ids) => this.editable(p, ids),
      (p, params) => editorSql(`${params.add(p.id)}::uuid`),
    );
    access.register(ApplicationPermission.agencySide, (p, ids) => this.agencySides(p, ids));
    access.register(ApplicationPermission.sideOffice, (p, ids) => this.sideOffices(p, ids));
  }

  async readable(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const params = new SqlParams();
    const sql = `SELECT a.id FROM applications a WHERE a.id = ANY(${params.add(ids)}::uuid[]) AND ${visibleTo(principal, params)}`;
    const rows = await this.db.query<{ id: string }[]>(sql, params.values);
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
      `SELECT a.id FROM applications a WHERE a.id = ANY($1::uuid[]) AND ${editorSql('$2::uuid')}`,
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
