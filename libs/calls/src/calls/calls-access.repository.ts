import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AccessService, officerAgencyOf, PERMISSIONS, type Principal } from '#identity';

/** The calls feature's permissions (declared with all others in #identity). */
export const CallPermission = PERMISSIONS.calls;

/** The SQL behind the calls permissions. */
@Injectable()
export class CallsAccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Registers this feature's checkers with the access module (its Nest module at start-up, or a hand-wired server). */
  registerWith(access: AccessService): void {
    access.register(CallPermission.read, (p, ids) => this.readable(p, ids));
    access.register(CallPermission.lead, (p, ids) => this.led(p, ids));
    access.register(CallPermission.participate, (p, ids) => this.participating(p, ids));
    access.register(CallPermission.manageProgram, (p, ids) => this.managedPrograms(p, ids));
  }

  async readable(principal: Principal, ids: readonly string[]): Promise<string[]> {
    return this.ids(
      `SELECT c.id FROM calls c WHERE c.id = ANY($1::uuid[]) AND (c.published_at IS NOT NULL OR EXISTS (
         SELECT 1 FROM call_agencies a WHERE a.call_id = c.id AND a.agency_id = $2))`,
      [ids, officerAgencyOf(principal)],
    );
  }

  async led(principal: Principal, ids: readonly string[]): Promise<string[]> {
    return this.ids(`SELECT call_id AS id FROM call_agencies WHERE call_id = ANY($1::uuid[]) AND role = 'lead' AND agency_id = $2`, [
      ids,
      officerAgencyOf(principal),
    ]);
  }

  async participating(principal: Principal, ids: readonly string[]): Promise<string[]> {
    return this.ids(`SELECT call_id AS id FROM call_agencies WHERE call_id = ANY($1::uuid[]) AND agency_id = $2`, [
      ids,
      officerAgencyOf(principal),
    ]);
  }

  async managedPrograms(principal: Principal, ids: readonly string[]): Promise<string[]> {
    return this.ids(`SELECT id FROM programs WHERE id = ANY($1::uuid[]) AND agency_id = $2`, [ids, officerAgencyOf(principal)]);
  }

  private async ids(sql: string, params: unknown[]): Promise<string[]> {
    return (await this.db.query<{ id: string }[]>(sql, params)).map((row) => row.id);
  }
}
