import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import type { Language, Role } from './roles.js';

@Entity({ name: 'users' })
@Index('users_email_key', { synchronize: false })
@Index('users_orcid_key', ['orcid'], { unique: true, where: 'orcid IS NOT NULL' })
@Index('users_organisation_id_idx', ['organisationId'])
@Check('users_roles_check', `roles <@ ARRAY['researcher', 'institution_admin', 'program_officer', 'reviewer', 'admin']::text[]`)
@Check('users_language_check', `language IN ('en', 'ja')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As entered; unique regardless of case (users_email_key is on lower(email)). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  orcid: string | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'text', default: 'en' })
  language: Language;

  /** IANA time zone for showing deadlines; null means the home organisation's. */
  @Column({ type: 'text', nullable: true })
  timeZone: string | null;

  /** argon2id (m=19456, t=2, p=1); never leaves the service. */
  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
