import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { BilingualDto, Trim } from '#platform';
import { IsOrcid } from '../../identifiers/identifier.validators.js';

/** Exactly one of the two: the service refuses neither and both. */
export class FindPersonQueryDto {
  @ApiPropertyOptional({ description: 'The whole e-mail address, in any case', example: 'pi.mit@example.org', maxLength: 254 })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'An ORCID iD, bare or as its URL', example: '0000-0002-1825-0097' })
  @IsOptional()
  @IsOrcid()
  orcid?: string;
}

export class PersonOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: BilingualDto, example: { ja: 'マサチューセッツ工科大学', en: 'Massachusetts Institute of Technology' } })
  name: BilingualDto;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' }) country: string;
}

/** Enough to name a partner in a proposal, and nothing more: no e-mail address, ORCID iD or roles. */
export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: PersonOrganisationDto, nullable: true }) organisation: PersonOrganisationDto | null;
}
