import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Text in Japanese and in English: names and titles of organisations, programs, calls, fields. */
export class BilingualDto {
  @ApiProperty({ example: '東京大学' }) ja: string;
  @ApiProperty({ example: 'The University of Tokyo' }) en: string;
}

/**
 * An instant, and how it reads in the zone it is set in (an agency's deadline in the agency's zone);
 * with the viewer's zone beside it where the answer is made for a viewer.
 */
export class ZonedInstantDto {
  @ApiProperty({ format: 'date-time', example: '2027-03-31T15:00:00Z' }) utc: string;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiProperty({ example: '2027-03-31T17:00:00+02:00', description: 'In timeZone' }) local: string;
  @ApiPropertyOptional({ example: 'Asia/Tokyo', description: 'The zone the viewer asked for, or theirs' }) viewerTimeZone?: string;
  @ApiPropertyOptional({ example: '2027-04-01T00:00:00+09:00', description: 'In viewerTimeZone' }) viewer?: string;
}
