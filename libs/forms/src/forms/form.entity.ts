import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { Application } from '#applications';
import { Call } from '#calls';
import { User } from '#identity';
import type { Question } from '../rules/form-definition.js';

/** One version of a call's application form: its questions, in order. Versions are kept; drafts name theirs. */
@Entity({ name: 'call_forms' })
@Unique('call_forms_call_id_version_key', ['callId', 'version'])
export class CallForm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call)
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  questions: Question[];

  @Column({ type: 'uuid' })
  savedBy: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'saved_by' })
  saver?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  savedAt: Date;
}

/** A proposal's answers to its call's form, on the version its draft began with (they may be incomplete). */
@Entity({ name: 'application_answers' })
export class ApplicationAnswers {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application)
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column({ type: 'int' })
  formVersion: number;

  @Column({ type: 'jsonb' })
  answers: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid' })
  updatedBy: string;

  /**
   * Bumped by every save, which is conditional on it (If-Match); 0 while nothing is saved. TypeORM
   * does not guard updates with it: the save is one statement whose WHERE names it.
   */
  @VersionColumn({ default: 0 })
  version: number;
}

export const formEntities = [CallForm, ApplicationAnswers];
