import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { containsPattern, type CursorValue, SqlParams, updateIfVersion } from '#platform';
import { Organisation, type OrganisationKind } from './organisation.entity.js';

export interface OrganisationFilter {
  readonly q?: string;
  readonly kind?: OrganisationKind;
  readonly country?: string;
  /** Sort key (name_en, id) of the last row of the previous page. */
  readonly after?: readonly CursorValue[];
  readonly limit: number;
}

export type OrganisationFields = Pick<
  Organisation,
  'kind' | 'shortName' | 'nameJa' | 'nameEn' | 'country' | 'timeZone' | 'rorId' | 'funderId'
>;

const COLUMNS = `id, kind, short_name AS "shortName", name_ja AS "nameJa", name_en AS "nameEn", country, time_zone AS "timeZone",
  ror_id AS "rorId", funder_id AS "funderId", version`;

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page in (name_en, id) order; fetches limit + 1 rows so the caller knows whether more follow. */
  async list(filter: OrganisationFilter): Promise<Organisation[]> {
    const sql = new SqlParams();
    const param = (value: unknown): string => sql.add(value);
    const where: string[] = [];
    if (filter.q) {
      const pattern = param(containsPattern(filter.q));
      where.push(`(name_en ILIKE ${pattern} OR name_ja ILIKE ${pattern} OR short_name ILIKE ${pattern})`);
    }
    if (filter.kind) where.push(`kind = ${param(filter.kind)}`);
    if (filter.country) where.push(`country = ${param(filter.country)}`);
    if (filter.after) where.push(`(name_en, id) > (${param(filter.after[0])}, ${param(filter.after[1])}::uuid)`);
    return this.db.query<Organisation[]>(
      `SELECT ${COLUMNS} FROM organisations ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY name_en, id LIMIT ${param(filter.limit + 1)}`,
      sql.values,
    );
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<Organisation | undefined> {
    const rows = await manager.query<Organisation[]>(`SELECT ${COLUMNS} FROM organisations WHERE id = $1`, [id]);
    return rows[0];
  }

  async insert(manager: EntityManager, fields: OrganisationFields): Promise<Organisation> {
    const rows = await manager.query<Organisation[]>(
      `INSERT INTO organisations (kind, short_name, name_ja, name_en, country, time_zone, ror_id, funder_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [fields.kind, fields.shortName, fields.nameJa, fields.nameEn, fields.country, fields.timeZone, fields.rorId, fields.funderId],
    );
    return rows[0]!;
  }

  /**
   * Writes the changed fields and bumps the version, only if the row still has `expectedVersion`
   * (when given). Answers the new row, or undefined when the version did not match.
   */
  async update(
    manager: EntityManager,
    id: string,
    fields: Partial<OrganisationFields>,
    expectedVersion?: number,
  ): Promise<Organisation | undefined> {
    const changes = {
      kind: fields.kind,
      short_name: fields.shortName,
      name_ja: fields.nameJa,
      name_en: fields.nameEn,
      country: fields.country,
      time_zone: fields.timeZone,
      ror_id: fields.rorId,
      funder_id: fields.funderId,
    };
    return updateIfVersion<Organisation>(manager, 'organisations', id, changes, expectedVersion, COLUMNS);
  }
}
