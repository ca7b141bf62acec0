import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { CallAgencyPatchDto, CallSharedFieldsDto } from './call-input.dto.js';

/**
 * Shared fields (the lead agency's officers) and agency entries (each agency's own officers).
 * Lists given replace the call's: tracks are matched by code, criteria and fields replaced whole.
 */
export class UpdateCallDto extends PartialType(CallSharedFieldsDto) {
  @ApiPropertyOptional({
    type: [CallAgencyPatchDto],
    description: "Changes to agencies' own entries; each needs an officer of that agency",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CallAgencyPatchDto)
  agencies?: CallAgencyPatchDto[];
}
