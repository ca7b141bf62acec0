import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { containsPattern, type CursorValue, SqlParams, updateIfVersion } from '#platform';
import { SESSION_CHANNEL } from '../auth/session-notices.js';
import type { UserDto } from './dto/user.dto.js';
import type { Language, Role } from './roles.js';

export interface UserFilter {
  readonly q?: string;
  readonly organisationId?: string;
  readonly role?: Role;
  /** Sort key (lower(email), id) of the last row of the previous page. */
  readonly after?: readonly CursorValue[];
  readonly limit: number;
}

export interface UserFields {
  readonly email: string;
  readonly name: string;
  readonly orcid: string | null;
  readonly organisationId: string | null;
  readonly roles: readonly Role[];
  readonly language: Language;
  readonly timeZone: string | null;
  readonly disabled: boolean;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  orcid: string | null;
  roles: Role[];
  language: Language;
  time_zone: string | null;
  disabled: boolean;
  version: number;
  organisation_id: string | null;
  organisation_short_name: string | null;
  organisation_name_ja: string | null;
  organisation_name_en: string | null;
  organisation_time_zone: string | null;
}

const SELECT = `SELECT u.id, u.email, u.name, u.orcid, u.roles, u.language, u.time_zone, u.disabled_at IS NOT NULL AS disabled, u.version,
    o.id AS organisation_id, o.short_name AS organisation_short_name, o.name_ja AS organisation_name_ja,
    o.name_en AS organisation_name_en, o.time_zone AS organisation_time_zone
  FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(filter: UserFilter): Promise<UserDto[]> {
    const sql = new SqlParams();
    const param = (value: unknown): string => sql.add(value);
    const where: string[] = [];
    if (filter.q) {
      const pattern = param(containsPattern(filter.q));
      where.push(`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
    }
    if (filter.organisationId) where.push(`u.organisation_id = ${param(filter.organisationId)}`);
    if (filter.role) where.push(`${param(filter.role)} = ANY(u.roles)`);
    if (filter.after) where.push(`(lower(u.email), u.id) > (${param(filter.after[0])}, ${param(filter.after[1])}::uuid)`);
    const rows = await this.db.query<UserRow[]>(
      `${SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY lower(u.email), u.id LIMIT ${param(filter.limit + 1)}`,
      sql.values,
    );
    return rows.map(toUserDto);
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<UserDto | undefined> {
    const rows = await manager.query<UserRow[]>(`${SELECT} WHERE u.id = $1`, [id]);
    return rows[0] && toUserDto(rows[0]);
  }

  async insert(manager: EntityManager, fields: Omit<UserFields, 'disabled'>, passwordHash: string): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO users (email, name, orcid, organisation_id, roles, language, time_zone, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [fields.email, fields.name, fields.orcid, fields.organisationId, fields.roles, fields.language, fields.timeZone, passwordHash],
    );
    return rows[0]!.id;
  }

  /**
   * Writes the given fields and bumps the version, only while the row has `expectedVersion` (when
   * given). Answers false when the version did not match or the user does not exist.
   */
  async update(
    manager: EntityManager,
    id: string,
    fields: Partial<UserFields>,
    expectedVersion: number | undefined,
    now: Date,
  ): Promise<boolean> {
    const changes = {
      email: fields.email,
      name: fields.name,
      orcid: fields.orcid,
      organisation_id: fields.organisationId,
      roles: fields.roles,
      language: fields.language,
      time_zone: fields.timeZone,
      disabled_at: fields.disabled === undefined ? undefined : fields.disabled ? now : null,
    };
    return (await updateIfVersion(manager, 'users', id, changes, expectedVersion)) !== undefined;
  }

  /** Ends every session of the user, and tells every api instance when the caller's transaction commits. */
  async revokeAllSessions(manager: EntityManager, userId: string, now: Date, reason: string): Promise<void> {
    await manager.query(
      `WITH revoked AS (
         UPDATE auth_sessions SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL RETURNING user_id
       )
       SELECT pg_notify($4, 'user:' || $1) WHERE EXISTS (SELECT 1 FROM revoked)`,
      [userId, now, reason, SESSION_CHANNEL],
    );
  }

  /**
   * Tells every api instance, when the caller's transaction commits, that what a request of this
   * user may do changed (roles, organisation, e-mail address, disabled): none keeps a cached copy.
   */
  async announceChange(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT pg_notify($1, 'user:' || $2)`, [SESSION_CHANNEL, userId]);
  }
}

function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    orcid: row.orcid,
    organisation:
      row.organisation_id === null
        ? null
        : {
            id: row.organisation_id,
            shortName: row.organisation_short_name ?? '',
            name: { ja: row.organisation_name_ja ?? '', en: row.organisation_name_en ?? '' },
            timeZone: row.organisation_time_zone ?? '',
          },
    roles: row.roles,
    language: row.language,
    timeZone: row.time_zone,
    disabled: row.disabled,
    version: row.version,
  };
}
