import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Principal, RequestId } from '#identity';
import { Authenticated, IfMatch, RateLimited } from '#platform';
import { ApplicationDto } from '../applications/dto/application.dto.js';
import { InviteMemberDto } from './dto/invite-member.dto.js';
import { TeamInvitationsService } from './team-invitations.service.js';

@ApiTags('applications')
@Controller('applications')
export class TeamInvitationsController {
  constructor(private readonly team: TeamInvitationsService) {}

  @Post(':id/invitations')
  @Authenticated()
  @RateLimited('personLookup')
  @ApiOperation({
    operationId: 'inviteApplicationMember',
    summary:
      'PI and co-PIs of a draft add a member by e-mail address: an account with that address (any case) becomes the member at once; anyone else is e-mailed an invitation, valid 14 days, whose acceptance creates their account.',
  })
  @ApiCreatedResponse({ type: ApplicationDto, description: 'The application; the new member has a userId when the address had an account' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: no e-mail address, or the role pi' })
  @ApiForbiddenResponse({ description: 'NOT_AN_EDITOR: only the PI and co-PIs change the team' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications you may not see' })
  @ApiUnprocessableEntityResponse({ description: 'NOT_EDITABLE: only a draft or a returned application changes' })
  invite(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: InviteMemberDto,
    @IfMatch() version: number | undefined,
    @RequestId() requestId: string,
  ): Promise<ApplicationDto> {
    return this.team.invite(user, id, body, version, requestId);
  }
}
