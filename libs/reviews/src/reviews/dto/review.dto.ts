import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '#platform';
import { type Outcome, OUTCOMES } from '../../rules/outcome.js';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

export class EligibilityDto {
  @ApiProperty() @IsBoolean() eligible: boolean;
  @ApiProperty({ maxLength: 5000 }) @IsString() @MinLength(1) @MaxLength(5000) reason: string;
}

export class AddCallReviewerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() reviewerId: string;
}

export class DeclareConflictDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}

export class AssignReviewerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() reviewerId: string;
  @ApiPropertyOptional({ description: 'Review due, ISO 8601 with an offset' })
  @IsOptional()
  @IsInstant()
  dueAt?: string;
}

export class AutoAssignDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this track' }) @IsOptional() @IsUUID() trackId?: string;
  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) perApplication: number;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) loadCap: number;
  @ApiPropertyOptional() @IsOptional() @IsInstant() dueAt?: string;
}

export class AcceptAssignmentDto {
  @ApiProperty({ description: 'I have no conflict of interest with this application' }) @IsBoolean() noConflict: boolean;
}

export class DeclineAssignmentDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}

export class SaveReviewDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Score per criterion id, within each criterion’s scale',
    example: { '5b0e6a1c-2d3f-4a5b-8c7d-9e0f1a2b3c4d': 4 },
  })
  @IsObject()
  scores: Record<string, number>;

  @ApiPropertyOptional({ maxLength: 20000 }) @IsOptional() @IsString() @MaxLength(20000) comment?: string;
}

export class SideDecisionDto {
  @ApiProperty({
    enum: ['yes', 'no'],
    description: 'yes: funded (co-funding lead: selected; co-funding partner: co-funds; twinning: linked)',
  })
  @IsIn(['yes', 'no'])
  decision: 'yes' | 'no';

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, description: 'Funded amount, integer minor units' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  amount?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 3, maxLength: 3, description: 'ISO 4217', example: 'JPY' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Length(3, 3)
  currency?: string | null;
}

export class SideOutcomeDto {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ enum: ['yes', 'no'], nullable: true, type: String, description: 'The agency’s decision on its side, once shown to you' })
  decision: 'yes' | 'no' | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Funded amount, integer minor units' }) amount: number | null;
  @ApiProperty({ nullable: true, type: String }) currency: string | null;
}

export class ApplicationOutcomeDto {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({
    enum: OUTCOMES,
    description:
      'By the call’s mode: joint call funded or not_funded (every side funds); co-funding co_funded (the lead funds and a partner ' +
      'confirms), funded_by_lead (every partner declines) or not_funded (the lead does not select it); twinning linked or not_linked; ' +
      'pending while a decision it depends on is missing',
  })
  outcome: Outcome;
  @ApiProperty({ type: [SideOutcomeDto] }) sides: SideOutcomeDto[];
}

export class RankingQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() trackId?: string;
}
