import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BilingualDto, IsIanaTimeZone, IsInstant, PageQueryDto, ZonedInstantDto } from '#platform';
import { AgencyRefDto } from '../../programs/dto/program.dto.js';
import { CALL_ACTIONS, type CallAction } from '../../rules/call-actions.js';
import { CALL_STATUSES, type CallStatus } from '../../rules/call-status.js';
import { AGENCY_ROLES, type AgencyRole, COOPERATION_MODES, type CooperationMode } from '../call.entity.js';
import { MoneyDto } from './call-input.dto.js';

export class CallAgencyDto {
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ enum: AGENCY_ROLES }) role: AgencyRole;
  @ApiProperty({ type: ZonedInstantDto }) deadline: ZonedInstantDto;
  @ApiProperty({ type: MoneyDto, nullable: true }) budgetCap: MoneyDto | null;
  @ApiProperty() institutionApprovalRequired: boolean;
  @ApiProperty({ description: "Reviews a side once it can no longer change (the call's first deadline), not after its own deadline" })
  reviewOnceFinal: boolean;
  @ApiProperty({ type: BilingualDto }) eligibilityNotes: BilingualDto;
}

export class TrackDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
  @ApiProperty({ type: MoneyDto, nullable: true }) maxBudget: MoneyDto | null;
  @ApiProperty() maxDurationMonths: number;
  @ApiProperty() earlyCareerRequired: boolean;
}

export class CriterionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
  @ApiProperty({ type: BilingualDto }) description: BilingualDto;
  @ApiProperty() scaleMin: number;
  @ApiProperty() scaleMax: number;
  @ApiProperty() weight: number;
  @ApiProperty({ nullable: true, type: Number }) threshold: number | null;
}

export class FieldDto {
  @ApiProperty() code: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
}

export class TimelineDto {
  @ApiProperty({ type: ZonedInstantDto, nullable: true }) announcedAt: ZonedInstantDto | null;
  @ApiProperty({ type: ZonedInstantDto }) opensAt: ZonedInstantDto;
  @ApiProperty({ type: ZonedInstantDto, nullable: true }) reviewStartsAt: ZonedInstantDto | null;
  @ApiProperty({ type: ZonedInstantDto, nullable: true }) decisionAt: ZonedInstantDto | null;
  @ApiProperty({
    type: ZonedInstantDto,
    nullable: true,
    description:
      "When the results reached the applicants: the lead agency's release, or the decision date once it has come, whichever was first. Null until then: applicants see no decision before.",
  })
  resultsReleasedAt: ZonedInstantDto | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-10-01' }) projectStartOn: string | null;
}

export class ProgramRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
}

export class CallSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ProgramRefDto }) program: ProgramRefDto;
  @ApiProperty({ type: BilingualDto }) title: BilingualDto;
  @ApiProperty({ enum: COOPERATION_MODES }) mode: CooperationMode;
  @ApiProperty({ enum: CALL_STATUSES }) status: CallStatus;
  @ApiProperty({ type: ZonedInstantDto, nullable: true, description: 'The next deadline of any agency, in the viewer’s zone' })
  nextDeadline: ZonedInstantDto | null;
  @ApiProperty({ type: [CallAgencyDto] }) agencies: CallAgencyDto[];
  @ApiProperty({ type: [String] }) fields: string[];
  @ApiProperty({ type: [String] }) eligibleCountries: string[];
}

export class CallDto extends CallSummaryDto {
  @ApiProperty({ type: BilingualDto }) summary: BilingualDto;
  @ApiProperty({ type: TimelineDto }) timeline: TimelineDto;
  @ApiProperty({ type: [TrackDto] }) tracks: TrackDto[];
  @ApiProperty({ type: [CriterionDto] }) criteria: CriterionDto[];
  @ApiProperty({ type: [FieldDto] }) fieldDetails: FieldDto[];
  @ApiProperty({ description: 'You watch this call' }) watching: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancellationReason: string | null;
  @ApiProperty({
    enum: CALL_ACTIONS,
    enumName: 'CallAction',
    isArray: true,
    description:
      "What the caller may do with the call now: the lead agency's officers change the shared fields, publish and cancel; each agency's officers change its own entry",
  })
  allowedActions: CallAction[];
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The agency whose entry the caller may change (theirs, when it takes part)',
  })
  ownAgencyId: string | null;
  @ApiProperty() version: number;
}

export class CallPageDto {
  @ApiProperty({ type: [CallSummaryDto] }) items: CallSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ViewerZoneQueryDto {
  @ApiPropertyOptional({ description: 'Show times in this IANA zone (default: your profile, then your organisation, then UTC)' })
  @IsOptional()
  @IsIanaTimeZone()
  tz?: string;
}

export class ListCallsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALL_STATUSES }) @IsOptional() @IsIn(CALL_STATUSES) status?: CallStatus;
  @ApiPropertyOptional({ description: 'Research-field code' }) @IsOptional() @IsString() @MaxLength(60) field?: string;
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2: a partner agency there, or partner institutions eligible from there' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'partnerCountry must be a two-letter country code' })
  partnerCountry?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A participating agency' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ enum: COOPERATION_MODES }) @IsOptional() @IsIn(COOPERATION_MODES) mode?: CooperationMode;
  @ApiPropertyOptional({ description: 'Some deadline at or after this instant' })
  @IsOptional()
  @IsInstant()
  deadlineFrom?: string;
  @ApiPropertyOptional({ description: 'Some deadline before this instant' })
  @IsOptional()
  @IsInstant()
  deadlineTo?: string;
  @ApiPropertyOptional({ description: 'Words of the title or summary, in Japanese or English, or the program code', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ description: 'Show times in this IANA zone' }) @IsOptional() @IsIanaTimeZone() tz?: string;
}

export class CancelCallDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MaxLength(2000) reason: string;
}
