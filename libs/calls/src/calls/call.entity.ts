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
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organisation, User } from '#identity';
import { ResearchField } from '../fields/research-field.entity.js';
import { Program } from '../programs/program.entity.js';

export const COOPERATION_MODES = ['joint_call', 'co_funding', 'twinning'] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];

export const AGENCY_ROLES = ['lead', 'partner'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

/**
 * One round of a program (公募). Its status follows from the timeline once published
 * (call-status.ts); `deadlines` mirrors the participating agencies' deadlines, sorted, for lists.
 */
@Entity({ name: 'calls' })
@Index('calls_program_id_idx', ['programId'])
@Index('calls_decision_at_idx', ['decisionAt'], { where: 'decision_at IS NOT NULL' })
@Index('calls_results_released_at_idx', ['resultsReleasedAt'], { where: 'results_released_at IS NOT NULL' })
@Index('calls_eligible_countries_idx', { synchronize: false })
@Check('calls_mode_check', `mode IN ('joint_call', 'co_funding', 'twinning')`)
export class Call {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'text' })
  titleJa: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text', default: '' })
  summaryJa: string;

  @Column({ type: 'text', default: '' })
  summaryEn: string;

  @Column({ type: 'text' })
  mode: CooperationMode;

  /** ISO 3166-1 alpha-2 codes of the countries partner institutions may come from. */
  @Column({ type: 'text', array: true })
  eligibleCountries: string[];

  /** Pre-announcement: when researchers were (or will be) told of the call. */
  @Column({ type: 'timestamptz', nullable: true })
  announcedAt: Date | null;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  reviewStartsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decisionAt: Date | null;

  @Column({ type: 'date', nullable: true })
  projectStartOn: string | null;

  /** Every participating agency's deadline, ascending (kept in step with call_agencies). */
  @Column({ type: 'timestamptz', array: true })
  deadlines: Date[];

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** When the lead agency's officer released the results to the applicants (else the decision date does). */
  @Column({ type: 'timestamptz', nullable: true })
  resultsReleasedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** One participating agency's side of a call: its deadline, money and rules. */
@Entity({ name: 'call_agencies' })
@Index('call_agencies_agency_id_idx', ['agencyId'])
@Index('call_agencies_deadline_idx', ['deadline'])
@Index('call_agencies_one_lead_key', ['callId'], { unique: true, where: `role = 'lead'` })
@Check('call_agencies_role_check', `role IN ('lead', 'partner')`)
@Check(
  'call_agencies_budget_check',
  `(budget_cap_amount IS NULL) = (budget_cap_currency IS NULL) AND (budget_cap_amount IS NULL OR budget_cap_amount > 0)`,
)
export class CallAgency {
  @PrimaryColumn({ type: 'uuid' })
  callId: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Organisation;

  @Column({ type: 'text' })
  role: AgencyRole;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  /** IANA zone the deadline is shown in (the agency's by default). */
  @Column({ type: 'text' })
  timeZone: string;

  /** Raised each time the deadline moves (iCalendar SEQUENCE). */
  @Column({ type: 'int', default: 0 })
  deadlineSequence: number;

  /** Per project, integer minor units; none in twinning. */
  @Column({ type: 'bigint', nullable: true })
  budgetCapAmount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  budgetCapCurrency: string | null;

  @Column({ type: 'boolean', default: true })
  institutionApprovalRequired: boolean;

  /**
   * The agency reviews a side as soon as it can no longer change (the call's first deadline has
   * passed), not only after its own deadline (reviews/rules/review-timeline.ts).
   */
  @Column({ type: 'boolean', default: false })
  reviewOnceFinal: boolean;

  @Column({ type: 'text', default: '' })
  eligibilityNotesJa: string;

  @Column({ type: 'text', default: '' })
  eligibilityNotesEn: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @VersionColumn({ default: 1 })
  version: number;
}

@Entity({ name: 'call_tracks' })
@Index('call_tracks_call_id_idx', ['callId'])
export class CallTrack {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameJa: string;

  @Column({ type: 'text' })
  nameEn: string;

  /** Maximum budget per side over the whole project, integer minor units; none in twinning. */
  @Column({ type: 'bigint', nullable: true })
  maxBudgetAmount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  maxBudgetCurrency: string | null;

  @Column({ type: 'int' })
  maxDurationMonths: number;

  @Column({ type: 'boolean', default: false })
  earlyCareerRequired: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}

@Entity({ name: 'call_criteria' })
@Index('call_criteria_call_id_idx', ['callId'])
export class CallCriterion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ type: 'text' })
  nameJa: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text', default: '' })
  descriptionJa: string;

  @Column({ type: 'text', default: '' })
  descriptionEn: string;

  @Column({ type: 'int' })
  scaleMin: number;

  @Column({ type: 'int' })
  scaleMax: number;

  @Column({ type: 'numeric', precision: 6, scale: 3 })
  weight: string;

  /** Minimum score on this criterion for an application to be fundable; none if null. */
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true })
  threshold: string | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}

@Entity({ name: 'call_fields' })
@Index('call_fields_field_code_idx', ['fieldCode'])
export class CallField {
  @PrimaryColumn({ type: 'uuid' })
  callId: string;

  @PrimaryColumn({ type: 'text' })
  fieldCode: string;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @ManyToOne(() => ResearchField, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'field_code' })
  field?: ResearchField;
}

/** A user following a call (for their calendar feed and, later, reminders). */
@Entity({ name: 'call_watches' })
@Index('call_watches_call_id_idx', ['callId'])
export class CallWatch {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Call, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call?: Call;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** The secret in a personal calendar-feed URL, stored hashed; rotating it revokes the old URL. */
@Entity({ name: 'calendar_tokens' })
export class CalendarToken {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('calendar_tokens_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
