import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { User } from '../users/user.entity.js';

/**
 * An invitation by e-mail to someone without an account, into something a feature owns (a team
 * entry of an application: `subjectType` names the feature's kind, `subjectId` its row). Accepting
 * it creates the account and links the subject to it, through the feature's registered handler.
 */
@Entity({ name: 'invitations' })
@Index('invitations_token_hash_key', ['tokenHash'], { unique: true })
// Pending invitations by address, whatever its case: on lower(email), which TypeORM cannot describe (see the migration).
@Index('invitations_pending_email_idx', { synchronize: false })
@Check('invitations_accepted_check', `(accepted_at IS NULL) = (user_id IS NULL)`)
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As the inviter wrote it; matched to accounts whatever its case. */
  @Column({ type: 'text' })
  email: string;

  /** The name the inviter gave: the account's name unless the invitee gives another. */
  @Column({ type: 'text' })
  name: string;

  /** The home organisation of the account to be (the institution the inviter named), or null. */
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy?: User;

  /** SHA-256 of the token; the token is derived from the id with a server key and never stored. */
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** When the mail server accepted the invitation e-mail; a job run twice does not send it twice. */
  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /** The account it was accepted for. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
