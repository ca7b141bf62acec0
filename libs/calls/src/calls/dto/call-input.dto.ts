import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
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
  ValidateNested,
} from 'class-validator';
import { IsIanaTimeZone, Trim } from '#platform';
import { AGENCY_ROLES, type AgencyRole, COOPERATION_MODES, type CooperationMode } from '../call.entity.js';

const nullable = (_object: object, value: unknown) => value !== null;
const DATE_TIME_HELP = 'ISO 8601 with an offset (2027-03-31T15:00:00Z), or local time (2027-03-31T17:00) in the time zone';

export class MoneyDto {
  @ApiProperty({ description: 'Integer minor units (JPY has none: 500000000 is JPY 500M)', example: 500_000_000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ description: 'ISO 4217', example: 'JPY' })
  @IsString()
  @Length(3, 3)
  currency: string;
}

/** One agency's own entry: what its officers may change. */
export class CallAgencyPatchDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() agencyId: string;

  @ApiPropertyOptional({ description: `Deadline: ${DATE_TIME_HELP}`, example: '2027-03-31T17:00' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  deadline?: string;

  @ApiPropertyOptional({ description: "IANA zone the deadline is set and shown in; the agency's by default", example: 'Europe/Paris' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true, description: 'Per project; none in twinning' })
  @IsOptional()
  @ValidateIf(nullable)
  @ValidateNested()
  @Type(() => MoneyDto)
  budgetCap?: MoneyDto | null;

  @ApiPropertyOptional({ description: 'The institution approves a side before this agency receives it (default true)' })
  @IsOptional()
  @IsBoolean()
  institutionApprovalRequired?: boolean;

  @ApiPropertyOptional({
    description:
      "This agency reviews a side as soon as it can no longer change, once the call's first deadline has passed, " +
      'instead of after its own deadline (default false)',
  })
  @IsOptional()
  @IsBoolean()
  reviewOnceFinal?: boolean;

  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) eligibilityNotesJa?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) eligibilityNotesEn?: string;
}

export class CallAgencyInputDto extends CallAgencyPatchDto {
  @ApiProperty({ enum: AGENCY_ROLES }) @IsIn(AGENCY_ROLES) role: AgencyRole;

  @ApiProperty({ description: `Deadline: ${DATE_TIME_HELP}`, example: '2027-03-31T17:00' })
  @IsString()
  @MaxLength(40)
  declare deadline: string;
}

export class TrackInputDto {
  @ApiProperty({ example: 'top', maxLength: 40 })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'code must be 1 to 40 lower-case letters, digits, dashes or underscores' })
  code: string;

  @ApiProperty({ maxLength: 200 }) @Trim() @IsString() @MinLength(1) @MaxLength(200) nameJa: string;
  @ApiProperty({ maxLength: 200 }) @Trim() @IsString() @MinLength(1) @MaxLength(200) nameEn: string;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true, description: 'Maximum budget per side over the project; none in twinning' })
  @IsOptional()
  @ValidateIf(nullable)
  @ValidateNested()
  @Type(() => MoneyDto)
  maxBudget?: MoneyDto | null;

  @ApiProperty({ example: 60 }) @IsInt() maxDurationMonths: number;

  @ApiPropertyOptional({ description: 'An early-career member is required on the team' })
  @IsOptional()
  @IsBoolean()
  earlyCareerRequired?: boolean;
}

export class CriterionInputDto {
  @ApiProperty({ maxLength: 200 }) @Trim() @IsString() @MinLength(1) @MaxLength(200) nameJa: string;
  @ApiProperty({ maxLength: 200 }) @Trim() @IsString() @MinLength(1) @MaxLength(200) nameEn: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) descriptionJa?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) descriptionEn?: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(-1000) @Max(1000) scaleMin: number;
  @ApiProperty({ example: 5 }) @IsInt() @Min(-1000) @Max(1000) scaleMax: number;
  @ApiProperty({ example: 1 }) @IsNumber({ maxDecimalPlaces: 3 }) @Max(999) weight: number;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Minimum score for a fundable application' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsNumber({ maxDecimalPlaces: 2 })
  threshold?: number | null;
}

/** The fields shared by every agency of a call: the lead agency's to change. */
export class CallSharedFieldsDto {
  @ApiProperty({ maxLength: 300 }) @Trim() @IsString() @MinLength(1) @MaxLength(300) titleJa: string;
  @ApiProperty({ maxLength: 300 }) @Trim() @IsString() @MinLength(1) @MaxLength(300) titleEn: string;
  @ApiPropertyOptional({ maxLength: 10000 }) @IsOptional() @IsString() @MaxLength(10000) summaryJa?: string;
  @ApiPropertyOptional({ maxLength: 10000 }) @IsOptional() @IsString() @MaxLength(10000) summaryEn?: string;
  @ApiProperty({ enum: COOPERATION_MODES }) @IsIn(COOPERATION_MODES) mode: CooperationMode;

  @ApiProperty({ type: [TrackInputDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TrackInputDto)
  tracks: TrackInputDto[];

  @ApiProperty({ type: [String], example: ['quantum', 'ai_information'], description: 'Codes of the research-field vocabulary' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  fields: string[];

  @ApiProperty({ type: [String], example: ['US', 'FR'], description: 'ISO 3166-1 alpha-2 codes of eligible partner countries' })
  @IsArray()
  @ArrayMaxSize(250)
  @IsString({ each: true })
  @MaxLength(2, { each: true })
  eligibleCountries: string[];

  @ApiPropertyOptional({ type: [CriterionInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria?: CriterionInputDto[];

  @ApiPropertyOptional({ nullable: true, type: String, description: `Pre-announcement: ${DATE_TIME_HELP} (lead agency's zone)` })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(40)
  announcedAt?: string | null;

  @ApiProperty({ description: `Opening: ${DATE_TIME_HELP} (lead agency's zone)` }) @IsString() @MaxLength(40) opensAt: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: `Review start: ${DATE_TIME_HELP} (lead agency's zone)` })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(40)
  reviewStartsAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: `Decision: ${DATE_TIME_HELP} (lead agency's zone)` })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(40)
  decisionAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', example: '2027-10-01', description: 'YYYY-MM-DD' })
  @IsOptional()
  @ValidateIf(nullable)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'projectStartOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'projectStartOn must be a day the calendar has' })
  projectStartOn?: string | null;
}

export class CreateCallDto extends CallSharedFieldsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programId: string;

  @ApiProperty({ type: [CallAgencyInputDto], description: 'One lead (the program’s agency) and one or more partners' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CallAgencyInputDto)
  agencies: CallAgencyInputDto[];
}
