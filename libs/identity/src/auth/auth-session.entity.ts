import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * One sign-in and the family of refresh tokens it rotates through. Revoking it (logout, reuse of a
 * spent refresh token, an admin) ends every token of the family and the access tokens naming it.
 */
@Entity({ name: 'auth_sessions' })
@Index('auth_sessions_user_id_idx', ['userId'])
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** logout, refresh_token_reuse, user_disabled */
  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;

  /**
   * Where the primary's WAL stood after this sign-in's last successful write (a pg_lsn, kept as text:
   * TypeORM has no pg_lsn column type), recorded only when read replicas are configured. A read
   * that may lag uses a replica only once the replica has replayed this far (LaggingReads).
   * A column here rather than a table of its own: the lookup of the session that every request
   * already makes on the primary (AuthRepository.findPrincipals) returns it at no extra cost, and it
   * lives and goes with the sign-in. Per sign-in rather than per user: it is the client that wrote
   * that must see its writes.
   */
  @Column({ type: 'text', nullable: true })
  lastWriteLsn: string | null;
}

@Entity({ name: 'refresh_tokens' })
@Index('refresh_tokens_session_id_idx', ['sessionId'])
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => AuthSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: AuthSession;

  /** SHA-256 of the opaque token; the token itself is never stored. */
  @Index('refresh_tokens_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when exchanged for the next token; a second use revokes the session. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}

/** A failed login, counted per account and per client address over a sliding hour. */
@Entity({ name: 'login_failures' })
@Index('login_failures_email_idx', ['email', 'failedAt'])
@Index('login_failures_client_address_idx', ['clientAddress', 'failedAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** Lower-cased, whether or not an account has it. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  clientAddress: string;

  @Column({ type: 'timestamptz' })
  failedAt: Date;
}
