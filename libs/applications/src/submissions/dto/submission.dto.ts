import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { BilingualDto } from '#platform';

export class SubmitterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class SubmissionHeadDto {
  @ApiProperty({ description: '1 for the first submission, 2 for the next, ...' }) number: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: SubmitterDto }) submittedBy: SubmitterDto;
}

export class FrozenSidePiDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) orcid: string | null;
}

export class FrozenInstitutionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
}

export class FrozenSideDto {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyShortName: string;
  @ApiProperty({ enum: ['lead', 'partner'] }) role: 'lead' | 'partner';
  @ApiProperty({ type: FrozenSidePiDto }) pi: FrozenSidePiDto;
  @ApiProperty({ type: FrozenInstitutionDto, nullable: true }) institution: FrozenInstitutionDto | null;
  @ApiProperty({ type: [Number] }) budgetPerYear: number[];
  @ApiProperty({ nullable: true, type: String }) budgetCurrency: string | null;
  @ApiProperty({ nullable: true, type: String }) existingGrantNumber: string | null;
}

export class FrozenMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) orcid: string | null;
  @ApiProperty() role: string;
  @ApiProperty() earlyCareer: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) institutionId: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
}

export class FrozenProposalDto {
  @ApiProperty() title: string;
  @ApiProperty() abstract: string;
  @ApiProperty({ format: 'uuid' }) trackId: string;
  @ApiProperty({ nullable: true, type: String }) fieldCode: string | null;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ nullable: true, type: Number }) durationMonths: number | null;
  @ApiProperty({ type: [FrozenSideDto] }) sides: FrozenSideDto[];
  @ApiProperty({ type: [FrozenMemberDto] }) members: FrozenMemberDto[];
}

export class FrozenDocumentDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ format: 'uuid' }) requirementId: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: BilingualDto }) label: BilingualDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The side it belongs to; null for the whole proposal' })
  agencyId: string | null;
  @ApiProperty({ format: 'uuid', description: 'The version submitted (downloadDocumentVersion)' }) versionId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ nullable: true, type: Number }) pages: number | null;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256: string;
}

export class SubmissionDto extends SubmissionHeadDto {
  @ApiProperty({ type: FrozenProposalDto }) proposal: FrozenProposalDto;
  @ApiProperty({ type: [FrozenDocumentDto], description: 'Every document submitted, with its size and SHA-256' })
  documents: FrozenDocumentDto[];
}

/** A field's value in a submission: text, a number, a list (keywords, budget, team) or an object (a side's PI). */
const ANY_JSON = {
  nullable: true,
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
};

export class FieldChangeDto {
  @ApiProperty({ example: 'title', description: 'A proposal field, `sides[JST].budgetPerYear`, or `members`' }) path: string;
  @ApiProperty({ ...ANY_JSON, description: 'The value in the earlier submission' }) before: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'The value in the later submission' }) after: unknown;
}

export class DocumentBriefDto {
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}

export class DocumentChangeDto {
  @ApiProperty({ enum: ['added', 'removed', 'replaced'] }) change: 'added' | 'removed' | 'replaced';
  @ApiProperty({ format: 'uuid' }) requirementId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ type: BilingualDto }) label: BilingualDto;
  @ApiProperty({ type: DocumentBriefDto, nullable: true }) before: DocumentBriefDto | null;
  @ApiProperty({ type: DocumentBriefDto, nullable: true }) after: DocumentBriefDto | null;
}

export class SubmissionComparisonDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [FieldChangeDto] }) fields: FieldChangeDto[];
  @ApiProperty({ type: [DocumentChangeDto] }) documents: DocumentChangeDto[];
}

export class CompareSubmissionsQueryDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from: number;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to: number;
}
