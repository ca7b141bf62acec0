import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { BilingualDto, PageQueryDto, Trim } from '#platform';

export class CreateProgramDto {
  @ApiProperty({ format: 'uuid', description: 'The agency that runs the program: your own.' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({ example: 'ASPIRE', maxLength: 40 })
  @Trim()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/, { message: 'code must be 1 to 40 letters, digits, spaces, dots, dashes or underscores' })
  code: string;

  @ApiProperty({ maxLength: 300 }) @Trim() @IsString() @MinLength(1) @MaxLength(300) nameJa: string;
  @ApiProperty({ maxLength: 300 }) @Trim() @IsString() @MinLength(1) @MaxLength(300) nameEn: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) descriptionJa?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) descriptionEn?: string;
}

export class UpdateProgramDto extends PartialType(OmitType(CreateProgramDto, ['agencyId'] as const)) {}

export class ListProgramsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class AgencyRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
  @ApiProperty() country: string;
}

export class ProgramDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty() code: string;
  @ApiProperty({ type: BilingualDto }) name: BilingualDto;
  @ApiProperty({ type: BilingualDto }) description: BilingualDto;
  @ApiProperty() version: number;
}

export class ProgramPageDto {
  @ApiProperty({ type: [ProgramDto] }) items: ProgramDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
