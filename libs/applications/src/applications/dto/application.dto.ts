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
import { IsInstant, PageQueryDto, Trim } from '#platform';
import { APPLICATION_STATUSES, type ApplicationStatus, SIDE_STATUSES, type SideStatus } from '../../rules/application-state.js';
import { MEMBER_ROLES, type MemberRole } from '../application.entity.js';

const nullable = (_object: object, value: unknown) => value !== null;

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() callId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() trackId: string;
  @ApiProperty({ maxLength: 500 }) @Trim() @IsString() @MinLength(1) @MaxLength(500) title: string;
  @ApiPropertyOptional({ maxLength: 20000 }) @IsOptional() @IsString() @MaxLength(20000) abstract?: string;

  @ApiPropertyOptional({ nullable: true, description: 'A research field of the call' })
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

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 120 })
  @IsOptional()
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths?: number | null;
}

export class UpdateApplicationDto extends PartialType(OmitType(CreateApplicationDto, ['callId'] as const)) {}

export class UpdateSideDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "The side's PI, when they have an account" })
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  piUserId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'An invited PI without an account' })
  @IsOptional()
  @ValidateIf(nullable)
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  piName?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf(nullable) @IsEmail() @MaxLength(254) piEmail?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf(nullable) @IsOrcid() piOrcid?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf(nullable) @IsUUID() institutionId?: string | null;

  @ApiPropertyOptional({ type: [Number], description: 'Requested budget per project year, integer minor units' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(Number.MAX_SAFE_INTEGER, { each: true })
  budgetPerYear?: number[];

  @ApiPropertyOptional({ nullable: true, example: 'JPY' })
  @IsOptional()
  @ValidateIf(nullable)
  @Matches(/^[A-Z]{3}$/, { message: 'budgetCurrency must be an ISO 4217 code such as JPY' })
  budgetCurrency?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Twinning: grant number of the funded project' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(100)
  existingGrantNumber?: string | null;
}

export class MemberInputDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf(nullable) @IsUUID() userId?: string | null;
  @ApiProperty({ maxLength: 200 }) @Trim() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf(nullable) @IsEmail() @MaxLength(254) email?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf(nullable) @IsOrcid() orcid?: string | null;
  @ApiProperty({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role: MemberRole;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() earlyCareer?: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @ValidateIf(nullable) @IsUUID() institutionId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'JP' })
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

export class SideDto {
  @ApiProperty() agency: { id: string; shortName: string };
  @ApiProperty({ enum: ['lead', 'partner'] }) role: 'lead' | 'partner';
  @ApiProperty({ enum: SIDE_STATUSES }) status: SideStatus;
  @ApiProperty() approvalRequired: boolean;
  @ApiProperty({ description: 'UTC, and in the agency’s zone' }) deadline: { utc: string; local: string; timeZone: string };
  @ApiProperty() pi: { userId: string | null; name: string | null; email: string | null; orcid: string | null };
  @ApiProperty({ nullable: true }) institution: { id: string; shortName: string | null; country: string | null } | null;
  @ApiProperty({ type: [Number] }) budgetPerYear: number[];
  @ApiProperty({ nullable: true, type: String }) budgetCurrency: string | null;
  @ApiProperty({ nullable: true, type: String }) existingGrantNumber: string | null;
  @ApiProperty() integrityChecks: { exportControlCheckedAt: string | null; disclosuresReceivedAt: string | null };
  @ApiProperty({ nullable: true, type: String }) receiptNumber: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
}

export class MemberDto extends MemberInputDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() call: { id: string; title: { ja: string; en: string } };
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
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: "The lead institution's own, earlier deadline" })
  institutionDeadline: string | null;
  @ApiProperty() version: number;
}

export class ExportApplicationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() callId?: string;
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
  @ApiProperty() deadline: { utc: string; local: string; timeZone: string };
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationDto] }) items: ApplicationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ApplicationEventDto {
  @ApiProperty() id: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) agency: string | null;
  @ApiProperty({ nullable: true }) actor: { id: string; name: string } | null;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}
