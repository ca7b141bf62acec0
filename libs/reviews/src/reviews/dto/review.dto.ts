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

export class ReviewerCandidatesQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ReviewerCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ description: "Already in the call's pool for your agency" }) inYourPool: boolean;
  @ApiProperty({ description: "In the call's pool for another agency (a reviewer reviews for one agency of a call)" })
  inOtherPool: boolean;
}

export class AssignmentProgressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() applicationTitle: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ enum: ['assigned', 'accepted', 'declined'] }) status: 'assigned' | 'accepted' | 'declined';
  @ApiProperty({ enum: ['submitted', 'draft', 'not_started'], description: 'The review: submitted, a saved draft, or nothing yet' })
  review: 'submitted' | 'draft' | 'not_started';
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ description: 'Open (neither submitted nor declined) and past its due time, by the server clock' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When an officer last reminded the reviewer' })
  lastRemindedAt: string | null;
}

export class EligibilityResultDto {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ enum: ['eligible', 'ineligible'] }) status: 'eligible' | 'ineligible';
  @ApiProperty() reason: string;
}

export class CallReviewerDto {
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ description: 'Assignments in the call, declined ones not counted' }) load: number;
}

export class AssignmentCreatedDto {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty({ enum: ['assigned'] }) status: 'assigned';
}

export class UncoveredApplicationDto {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ description: 'Reviewers it has now' }) assigned: number;
}

export class AutoAssignReportDto {
  @ApiProperty({ description: 'New assignments made' }) assigned: number;
  @ApiProperty({ type: [UncoveredApplicationDto], description: 'Applications left with fewer reviewers than asked' })
  uncovered: UncoveredApplicationDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: "Each pool reviewer's load in the call afterwards",
  })
  loads: Record<string, number>;
  @ApiProperty({ description: 'Application and reviewer pairs left out for a conflict of interest' }) conflictsAvoided: number;
}

export class RankedApplicationDto {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [Number], nullable: true, description: "Mean per criterion, in the call's criteria order; null without scores" })
  criterionMeans: (number | null)[];
  @ApiProperty({ nullable: true, type: Number }) weightedMean: number | null;
  @ApiProperty({ description: 'Every criterion scored and none below its threshold' }) fundable: boolean;
  @ApiProperty({ type: [String], description: 'Criterion ids whose mean is below their threshold' }) thresholdFailures: string[];
  @ApiProperty({ description: 'Submitted reviews' }) reviewCount: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Highest minus lowest weighted score of single complete reviews; null with fewer than two',
  })
  spread: number | null;
  @ApiProperty({ description: 'Assigned reviews not yet submitted' }) missingReviews: number;
}

export class CallRankingDto {
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ type: [String], description: 'Criterion ids in order: the order of criterionMeans and of the tie rule' })
  criteria: string[];
  @ApiProperty({
    description:
      'Highest weighted mean first; ties by the first criterion’s mean, then the next; then by application id; applications without a complete mean last',
  })
  tieRule: string;
  @ApiProperty({ type: [RankedApplicationDto] }) items: RankedApplicationDto[];
}
