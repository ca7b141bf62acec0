import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '#platform';
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
  @ApiProperty({ description: 'Score per criterion id, within each criterion’s scale', example: { 'criterion-id': 4 } })
  @IsObject()
  scores: Record<string, number>;

  @ApiPropertyOptional({ maxLength: 20000 }) @IsOptional() @IsString() @MaxLength(20000) comment?: string;
}

export class SideDecisionDto {
  @ApiProperty({ enum: ['yes', 'no'], description: 'yes: funded (co-funding partner: co-funds; twinning: linked)' })
  @IsIn(['yes', 'no'])
  decision: 'yes' | 'no';

  @ApiPropertyOptional({ nullable: true, description: 'Funded amount, integer minor units' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  amount?: number | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @Length(3, 3) currency?:
    string | null;
}

export class RankingQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() trackId?: string;
}
