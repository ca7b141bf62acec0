import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '#platform';
import { RequestId } from '../access/current-user.decorator.js';
import { AcceptedInvitationDto, AcceptInvitationDto, InvitationDto } from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';

const TOKEN = { name: 'token', description: 'The secret token from the invitation e-mail' };
const NOT_FOUND = 'NOT_FOUND: no such invitation, or what it invited to is gone (the member was removed or their address changed)';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get(':token')
  @Public()
  @ApiOperation({ operationId: 'getInvitation', summary: 'Who invited you to what, and whether the invitation can still be accepted.' })
  @ApiParam(TOKEN)
  @ApiOkResponse({ type: InvitationDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('token') token: string): Promise<InvitationDto> {
    return this.invitations.show(token);
  }

  @Post(':token/accept')
  @HttpCode(201)
  @Public()
  @ApiOperation({
    operationId: 'acceptInvitation',
    summary:
      'Creates your account (a researcher) with the invited address and your password, and puts it on the team of every proposal that invited this address.',
  })
  @ApiParam(TOKEN)
  @ApiCreatedResponse({ type: AcceptedInvitationDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a password shorter than 12 characters, say' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: 'INVITATION_ACCEPTED: the token was used already; UNIQUE_VIOLATION: the address got an account meanwhile',
  })
  @ApiUnprocessableEntityResponse({ description: 'INVITATION_EXPIRED: 14 days have passed' })
  accept(@Param('token') token: string, @Body() body: AcceptInvitationDto, @RequestId() requestId: string): Promise<AcceptedInvitationDto> {
    return this.invitations.accept(token, body, requestId);
  }
}
