import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { BilingualDto, IsIanaTimeZone, PageQueryDto, Trim } from '#platform';
import { IsFunderId, IsRorId } from '../../identifiers/identifier.validators.js';
import { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '../organisation.entity.js';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class CreateOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiProperty({ example: 'JST', maxLength: 50 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  shortName: string;

  @ApiProperty({ example: '科学技術振興機構', maxLength: 300 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  nameJa: string;

  @ApiProperty({ example: 'Japan Science and Technology Agency', maxLength: 300 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  nameEn: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'JP' })
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code, such as JP' })
  country: string;

  @ApiProperty({ description: 'IANA time zone', example: 'Asia/Tokyo' })
  @IsIanaTimeZone()
  timeZone: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ROR ID (bare or https://ror.org/ URL)', example: '057zh3y96' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsRorId()
  rorId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Open Funder Registry DOI', example: '10.13039/501100002241' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsFunderId()
  funderId?: string | null;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}

export class ListOrganisationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name or short name, in English or Japanese', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ example: 'JP' })
  @IsOptional()
  @Transform(upper)
  @IsISO31661Alpha2()
  country?: string;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty() shortName: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
  @ApiProperty() country: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ nullable: true, type: String }) rorId: string | null;
  @ApiProperty({ nullable: true, type: String }) funderId: string | null;
  @ApiProperty() version: number;
}

export class OrganisationPageDto {
  @ApiProperty({ type: [OrganisationDto] }) items: OrganisationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toOrganisationDto(o: Organisation): OrganisationDto {
  return {
    id: o.id,
    kind: o.kind,
    shortName: o.shortName,
    name: { ja: o.nameJa, en: o.nameEn },
    country: o.country,
    timeZone: o.timeZone,
    rorId: o.rorId,
    funderId: o.funderId,
    version: o.version,
  };
}
