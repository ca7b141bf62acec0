import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { BilingualDto } from '#platform';
import {
  DOCUMENT_KINDS,
  DOCUMENT_SCOPES,
  type DocumentKind,
  type DocumentScope,
  SCAN_STATUSES,
  type ScanStatus,
} from '../document.entity.js';
import { DOCUMENT_MEDIA_TYPES, type DocumentMediaType } from '../../files/media-type.js';
import { DOCUMENT_WARNING_CODES, type DocumentWarningCode } from '../../rules/document-checks.js';

/** The most a requirement may allow, whatever the deployment's own cap (DOCUMENT_MAX_BYTES) says. */
export const MAX_REQUIREMENT_BYTES = 200 * 1024 * 1024;
export const MAX_REQUIREMENTS = 20;

export class DocumentRequirementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ enum: DOCUMENT_SCOPES, description: 'proposal: one for the whole proposal; side: one per agency side' })
  scope: DocumentScope;
  @ApiProperty({ type: BilingualDto }) label: BilingualDto;
  @ApiProperty({ type: BilingualDto, nullable: true, description: 'Each language as given (empty where not); null when none' })
  help: BilingualDto | null;
  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES, isArray: true }) acceptedTypes: DocumentMediaType[];
  @ApiProperty({ description: 'Bytes' }) maxBytes: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Over it: a warning on the draft, refused at submit' }) maxPages: number | null;
  @ApiProperty() required: boolean;
}

export class DocumentRequirementInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing requirement of the call to keep; none for a new one' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS) kind: DocumentKind;
  @ApiProperty({ enum: DOCUMENT_SCOPES }) @IsIn(DOCUMENT_SCOPES) scope: DocumentScope;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) labelEn: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) labelJa: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) helpEn?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) helpJa?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_MEDIA_TYPES, isArray: true, default: ['application/pdf'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(DOCUMENT_MEDIA_TYPES, { each: true })
  acceptedTypes?: DocumentMediaType[];

  @ApiProperty({ minimum: 1, maximum: MAX_REQUIREMENT_BYTES, description: 'Bytes' })
  @IsInt()
  @Min(1)
  @Max(MAX_REQUIREMENT_BYTES)
  maxBytes: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxPages?: number | null;

  @ApiProperty() @IsBoolean() required: boolean;
}

export class PutDocumentRequirementsDto {
  @ApiProperty({ type: [DocumentRequirementInputDto], maxItems: MAX_REQUIREMENTS })
  @IsArray()
  @ArrayMaxSize(MAX_REQUIREMENTS)
  @ValidateNested({ each: true })
  @Type(() => DocumentRequirementInputDto)
  requirements: DocumentRequirementInputDto[];
}

export class UploaderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class DocumentVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ description: '1 for the first upload of the document, 2 for its replacement, ...' }) number: number;
  @ApiProperty({ description: 'The uploaded file’s own name' }) fileName: string;
  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES }) mediaType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256: string;
  @ApiProperty({ nullable: true, type: Number, description: 'PDF pages' }) pages: number | null;
  @ApiProperty({ enum: SCAN_STATUSES }) scanStatus: ScanStatus;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ type: UploaderDto }) uploadedBy: UploaderDto;
}

export class DocumentWarningDto {
  @ApiProperty({ enum: DOCUMENT_WARNING_CODES }) code: DocumentWarningCode;
  @ApiProperty() message: string;
}

export class DocumentSlotDto {
  @ApiProperty({ type: DocumentRequirementDto }) requirement: DocumentRequirementDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The side, for a document of each side' })
  agencyId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'None before the first upload' }) documentId: string | null;
  @ApiProperty({ type: DocumentVersionDto, nullable: true, description: 'The version the draft holds' })
  current: DocumentVersionDto | null;
  @ApiProperty({ description: 'Versions uploaded so far' }) versions: number;
  @ApiProperty({ type: [DocumentWarningDto] }) warnings: DocumentWarningDto[];
}

export class ApplicationDocumentsDto {
  @ApiProperty({ type: [DocumentSlotDto], description: 'Each document the call asks for, per side where it asks per side' })
  slots: DocumentSlotDto[];
}

export class UploadedDocumentDto {
  @ApiProperty({ type: DocumentVersionDto }) version: DocumentVersionDto;
  @ApiProperty({ type: [DocumentWarningDto] }) warnings: DocumentWarningDto[];
}

export class UploadDocumentQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The side, for a document the call asks of each side' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
