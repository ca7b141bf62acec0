import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A request made with an Idempotency-Key, and the answer it got: a retry with the same key and
 * body gets the same answer instead of acting twice. Keyed per caller.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_created_at_idx', ['createdAt'])
@Check('idempotency_keys_state_check', `state IN ('in_flight', 'done')`)
export class IdempotencyKey {
  /** The caller: a user id, or `anonymous`. */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** SHA-256 of method, route and body: the same key with another request is refused. */
  @Column({ type: 'bytea' })
  requestHash: Buffer;

  @Column({ type: 'text' })
  state: 'in_flight' | 'done';

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  /** The answer's JSON text, byte for byte: a replay is identical, not merely equivalent. */
  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
