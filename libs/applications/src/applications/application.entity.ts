import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Call, CallTrack, ResearchField } from '#calls';
import { Organisation, User } from '#identity';
import { type ApplicationStatus, RECEIPT_KINDS, type ReceiptKind, type SideStatus } from '../rules/application-state.js';
import type { FrozenParts, FrozenProposal } from '../rules/submission-snapshot.js';

export const MEMBER_ROLES = ['pi', 'co_pi', 'partner_pi', 'co_investigator'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

const STATUS_CHECK = `IN ('draft', 'returned', 'pending_institution', 'submitted', 'eligible', 'ineligible', 'under_review', 'decided', 'withdrawn')`;

/** A joint proposal to one call and track; its status summarises its sides (kept in step in the same transaction). */
@Entity({ name: 'applications' })
@Index('applications_call_idx', ['callId', 'status', 'id', 'trackId', 'fieldCode'])
@Index('applications_pi_user_id_idx', ['piUserId'])
@Unique('applications_id_call_id_key', ['id', 'callId'])
@Check('applications_status_check', `status ${STATUS_CHECK}`)
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ type: 'uuid' })
  trackId: string;

  @ManyToOne(() => CallTrack, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'track_id' })
  track?: CallTrack;

  @Column({ type: 'uuid' })
  piUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pi_user_id' })
  pi?: User;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  abstract: string;

  @Column({ type: 'text', nullable: true })
  fieldCode: string | null;

  @ManyToOne(() => ResearchField, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'field_code' })
  field?: ResearchField;

  @Column({ type: 'text', array: true })
  keywords: string[];

  @Column({ type: 'int', nullable: true })
  durationMonths: number | null;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** The part of an application one agency receives and funds: its PI, institution, budget and approval. */
@Entity({ name: 'application_sides' })
@Index('application_sides_institution_id_status_idx', ['institutionId', 'status'])
@Index('application_sides_agency_id_status_idx', ['agencyId', 'status'])
@Index('application_sides_call_idx', ['callId', 'agencyId', 'institutionId', 'status', 'applicationId'])
@Check('application_sides_status_check', `status ${STATUS_CHECK}`)
export class ApplicationSide {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId: string;

  /** The application's call, tied to it by the foreign key, so reads of one call use an index range. */
  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'application_id', referencedColumnName: 'id' },
    { name: 'call_id', referencedColumnName: 'callId' },
  ])
  application?: Application;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Organisation;

  @Column({ type: 'text' })
  status: SideStatus;

  /** The side's PI when they have an account; otherwise the invited person below. */
  @Column({ type: 'uuid', nullable: true })
  piUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pi_user_id' })
  pi?: User;

  @Column({ type: 'text', nullable: true })
  piName: string | null;

  @Column({ type: 'text', nullable: true })
  piEmail: string | null;

  @Column({ type: 'text', nullable: true })
  piOrcid: string | null;

  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Organisation;

  /** Requested budget, one amount per project year, integer minor units. */
  @Column({ type: 'bigint', array: true })
  budgetPerYear: string[];

  @Column({ type: 'char', length: 3, nullable: true })
  budgetCurrency: string | null;

  /** Twinning: the grant number of the side's existing project, instead of a budget. */
  @Column({ type: 'text', nullable: true })
  existingGrantNumber: string | null;

  /** Research-integrity checks the office recorded before approving. */
  @Column({ type: 'timestamptz', nullable: true })
  exportControlCheckedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  disclosuresReceivedAt: Date | null;

  @Index('application_sides_receipt_number_key', { unique: true, where: 'receipt_number IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  receiptNumber: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Why the agency found the side eligible or not. */
  @Column({ type: 'text', nullable: true })
  eligibilityReason: string | null;
}

@Entity({ name: 'application_members' })
@Index('application_members_application_id_idx', ['applicationId'])
@Index('application_members_institution_id_idx', ['institutionId'])
@Index('application_members_user_id_idx', ['userId'])
@Index('application_members_call_idx', ['callId', 'role', 'applicationId', 'id', 'institutionId', 'country'])
@Check('application_members_role_check', `role IN ('pi', 'co_pi', 'partner_pi', 'co_investigator')`)
export class ApplicationMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  /** The application's call, tied to it by the foreign key, so reads of one call use an index range. */
  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'application_id', referencedColumnName: 'id' },
    { name: 'call_id', referencedColumnName: 'callId' },
  ])
  application?: Application;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  orcid: string | null;

  @Column({ type: 'text' })
  role: MemberRole;

  @Column({ type: 'boolean', default: false })
  earlyCareer: boolean;

  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Organisation;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;
}

/** The event log of an application: every state change, approval and return, with actor, comment and time. */
@Entity({ name: 'application_events' })
@Index('application_events_application_id_idx', ['applicationId', 'occurredAt'])
export class ApplicationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  /** The side concerned; null for the application as a whole. */
  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text', nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The content fields an `application.edited` event changed, by their names in the api; null for other steps. */
  @Column({ type: 'text', array: true, nullable: true })
  fields: string[] | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}

/**
 * A frozen submission: what the PI submitted, exactly, at each submit and resubmit (fields, sides,
 * team, and what other features froze with it: document versions with their SHA-256, answers).
 * Offices approve and reviewers read the latest one, never the live draft; reopening the draft
 * changes none of them. A trigger refuses every UPDATE and DELETE of a row.
 */
@Entity({ name: 'application_submissions' })
@Unique('application_submissions_application_id_number_key', ['applicationId', 'number'])
export class ApplicationSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application)
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  /** 1 for the first submission of the application, 2 for the next, ... */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'uuid' })
  submittedBy: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'submitted_by' })
  submitter?: User;

  @Column({ type: 'jsonb' })
  proposal: FrozenProposal;

  @Column({ type: 'jsonb' })
  parts: FrozenParts;
}

/**
 * Proof, with a number and the server's time, that the PI submitted a side to its institution's
 * office, or that the side reached its agency. Issued in the transaction of that step, next to its
 * event; never changed or deleted, so a later approval or return leaves a timely submission on record.
 * The side's receipt_number and submitted_at stay those of its latest agency receipt.
 */
@Entity({ name: 'application_receipts' })
@Index('application_receipts_application_id_idx', ['applicationId', 'issuedAt'])
@Check('application_receipts_kind_check', `kind IN (${RECEIPT_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
export class ApplicationReceipt {
  /** JC-2027-000123: one sequence for every kind, so a number names one receipt. */
  @PrimaryColumn({ type: 'text' })
  number: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => ApplicationSide, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'application_id', referencedColumnName: 'applicationId' },
    { name: 'agency_id', referencedColumnName: 'agencyId' },
  ])
  side?: ApplicationSide;

  @Column({ type: 'text' })
  kind: ReceiptKind;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  /** The event of the step that issued it; none for receipts loaded without their events (past rounds, demo data). */
  @Column({ type: 'bigint', nullable: true })
  eventId: string | null;

  @ManyToOne(() => ApplicationEvent)
  @JoinColumn({ name: 'event_id' })
  event?: ApplicationEvent;

  /** The frozen submission this receipt acknowledges; none for receipts issued before submissions were kept. */
  @Column({ type: 'uuid', nullable: true })
  submissionId: string | null;

  @ManyToOne(() => ApplicationSubmission)
  @JoinColumn({ name: 'submission_id' })
  submission?: ApplicationSubmission;
}

/** An office's own deadline for a call, earlier than the agency's, shown to its researchers. */
@Entity({ name: 'institution_deadlines' })
export class InstitutionDeadline {
  @PrimaryColumn({ type: 'uuid' })
  callId: string;

  @PrimaryColumn({ type: 'uuid' })
  institutionId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Organisation;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ type: 'uuid', nullable: true })
  setBy: string | null;

  @Column({ type: 'timestamptz' })
  setAt: Date;
}

/**
 * Which institutions an application touches (its sides' and members' institutions), kept in step
 * with them: the office's list, export and dashboard read it by institution through index ranges
 * (newest first; by call; by status), never the whole applications table.
 */
@Entity({ name: 'application_institutions' })
@Index('application_institutions_office_idx', ['institutionId', 'createdAt', 'applicationId'])
@Index('application_institutions_call_idx', ['institutionId', 'callId', 'createdAt', 'applicationId'])
@Index('application_institutions_status_idx', ['institutionId', 'status', 'createdAt', 'applicationId'])
@Check('application_institutions_status_check', `status ${STATUS_CHECK}`)
export class ApplicationInstitution {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid' })
  institutionId: string;

  /** The application's call, tied to it by the foreign key, so reads of one call use an index range. */
  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'application_id', referencedColumnName: 'id' },
    { name: 'call_id', referencedColumnName: 'callId' },
  ])
  application?: Application;

  /** The application's status, kept in step by every change of it (ApplicationsRepository.recordStep, refreshStatuses). */
  @Column({ type: 'text' })
  status: ApplicationStatus;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Organisation;

  /** The application's created_at, for the office list's order. */
  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
