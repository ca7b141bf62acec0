import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsOrcid } from '#identity';
import { BilingualDto, IsInstant, PageQueryDto, Trim } from '#platform';
import {
  APPLICATION_ACTIONS,
  APPLICATION_EVENT_ACTIONS,
  type AllowedAction,
  APPLICATION_STATUSES,
  type ApplicationEventAction,
  type ApplicationStatus,
  RECEIPT_KINDS,
  type ReceiptKind,
  SIDE_STATUSES,
  type SideStatus,
} from '../../rules/application-state.js';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../../rules/export-headers.js';
import { SUBMISSION_PROBLEM_CODES, type SubmissionProblemCode } from '../../rules/submission-checks.js';
import { MEMBER_ROLES, type MemberRole } from '../application.entity.js';

const nullable = (_object: object, value: unknown) => value !== null;

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() callId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() trackId: string;
  @ApiProperty({ maxLength: 500 }) @Trim() @IsString() @MinLength(1) @MaxLength(500) title: string;
  @ApiPropertyOptional({ maxLength: 20000 }) @IsOptional() @IsString() @MaxLength(20000) abstract?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'A research field of the call' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(60)
  fieldCode?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 120 })
  @IsOptional()
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths?: number | null;
}

export class UpdateApplicationDto extends PartialType(OmitType(CreateApplicationDto, ['callId'] as const)) {}

export class UpdateSideDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: "The side's PI, when they have an account" })
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  piUserId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'An invited PI without an account' })
  @IsOptional()
  @ValidateIf(nullable)
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  piName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf(nullable) @IsEmail() @MaxLength(254) piEmail?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf(nullable) @IsOrcid() piOrcid?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @ValidateIf(nullable) @IsUUID() institutionId?:
    string | null;

  @ApiPropertyOptional({ type: [Number], description: 'Requested budget per project year, integer minor units' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(Number.MAX_SAFE_INTEGER, { each: true })
  budgetPerYear?: number[];

  @ApiPropertyOptional({ nullable: true, type: String, example: 'JPY' })
  @IsOptional()
  @ValidateIf(nullable)
  @Matches(/^[A-Z]{3}$/, { message: 'budgetCurrency must be an ISO 4217 code such as JPY' })
  budgetCurrency?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Twinning: grant number of the funded project' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(100)
  existingGrantNumber?: string | null;
}

export class MemberInputDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @ValidateIf(nullable) @IsUUID() userId?:
    string | null;
  @ApiProperty({ maxLength: 200 }) @Trim() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf(nullable) @IsEmail() @MaxLength(254) email?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @ValidateIf(nullable) @IsOrcid() orcid?: string | null;
  @ApiProperty({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role: MemberRole;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() earlyCareer?: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @ValidateIf(nullable) @IsUUID() institutionId?:
    string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'JP' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @Length(2, 2)
  country?: string | null;
}

export class ApproveSideDto {
  @ApiProperty({ description: 'Export-control screening of the collaboration is done' }) @IsBoolean() exportControlScreened: boolean;
  @ApiProperty({ description: 'Disclosures of other funding and affiliations are received' }) @IsBoolean() disclosuresReceived: boolean;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

export class ReturnSideDto {
  @ApiProperty({ maxLength: 5000, description: 'What the applicants must change' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  comment: string;
}

export class ListApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['mine', 'office', 'agency'],
    description: 'mine (default): your team; office: your institution; agency: your agency',
  })
  @IsOptional()
  @IsIn(['mine', 'office', 'agency'])
  view?: 'mine' | 'office' | 'agency';

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() callId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) field?: string;

  @ApiPropertyOptional({ description: 'An agency deadline of the call at or after this instant' })
  @IsOptional()
  @IsInstant()
  deadlineFrom?: string;

  @ApiPropertyOptional({ description: 'An agency deadline of the call before this instant' })
  @IsOptional()
  @IsInstant()
  deadlineTo?: string;
}

export class AgencyBriefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'JST' }) shortName: string;
}

export class AgencyDeadlineDto {
  @ApiProperty({ format: 'date-time', example: '2027-03-31T03:00:00.000Z' }) utc: string;
  @ApiProperty({ example: '2027-03-31T12:00:00+09:00', description: "In the agency's zone" }) local: string;
  @ApiProperty({ example: 'Asia/Tokyo' }) timeZone: string;
}

/** The PI of a side: a name and e-mail address given for a person without an account, or the account's own when `userId` is set. */
export class SidePiDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) orcid: string | null;
}

export class InstitutionBriefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'JP' }) country: string | null;
}

export class IntegrityChecksDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) exportControlCheckedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disclosuresReceivedAt: string | null;
}

export class SideDto {
  @ApiProperty({ type: AgencyBriefDto }) agency: AgencyBriefDto;
  @ApiProperty({ enum: ['lead', 'partner'] }) role: 'lead' | 'partner';
  @ApiProperty({ enum: SIDE_STATUSES }) status: SideStatus;
  @ApiProperty() approvalRequired: boolean;
  @ApiProperty({ type: AgencyDeadlineDto, description: 'UTC, and in the agency’s zone' }) deadline: AgencyDeadlineDto;
  @ApiProperty({ type: SidePiDto }) pi: SidePiDto;
  @ApiProperty({ type: InstitutionBriefDto, nullable: true }) institution: InstitutionBriefDto | null;
  @ApiProperty({ type: [Number] }) budgetPerYear: number[];
  @ApiProperty({ nullable: true, type: String }) budgetCurrency: string | null;
  @ApiProperty({ nullable: true, type: String }) existingGrantNumber: string | null;
  @ApiProperty({ type: IntegrityChecksDto }) integrityChecks: IntegrityChecksDto;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
}

export class ReceiptDto {
  @ApiProperty({
    enum: RECEIPT_KINDS,
    description:
      "submitted_to_office: the PI submitted the side to its institution's office; received_by_agency: the side reached its agency",
  })
  kind: ReceiptKind;

  @ApiProperty({ example: 'JC-2027-000123' }) number: string;
  @ApiProperty({ type: AgencyBriefDto }) agency: AgencyBriefDto;
  @ApiProperty({ format: 'date-time', description: "The server's time of the step, to the second" }) issuedAt: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The frozen submission it acknowledges (getApplicationSubmission); null for receipts issued before submissions were kept',
  })
  submissionNumber: number | null;
}

export class MemberDto extends MemberInputDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class ApplicationCallDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: BilingualDto }) title: BilingualDto;
}

/** What a save answers when the client prefers return=minimal: the application and its new version (also its ETag). */
export class ApplicationVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ApplicationCallDto }) call: ApplicationCallDto;
  @ApiProperty({ format: 'uuid' }) trackId: string;
  @ApiProperty({ format: 'uuid' }) piUserId: string;
  @ApiProperty() title: string;
  @ApiProperty() abstract: string;
  @ApiProperty({ nullable: true, type: String }) fieldCode: string | null;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ nullable: true, type: Number }) durationMonths: number | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: [SideDto] }) sides: SideDto[];
  @ApiProperty({ type: [MemberDto] }) members: MemberDto[];
  @ApiProperty({ type: [ReceiptDto], description: 'Every receipt issued, oldest first; none is withdrawn by a later step' })
  receipts: ReceiptDto[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: "The lead institution's own, earlier deadline" })
  institutionDeadline: string | null;
  @ApiProperty({
    enum: APPLICATION_ACTIONS,
    enumName: 'AllowedAction',
    isArray: true,
    description:
      'What the caller may do with it now, by the rules that decide when they try (the check lists what the proposal still lacks)',
  })
  allowedActions: AllowedAction[];
  @ApiProperty() version: number;
}

export class ExportLanguageQueryDto {
  @ApiPropertyOptional({
    enum: EXPORT_LANGUAGES,
    description: 'The language of the headers (and of answers such as Yes/No); yours when absent',
  })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}

export class ExportApplicationsQueryDto extends ExportLanguageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "One call's applications, with a column per question of its form" })
  @IsOptional()
  @IsUUID()
  callId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) field?: string;
}

export class InstitutionDeadlineDto {
  @ApiProperty({ description: 'ISO 8601 with an offset, or local time in your institution’s zone', example: '2027-03-24T17:00' })
  @IsString()
  @MaxLength(40)
  deadline: string;
}

export class InstitutionDeadlineResultDto {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty({ type: AgencyDeadlineDto, description: "UTC, and in the institution's zone" }) deadline: AgencyDeadlineDto;
}

export class SummaryDeadlineDto {
  @ApiProperty({ format: 'date-time' }) utc: string;
  @ApiProperty({ example: 'Asia/Tokyo', description: "The agency's zone" }) timeZone: string;
}

export class SideSummaryDto {
  @ApiProperty({ type: AgencyBriefDto }) agency: AgencyBriefDto;
  @ApiProperty({ enum: SIDE_STATUSES }) status: SideStatus;
  @ApiProperty({ type: SummaryDeadlineDto }) deadline: SummaryDeadlineDto;
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiProperty({ type: InstitutionBriefDto, nullable: true }) institution: InstitutionBriefDto | null;
}

/** A line of a list: what the lists show, without the team, budgets or checks. */
export class ApplicationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ApplicationCallDto }) call: ApplicationCallDto;
  @ApiProperty() title: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ format: 'uuid' }) piUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'The earliest agency deadline still ahead' })
  nextDeadline: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: "The lead institution's own, earlier deadline" })
  institutionDeadline: string | null;
  @ApiProperty({ type: [SideSummaryDto] }) sides: SideSummaryDto[];
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationSummaryDto] }) items: ApplicationSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class EventReceiptDto {
  @ApiProperty({ enum: RECEIPT_KINDS }) kind: ReceiptKind;
  @ApiProperty() number: string;
}

export class BudgetCapDto {
  @ApiProperty({ enum: ['track', 'agency'] }) cap: 'track' | 'agency';
  @ApiProperty({ description: 'Integer minor units' }) amount: number;
  @ApiProperty({ example: 'JPY' }) currency: string;
}

export class SubmissionProblemDto {
  @ApiProperty({ enum: SUBMISSION_PROBLEM_CODES }) code: SubmissionProblemCode;
  @ApiProperty({ description: 'Where, as a path into the application', example: 'sides[0].budgetPerYear' }) field: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The side concerned' }) agencyId?: string;
  @ApiPropertyOptional({ type: [BudgetCapDto], description: 'BUDGET_OVER_CAP: every cap the total exceeds' })
  caps?: readonly BudgetCapDto[];
}

export class ApplicationCheckDto {
  @ApiProperty({ description: 'Nothing would stop a submission now' }) ready: boolean;
  @ApiProperty({ type: [SubmissionProblemDto], description: 'The problems submitApplication would refuse with, in the same shape' })
  problems: readonly SubmissionProblemDto[];
}

export class EventActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ApplicationEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: APPLICATION_EVENT_ACTIONS, enumName: 'ApplicationEventAction' }) action: ApplicationEventAction;
  @ApiProperty({ nullable: true, type: String }) agency: string | null;
  @ApiProperty({ type: EventActorDto, nullable: true }) actor: EventActorDto | null;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({
    nullable: true,
    type: [String],
    description: 'The fields an application.edited event changed (title, abstract, ...); null for other steps',
  })
  fields: string[] | null;
  @ApiProperty({ nullable: true, type: EventReceiptDto, description: 'The receipt this step issued' }) receipt: EventReceiptDto | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}
