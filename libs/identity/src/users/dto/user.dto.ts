import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { BilingualDto, IsIanaTimeZone, PageQueryDto, Trim } from '#platform';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { IsOrcid } from '../../identifiers/identifier.validators.js';
import { LANGUAGES, type Language, type Role, ROLES } from '../roles.js';

/** What a user may change about themselves, and nothing else. */
export class UpdateMeDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ORCID iD; null removes it', example: '0000-0002-1825-0097' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsOrcid()
  orcid?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'IANA time zone for showing deadlines; null follows the organisation' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsIanaTimeZone()
  timeZone?: string | null;
}

export class CreateUserDto extends UpdateMeDto {
  @ApiProperty({ example: 'researcher@u-tokyo.ac.jp', maxLength: 254 })
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  declare name: string;

  @ApiProperty({
    description: `Initial password, ${MIN_PASSWORD_LENGTH} characters or more`,
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: 1024,
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Home organisation' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsUUID()
  organisationId?: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['password'] as const)) {
  @ApiPropertyOptional({ description: 'true disables sign-in and ends every session' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
  @ApiProperty() timeZone: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) orcid: string | null;
  @ApiProperty({ type: UserOrganisationDto, nullable: true }) organisation: UserOrganisationDto | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ nullable: true, type: String, description: 'Own time zone; null follows the organisation' }) timeZone: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty() version: number;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
