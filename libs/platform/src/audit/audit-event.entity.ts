import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The event log: every change someone may need to account for later (state changes, approvals,
 * assignments, decisions, role changes), with its actor, time and request. Append-only.
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_object_idx', ['objectType', 'objectId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** The user who acted; null for the system (seeds, jobs). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** What happened, as `object.verb`: `user.created`, `organisation.updated`, `application.submitted`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  objectType: string;

  @Column({ type: 'uuid' })
  objectId: string;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  /** What changed, without secrets. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;
}
