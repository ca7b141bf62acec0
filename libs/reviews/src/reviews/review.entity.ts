import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Application } from '#applications';
import { Call } from '#calls';
import { Organisation, User } from '#identity';

/** A reviewer in a call's pool, reviewing for one participating agency. */
@Entity({ name: 'call_reviewers' })
@Index('call_reviewers_reviewer_id_idx', ['reviewerId'])
export class CallReviewer {
  @PrimaryColumn({ type: 'uuid' })
  callId: string;

  @PrimaryColumn({ type: 'uuid' })
  reviewerId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Organisation;

  @Column({ type: 'uuid', nullable: true })
  addedBy: string | null;

  @Column({ type: 'timestamptz' })
  addedAt: Date;
}

/** A conflict of interest a reviewer declared on an application (the automatic ones are derived). */
@Entity({ name: 'conflict_declarations' })
@Index('conflict_declarations_reviewer_id_idx', ['reviewerId'])
export class ConflictDeclaration {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid' })
  reviewerId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  declaredAt: Date;
}

export const ASSIGNMENT_STATUSES = ['assigned', 'accepted', 'declined'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

@Entity({ name: 'review_assignments' })
@Index('review_assignments_application_id_reviewer_id_key', ['applicationId', 'reviewerId'], { unique: true })
@Index('review_assignments_reviewer_id_idx', ['reviewerId', 'status'])
@Index('review_assignments_open_due_at_idx', ['dueAt'], { where: 'submitted_at IS NULL AND due_at IS NOT NULL' })
@Check('review_assignments_status_check', `status IN ('assigned', 'accepted', 'declined')`)
export class ReviewAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column({ type: 'uuid' })
  reviewerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  /** The agency the review is for (the assigning officer's). */
  @Column({ type: 'uuid' })
  agencyId: string;

  @Column({ type: 'text' })
  status: AssignmentStatus;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  assignedBy: string | null;

  @Column({ type: 'timestamptz' })
  assignedAt: Date;

  /** Scores by criterion id, within each criterion's scale. */
  @Column({ type: 'jsonb', nullable: true })
  scores: Record<string, number> | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** Once set, the review is read-only. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** When an officer last reminded the reviewer (reminders are spaced, rules/review-progress.ts). */
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;
}

/** An agency's decision on its side of an application. */
@Entity({ name: 'side_decisions' })
@Index('side_decisions_call_idx', ['callId', 'applicationId', 'agencyId', 'decision'])
@Index('side_decisions_institution_id_decision_idx', ['institutionId', 'decision'])
@Check('side_decisions_decision_check', `decision IN ('yes', 'no')`)
export class SideDecisionRecord {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId: string;

  /** The application's call, tied to it by the foreign key, so a call's statistics read one index range. */
  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'application_id', referencedColumnName: 'id' },
    { name: 'call_id', referencedColumnName: 'callId' },
  ])
  application?: Application;

  /** The side's institution when decided (fixed once submitted), for the institution's dashboard. */
  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Organisation;

  /** yes: funded (or, in co-funding partners, co-funds; in twinning, linked); no: not. */
  @Column({ type: 'text' })
  decision: 'yes' | 'no';

  @Column({ type: 'bigint', nullable: true })
  amount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'uuid' })
  decidedBy: string;

  @Column({ type: 'timestamptz' })
  decidedAt: Date;
}
