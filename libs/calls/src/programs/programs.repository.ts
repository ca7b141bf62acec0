import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { containsPattern, type CursorValue, SqlParams, updateIfVersion } from '#platform';
import type { ProgramDto } from './dto/program.dto.js';

export interface ProgramFields {
  readonly code: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly descriptionJa: string;
  readonly descriptionEn: string;
}

const SELECT = `SELECT p.id, p.code, p.name_ja, p.name_en, p.description_ja, p.description_en, p.version,
    o.id AS agency_id, o.short_name, o.name_ja AS agency_name_ja, o.name_en AS agency_name_en, o.country
  FROM programs p JOIN organisations o ON o.id = p.agency_id`;

/** A row of SELECT: the program and its agency. */
interface ProgramRow {
  readonly id: string;
  readonly code: string;
  readonly name_ja: string;
  readonly name_en: string;
  readonly description_ja: string;
  readonly description_en: string;
  readonly version: number;
  readonly agency_id: string;
  readonly short_name: string;
  readonly agency_name_ja: string;
  readonly agency_name_en: string;
  readonly country: string;
}

@Injectable()
export class ProgramsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page in (code, id) order; limit + 1 rows. */
  async list(filter: { agencyId?: string; q?: string; after?: readonly CursorValue[]; limit: number }): Promise<ProgramDto[]> {
    const sql = new SqlParams();
    const param = (value: unknown): string => sql.add(value);
    const where: string[] = [];
    if (filter.agencyId) where.push(`p.agency_id = ${param(filter.agencyId)}`);
    if (filter.q) {
      const pattern = param(containsPattern(filter.q));
      where.push(`(p.code ILIKE ${pattern} OR p.name_ja ILIKE ${pattern} OR p.name_en ILIKE ${pattern})`);
    }
    if (filter.after) where.push(`(p.code, p.id) > (${param(filter.after[0])}, ${param(filter.after[1])}::uuid)`);
    const rows = await this.db.query<ProgramRow[]>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.code, p.id LIMIT ${param(filter.limit + 1)}`,
      sql.values,
    );
    return rows.map(toProgramDto);
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<ProgramDto | undefined> {
    const rows = await manager.query<ProgramRow[]>(`${SELECT} WHERE p.id = $1`, [id]);
    return rows[0] && toProgramDto(rows[0]);
  }

  async insert(manager: EntityManager, agencyId: string, fields: ProgramFields): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO programs (agency_id, code, name_ja, name_en, description_ja, description_en) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [agencyId, fields.code, fields.nameJa, fields.nameEn, fields.descriptionJa, fields.descriptionEn],
    );
    return rows[0]!.id;
  }

  async update(manager: EntityManager, id: string, fields: Partial<ProgramFields>, expectedVersion: number | undefined): Promise<boolean> {
    const changes = {
      code: fields.code,
      name_ja: fields.nameJa,
      name_en: fields.nameEn,
      description_ja: fields.descriptionJa,
      description_en: fields.descriptionEn,
    };
    return (await updateIfVersion(manager, 'programs', id, changes, expectedVersion)) !== undefined;
  }
}

function toProgramDto(row: ProgramRow): ProgramDto {
  return {
    id: row.id,
    agency: {
      id: row.agency_id,
      shortName: row.short_name,
      name: { ja: row.agency_name_ja, en: row.agency_name_en },
      country: row.country,
    },
    code: row.code,
    name: { ja: row.name_ja, en: row.name_en },
    description: { ja: row.description_ja, en: row.description_en },
    version: row.version,
  };
}
