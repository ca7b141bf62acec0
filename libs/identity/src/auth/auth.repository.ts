import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../users/roles.js';
import { prepared, runPrepared } from '#platform';
import { SESSION_CHANNEL } from './session-notices.js';

/** The session checks of requests whose sessions this process has not cached (all that missed in one turn of the event loop): one of the hottest statements after a restart. */
const FIND_PRINCIPALS = prepared(
  'auth.findPrincipals',
  `SELECT s.id AS session_id, u.id, u.email, u.roles, u.organisation_id, s.last_write_lsn
     FROM auth_sessions s
     JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
    WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL`,
);

export interface LoginCandidate {
  readonly id: string;
  readonly passwordHash: string;
  readonly disabled: boolean;
}

export interface RefreshTokenRow {
  readonly id: string;
  readonly sessionId: string;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly sessionRevoked: boolean;
  readonly userDisabled: boolean;
}

/** A session and the user an access token names for it (ids in lower case). */
export interface SessionOfUser {
  readonly userId: string;
  readonly sessionId: string;
}

export interface PrincipalRow {
  readonly id: string;
  readonly email: string;
  readonly roles: Role[];
  readonly organisationId: string | null;
  readonly lastWriteLsn: string | null;
}

/** Sessions, refresh tokens and failed logins. Methods take the caller's transaction. */
@Injectable()
export class AuthRepository {
  /** Serialises the login attempts of one account, across every api instance. */
  async lockAccount(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`login:${email}`]);
  }

  /** The failure that keeps `limit` reached for a column (email or client_address), if any. */
  async limitingFailure(
    manager: EntityManager,
    column: 'email' | 'client_address',
    value: string,
    since: Date,
    limit: number,
  ): Promise<Date | undefined> {
    const rows = await manager.query<{ failed_at: Date }[]>(
      `SELECT failed_at FROM login_failures WHERE ${column} = $1 AND failed_at > $2 ORDER BY failed_at DESC OFFSET $3 LIMIT 1`,
      [value, since, limit - 1],
    );
    return rows[0]?.failed_at;
  }

  async recordFailure(manager: EntityManager, email: string, clientAddress: string, at: Date, forgetBefore: Date): Promise<void> {
    await manager.query(`INSERT INTO login_failures (email, client_address, failed_at) VALUES ($1, $2, $3)`, [email, clientAddress, at]);
    await manager.query(`DELETE FROM login_failures WHERE email = $1 AND failed_at <= $2`, [email, forgetBefore]);
  }

  async forgetFailuresBefore(manager: EntityManager, instant: Date): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE failed_at <= $1`, [instant]);
  }

  async findLoginCandidate(manager: EntityManager, email: string): Promise<LoginCandidate | undefined> {
    const rows = await manager.query<{ id: string; password_hash: string; disabled: boolean }[]>(
      `SELECT id, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE lower(email) = $1`,
      [email],
    );
    const row = rows[0];
    return row && { id: row.id, passwordHash: row.password_hash, disabled: row.disabled };
  }

  async createSession(manager: EntityManager, userId: string, at: Date): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(`INSERT INTO auth_sessions (user_id, created_at) VALUES ($1, $2) RETURNING id`, [
      userId,
      at,
    ]);
    return rows[0]!.id;
  }

  async insertRefreshToken(manager: EntityManager, sessionId: string, tokenHash: Buffer, at: Date, expiresAt: Date): Promise<void> {
    await manager.query(`INSERT INTO refresh_tokens (session_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)`, [
      sessionId,
      tokenHash,
      at,
      expiresAt,
    ]);
  }

  /** The token with its session and user, locked until the transaction ends. */
  async findRefreshTokenForUpdate(manager: EntityManager, tokenHash: Buffer): Promise<RefreshTokenRow | undefined> {
    const rows = await manager.query<
      {
        id: string;
        session_id: string;
        user_id: string;
        expires_at: Date;
        used_at: Date | null;
        session_revoked: boolean;
        user_disabled: boolean;
      }[]
    >(
      `SELECT t.id, t.session_id, s.user_id, t.expires_at, t.used_at,
              s.revoked_at IS NOT NULL AS session_revoked, u.disabled_at IS NOT NULL AS user_disabled
         FROM refresh_tokens t
         JOIN auth_sessions s ON s.id = t.session_id
         JOIN users u ON u.id = s.user_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t, s`,
      [tokenHash],
    );
    const row = rows[0];
    return (
      row && {
        id: row.id,
        sessionId: row.session_id,
        userId: row.user_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
        sessionRevoked: row.session_revoked,
        userDisabled: row.user_disabled,
      }
    );
  }

  async markRefreshTokenUsed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET used_at = $2 WHERE id = $1`, [id, at]);
  }

  /**
   * Ends the session, and tells every api instance in the same statement (a NOTIFY delivered when
   * the caller's transaction commits), so none of them keeps accepting its access tokens.
   */
  async revokeSession(manager: EntityManager, sessionId: string, at: Date, reason: string): Promise<void> {
    await manager.query(
      `WITH revoked AS (
         UPDATE auth_sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id
       )
       SELECT pg_notify($4, 'session:' || id) FROM revoked`,
      [sessionId, at, reason, SESSION_CHANNEL],
    );
  }

  /**
   * The users behind valid access tokens, each with its session's last write position, in the order
   * asked: undefined where the user is disabled, the session revoked, or the session is not the
   * user's. One statement for all of them, on the primary like every read of the repository.
   */
  async findPrincipals(manager: EntityManager, sessions: readonly SessionOfUser[]): Promise<(PrincipalRow | undefined)[]> {
    const rows = await runPrepared<{
      session_id: string;
      id: string;
      email: string;
      roles: Role[];
      organisation_id: string | null;
      last_write_lsn: string | null;
    }>(manager, FIND_PRINCIPALS, [[...new Set(sessions.map((s) => s.sessionId))]]);
    const bySession = new Map(rows.map((row) => [row.session_id, row]));
    return sessions.map(({ userId, sessionId }) => {
      const row = bySession.get(sessionId);
      return row?.id === userId
        ? { id: row.id, email: row.email, roles: row.roles, organisationId: row.organisation_id, lastWriteLsn: row.last_write_lsn }
        : undefined;
    });
  }

  /**
   * Records where the primary's WAL stands now, after the session's request committed its writes:
   * a replica that has replayed this far has them. Never moves back (requests of one session may
   * finish in any order). The same statement announces the position to every api instance, whose
   * cached copy of the session takes it on; answers the position recorded, or undefined when the
   * session does not exist.
   */
  async recordWritePosition(manager: EntityManager, sessionId: string): Promise<string | undefined> {
    const rows = await manager.query<{ last_write_lsn: string }[]>(
      `WITH recorded AS (
         UPDATE auth_sessions SET last_write_lsn = greatest(last_write_lsn::pg_lsn, pg_current_wal_insert_lsn())::text
          WHERE id = $1 RETURNING id, last_write_lsn
       )
       SELECT last_write_lsn, pg_notify($2, 'write:' || id || ':' || last_write_lsn) FROM recorded`,
      [sessionId, SESSION_CHANNEL],
    );
    return rows[0]?.last_write_lsn;
  }
}
