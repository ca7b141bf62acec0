import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hasRole, type Principal } from './principal.js';

/** The SQL behind the identity permissions. */
@Injectable()
export class IdentityAccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Admins see every user; everyone else only themselves. */
  async readableUsers(principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND ($2 OR id = $3)`, [
      ids,
      hasRole(principal, 'admin'),
      principal.id,
    ]);
    return rows.map((row) => row.id);
  }

  /** Only admins manage users. */
  async manageableUsers(principal: Principal, ids: readonly string[]): Promise<string[]> {
    if (!hasRole(principal, 'admin')) return [];
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((row) => row.id);
  }

  /** Every signed-in user sees every organisation (to pick partners). */
  async readableOrganisations(_principal: Principal, ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((row) => row.id);
  }

  /** Only admins edit organisations. */
  async manageableOrganisations(principal: Principal, ids: readonly string[]): Promise<string[]> {
    return hasRole(principal, 'admin') ? this.readableOrganisations(principal, ids) : [];
  }
}
