import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsObject, IsOptional } from 'class-validator';
import type { JSONSchema } from '../../rules/form-schema.js';

const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;

export class CallFormDto {
  @ApiProperty({ nullable: true, type: Number, description: 'The latest version; null while the call has no form' }) version: number | null;
  @ApiProperty({ description: 'The call is open and the form has a version: a change is a new version, made on purpose (newVersion=true)' })
  frozen: boolean;
  @ApiProperty({
    type: 'array',
    items: FREE_OBJECT,
    description: 'The questions, in order (key, type, label, help, required, scope, visibility and constraints)',
  })
  questions: Record<string, unknown>[];
  @ApiProperty({ ...FREE_OBJECT, description: 'JSON Schema of a draft’s answers (every answer optional, each given one valid)' })
  draftSchema: JSONSchema;
  @ApiProperty({ ...FREE_OBJECT, description: 'JSON Schema of a submission’s answers (required ones present)' })
  submitSchema: JSONSchema;
}

export class PutCallFormDto {
  @ApiProperty({ type: 'array', items: FREE_OBJECT, maxItems: 100, description: 'Checked whole; every problem is reported by its path' })
  @IsArray()
  questions: unknown[];
}

export class PutCallFormQueryDto {
  @ApiPropertyOptional({ description: 'Make a new version on purpose (required once the call is open)' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  newVersion?: boolean;
}

export class QuestionChangeDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change: 'added' | 'removed' | 'changed';
}

export class ApplicationAnswersDto {
  @ApiProperty({ description: 'The version of the answers, also their ETag: send it as If-Match when saving; 0 while nothing is saved' })
  version: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The form version the draft answers; null when the call has no form' })
  formVersion: number | null;
  @ApiProperty({ nullable: true, type: Number }) latestVersion: number | null;
  @ApiProperty({ ...FREE_OBJECT, description: '{ proposal: { key: value }, sides: { agencyId: { key: value } } }' })
  answers: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: FREE_OBJECT, description: 'The questions of formVersion' })
  questions: Record<string, unknown>[];
  @ApiProperty({ ...FREE_OBJECT, description: 'JSON Schema of a draft’s answers on formVersion' }) draftSchema: JSONSchema;
  @ApiProperty({ ...FREE_OBJECT, description: 'JSON Schema of a submission’s answers on formVersion' }) submitSchema: JSONSchema;
  @ApiProperty({ type: [QuestionChangeDto], description: 'What the latest version changed since formVersion (the draft keeps its own)' })
  changes: QuestionChangeDto[];
}

export class PutAnswersDto {
  @ApiProperty({ ...FREE_OBJECT, description: '{ proposal: { key: value }, sides: { agencyId: { key: value } } }; may be incomplete' })
  @IsObject()
  answers: Record<string, unknown>;
}

export class SubmittedAnswersDto {
  @ApiProperty({ description: 'The submission the answers come from' }) submissionNumber: number;
  @ApiProperty({ nullable: true, type: Number }) formVersion: number | null;
  @ApiProperty({ type: 'array', items: FREE_OBJECT, description: 'The questions whose answers the caller may read, in order' })
  questions: Record<string, unknown>[];
  @ApiProperty({ ...FREE_OBJECT, description: 'Only the answers to those questions: { proposal: {...}, sides: { agencyId: {...} } }' })
  answers: Record<string, unknown>;
}
