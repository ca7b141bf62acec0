import { FrozenDocumentDto } from '#applications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BilingualDto } from '#platform';
import { ASSIGNMENT_PROGRESS, type AssignmentProgress } from '../../rules/review-form.js';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../review.entity.js';

/** One assignment as its reviewer sees it, before accepting too: no proposal content beyond its title. */
export class MyAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ type: BilingualDto }) callTitle: BilingualDto;
  @ApiProperty({ description: 'The agency the review is for (short name)' }) agency: string;
  @ApiProperty({ example: 'Asia/Tokyo', description: "The agency's zone in the call" }) agencyTimeZone: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty({
    enum: ASSIGNMENT_PROGRESS,
    description: 'pending (not accepted yet), accepted (nothing saved), draft (saved, not submitted), submitted, declined',
  })
  progress: AssignmentProgress;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty() version: number;
}

export class ReviewCriterionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
  @ApiProperty({ type: BilingualDto }) description: BilingualDto;
  @ApiProperty() scaleMin: number;
  @ApiProperty() scaleMax: number;
  @ApiProperty({ description: 'Scores go up in this step from scaleMin (0.5: half points)' }) step: number;
  @ApiProperty() weight: number;
  @ApiProperty({ type: Number, nullable: true }) threshold: number | null;
}

export class ReviewedSideDto {
  @ApiProperty() agency: string;
  @ApiProperty({ type: String, nullable: true }) institution: string | null;
  @ApiProperty({ type: [Number], description: 'Integer minor units per project year' }) budgetPerYear: number[];
  @ApiProperty({ type: String, nullable: true }) budgetCurrency: string | null;
}

export class ReviewedMemberDto {
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty() earlyCareer: boolean;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
}

export class OwnReviewDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Score per criterion id' })
  scores: Record<string, number>;
  @ApiProperty() comment: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ description: 'Send as If-Match when saving' }) version: number;
}

/** The application under review, once accepted and not conflicted, with the call's criteria and your review. */
export class AssignedApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty() title: string;
  @ApiProperty() abstract: string;
  @ApiProperty({ type: String, nullable: true }) fieldCode: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMonths: number | null;
  @ApiProperty({ type: BilingualDto }) callTitle: BilingualDto;
  @ApiProperty() agency: string;
  @ApiProperty() agencyTimeZone: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ type: [ReviewedSideDto] }) sides: ReviewedSideDto[];
  @ApiProperty({ type: [ReviewedMemberDto] }) members: ReviewedMemberDto[];
  @ApiProperty({ type: [FrozenDocumentDto], description: 'The documents of the latest submission (downloadDocumentVersion)' })
  documents: FrozenDocumentDto[];
  @ApiProperty({ description: 'The submission read: its number (0 for a proposal submitted before submissions were kept)' })
  submissionNumber: number;
  @ApiProperty({ type: [ReviewCriterionDto] }) criteria: ReviewCriterionDto[];
  @ApiProperty({ type: OwnReviewDto }) review: OwnReviewDto;
}

/** A submitted review: officers see the reviewer's id, reviewers see "you" or "Reviewer n" and never an identity. */
export class ApplicationReviewDto {
  @ApiPropertyOptional({ description: 'Reviewers only: "you" or "Reviewer n", numbered among the others in submission order' })
  reviewer?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Officers only: the reviewer's id" }) reviewerId?: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) scores: Record<string, number>;
  @ApiProperty() comment: string;
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt?: string;
}

export class ConflictDeclaredDto {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() declared: boolean;
}
