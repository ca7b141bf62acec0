import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { prepared, returningRows, runPrepared } from '#platform';
import type { Notice, NoticeKind, NoticeParams, SubjectType } from './notice.js';

export interface NotificationRow {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly subjectType: SubjectType;
  readonly subjectId: string;
  readonly params: NoticeParams;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/** A notice waiting for its e-mail, with what is needed to write it. */
export interface EmailRow extends NotificationRow {
  readonly email: 'none' | 'queued' | 'sent';
  readonly address: string;
  readonly name: string;
  readonly language: 'en' | 'ja';
  readonly timeZone: string;
  readonly disabled: boolean;
}

const COLUMNS = `n.id, n.kind, n.subject_type, n.subject_id, n.params, n.created_at, n.read_at`;

/** A row of {@link COLUMNS}. */
interface NotificationSqlRow {
  id: string;
  kind: NoticeKind;
  subject_type: SubjectType;
  subject_id: string;
  params: NoticeParams;
  created_at: Date;
  read_at: Date | null;
}

function toRow(row: NotificationSqlRow): NotificationRow {
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    params: row.params,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

interface EmailSqlRow extends NotificationSqlRow {
  email: EmailRow['email'];
  address: string;
  name: string;
  language: EmailRow['language'];
  time_zone: string;
  disabled: boolean;
}

function toEmailRow(row: EmailSqlRow): EmailRow {
  return {
    ...toRow(row),
    email: row.email,
    address: row.address,
    name: row.name,
    language: row.language,
    timeZone: row.time_zone,
    disabled: row.disabled,
  };
}

/**
 * insertNotices: notice k (from 1) is the k-th element of $1 to $5; its recipients are the users
 * paired with k in $7/$8 and the office staff (institution admins) of the institutions paired with k
 * in $9/$10, each once, disabled users skipped.
 */
const INSERT_NOTICES = prepared(
  'notifications.insertNotices',
  `WITH notice AS (
     SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::jsonb[], $5::text[]) WITH ORDINALITY
                AS n(kind, subject_type, subject_id, params, dedupe_key, ord)
   ), recipients AS (
     SELECT v.ord, u.id FROM unnest($7::int[], $8::uuid[]) AS v(ord, user_id)
       JOIN users u ON u.id = v.user_id WHERE u.disabled_at IS NULL
     UNION
     SELECT v.ord, u.id FROM unnest($9::int[], $10::uuid[]) AS v(ord, institution_id)
       JOIN users u ON u.organisation_id = v.institution_id AND 'institution_admin' = ANY(u.roles) WHERE u.disabled_at IS NULL
   ), inserted AS (
     INSERT INTO notifications (user_id, kind, subject_type, subject_id, params, dedupe_key, created_at, email)
     SELECT r.id, n.kind, n.subject_type, n.subject_id, n.params, n.dedupe_key, $6, CASE WHEN COALESCE(p.email, true) THEN 'queued' ELSE 'none' END
       FROM notice n
       JOIN recipients r ON r.ord = n.ord
       LEFT JOIN notification_preferences p ON p.user_id = r.id AND p.kind = n.kind
      ORDER BY n.ord, r.id
     ON CONFLICT (user_id, dedupe_key) DO NOTHING
     RETURNING id, email
   )
   SELECT id FROM inserted WHERE email = 'queued'`,
);

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Writes, in one statement, each notice for each of its recipients who has not had it (same
   * dedupe key), and answers the ids of those to be e-mailed (the recipient's preference for the
   * kind; e-mail unless turned off).
   */
  async insertNotices(manager: EntityManager, notices: readonly Notice[], at: Date): Promise<string[]> {
    if (notices.length === 0) return [];
    const users = notices.flatMap((n, i) => (n.recipients.users ?? []).map((user) => [i + 1, user] as const));
    const offices = notices.flatMap((n, i) => (n.recipients.officesOf ?? []).map((office) => [i + 1, office] as const));
    const rows = await runPrepared<{ id: string }>(manager, INSERT_NOTICES, [
      notices.map((n) => n.kind),
      notices.map((n) => n.subject.type),
      notices.map((n) => n.subject.id),
      notices.map((n) => JSON.stringify(n.params)),
      notices.map((n) => n.dedupeKey),
      at,
      users.map(([ord]) => ord),
      users.map(([, user]) => user),
      offices.map(([ord]) => ord),
      offices.map(([, office]) => office),
    ]);
    return rows.map((r) => r.id);
  }

  /** Marks scheduled notices as gone out; answers the keys that were not marked before. */
  async mark(manager: EntityManager, keys: readonly string[], at: Date): Promise<Set<string>> {
    const rows = await manager.query<{ key: string }[]>(
      `INSERT INTO notice_marks (key, created_at) SELECT unnest($1::text[]), $2 ON CONFLICT (key) DO NOTHING RETURNING key`,
      [keys, at],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** A user's notices, newest first, by keyset on (created_at, id). */
  async list(userId: string, options: { limit: number; unreadOnly: boolean; after?: { createdAt: string; id: string } }) {
    const rows = await this.db.query<NotificationSqlRow[]>(
      `SELECT ${COLUMNS} FROM notifications n
        WHERE n.user_id = $1 AND ($2::boolean IS FALSE OR n.read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $5`,
      [userId, options.unreadOnly, options.after?.createdAt ?? null, options.after?.id ?? null, options.limit],
    );
    return rows.map(toRow);
  }

  /** The language and zone a user reads notices in. */
  async reader(userId: string): Promise<{ language: 'en' | 'ja'; timeZone: string }> {
    const [row] = await this.db.query<{ language: 'en' | 'ja'; time_zone: string }[]>(
      `SELECT u.language, COALESCE(u.time_zone, o.time_zone, 'UTC') AS time_zone
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    );
    return { language: row?.language ?? 'en', timeZone: row?.time_zone ?? 'UTC' };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row?.count ?? 0;
  }

  /** Marks one of the user's notices read (the first reading counts); undefined when it is not theirs. */
  async markRead(userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
    const rows = await returningRows<NotificationSqlRow>(
      this.db.manager,
      `UPDATE notifications n SET read_at = COALESCE(n.read_at, $3)
        WHERE n.id = $1 AND n.user_id = $2
        RETURNING ${COLUMNS}`,
      [id, userId, at],
    );
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const rows = await returningRows(
      this.db.manager,
      `UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
      [userId, at],
    );
    return rows.length;
  }

  async preferences(userId: string): Promise<Map<string, boolean>> {
    const rows = await this.db.query<{ kind: string; email: boolean }[]>(
      `SELECT kind, email FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.kind, r.email]));
  }

  async setPreferences(userId: string, email: ReadonlyMap<string, boolean>, at: Date): Promise<void> {
    if (email.size === 0) return;
    await this.db.query(
      `INSERT INTO notification_preferences (user_id, kind, email, updated_at)
       SELECT $1, kind, email, $4 FROM unnest($2::text[], $3::boolean[]) AS c(kind, email)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at`,
      [userId, [...email.keys()], [...email.values()], at],
    );
  }

  async forEmail(id: string): Promise<EmailRow | undefined> {
    const [row] = await this.db.query<EmailSqlRow[]>(
      `SELECT ${COLUMNS}, n.email, u.email AS address, u.name, u.language,
              COALESCE(u.time_zone, o.time_zone, 'UTC') AS time_zone, u.disabled_at IS NOT NULL AS disabled
         FROM notifications n
         JOIN users u ON u.id = n.user_id
         LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE n.id = $1`,
      [id],
    );
    return row && toEmailRow(row);
  }

  async markEmailed(id: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE notifications SET email = 'sent', emailed_at = $2 WHERE id = $1`, [id, at]);
  }
}
