import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '#identity';

/**
 * One notice to one user: the in-app notification and the outbox of its e-mail. A notice is
 * written in the transaction of the change it reports; its e-mail job is written with it.
 */
@Entity({ name: 'notifications' })
@Index('notifications_user_id_dedupe_key_key', ['userId', 'dedupeKey'], { unique: true })
@Index('notifications_user_id_created_at_id_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_unread_idx', ['userId'], { where: 'read_at IS NULL' })
@Check('notifications_email_check', `email IN ('none', 'queued', 'sent')`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  kind: string;

  /** What the notice is about: application, assignment or call. */
  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** What the texts are made from (titles, agency, deadline, comment); rendered in the reader's language. */
  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  /** The same notice reaches a user once: the source event, or the deadline and offset of a reminder. */
  @Column({ type: 'text' })
  dedupeKey: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** none: the user does not take this kind by e-mail; queued: its job is waiting; sent: the server accepted it. */
  @Column({ type: 'text' })
  email: 'none' | 'queued' | 'sent';

  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;
}

/** A user's choice of e-mail for one kind of notice; no row means the default (e-mail on). */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'boolean' })
  email: boolean;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A scheduled notice (a reminder at one offset before one deadline, a published decision) that
 * has gone out: the sweep writes the mark and the notices in one transaction, so each goes out once.
 */
@Entity({ name: 'notice_marks' })
export class NoticeMark {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
