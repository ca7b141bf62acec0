import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { BilingualDto, Trim } from '#platform';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { LANGUAGES, type Language } from '../../users/roles.js';
import type { InvitationStatus } from '../invitation-tokens.js';

export class InviterDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: BilingualDto, nullable: true, description: 'The organisation of the inviter' }) organisation: BilingualDto | null;
}

export class InvitationTargetDto {
  @ApiProperty({ description: 'The proposal' }) title: string;
  @ApiProperty({
    type: BilingualDto,
    description: 'The title of the call',
    example: { ja: '日米量子共同研究 2027', en: 'Japan-US quantum joint call 2027' },
  })
  call: BilingualDto;
  @ApiProperty({ example: 'partner_pi', description: 'The role in the team' }) role: string;
}

/** Who invited the bearer of the token to what: nothing more (no e-mail address, no ids). */
export class InvitationDto {
  @ApiProperty({ enum: ['pending', 'accepted', 'expired'] }) status: InvitationStatus;
  @ApiProperty({ description: 'The name the inviter gave' }) name: string;
  @ApiProperty({ type: InviterDto }) invitedBy: InviterDto;
  @ApiProperty({ type: InvitationTargetDto }) invitedTo: InvitationTargetDto;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class AcceptInvitationDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Your name; the one the inviter gave when absent' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiProperty({ description: `Your password, ${MIN_PASSWORD_LENGTH} characters or more`, minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language of your e-mails; en when absent' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class AcceptedInvitationDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: 'Sign in with this address and your password' }) email: string;
}
