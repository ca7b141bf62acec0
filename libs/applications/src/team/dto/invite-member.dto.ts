import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { Trim } from '#platform';
import { MEMBER_ROLES, type MemberRole } from '../../applications/application.entity.js';
import { MemberInputDto } from '../../applications/dto/application.dto.js';

/** Anyone but the PI, whom the application has from the start. */
const INVITED_ROLES = MEMBER_ROLES.filter((role): role is Exclude<MemberRole, 'pi'> => role !== 'pi');

/** A team member named by e-mail address, with what members carry; the account (or the invitation) follows from the address. */
export class InviteMemberDto extends OmitType(MemberInputDto, ['userId', 'email', 'role'] as const) {
  @ApiProperty({
    maxLength: 254,
    example: 'partner@lab.example.edu',
    description: 'An account with this address (any case) becomes the member at once; any other address gets the invitation',
  })
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: INVITED_ROLES })
  @IsIn(INVITED_ROLES)
  role: Exclude<MemberRole, 'pi'>;
}
