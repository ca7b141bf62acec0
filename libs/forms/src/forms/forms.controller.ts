import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated, IfMatch } from '#platform';
import {
  ApplicationAnswersDto,
  CallFormDto,
  PutAnswersDto,
  PutCallFormDto,
  PutCallFormQueryDto,
  SubmittedAnswersDto,
} from './dto/forms.dto.js';
import { FormsService } from './forms.service.js';

const uuid = new ParseUUIDPipe();

@ApiTags('forms')
@Controller()
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get('calls/:id/form')
  @Authenticated()
  @ApiOperation({ operationId: 'getCallForm', summary: "The call's own questions (latest version) and their JSON Schemas." })
  @ApiOkResponse({ type: CallFormDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for calls you may not see' })
  form(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<CallFormDto> {
    return this.forms.form(user, id);
  }

  @Put('calls/:id/form')
  @Authenticated('program_officer')
  @ApiOperation({
    operationId: 'putCallForm',
    summary: "Set the call's questions (the lead agency's officers). Frozen once the call opens: then only a new version made on purpose.",
  })
  @ApiOkResponse({ type: CallFormDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: not a call your agency leads' })
  @ApiUnprocessableEntityResponse({ description: 'FORM_FROZEN: the call is open; send newVersion=true to make a new version' })
  putForm(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Query() query: PutCallFormQueryDto,
    @Body() body: PutCallFormDto,
  ): Promise<CallFormDto> {
    return this.forms.putForm(user, id, body, query.newVersion === true);
  }

  @Get('applications/:id/answers')
  @Authenticated()
  @ApiOperation({
    operationId: 'getApplicationAnswers',
    summary: "For the team: the draft's answers on its own form version, and what a later one changed.",
  })
  @ApiOkResponse({ type: ApplicationAnswersDto, description: 'With an ETag for If-Match.' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications whose team you are not on' })
  answers(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ApplicationAnswersDto> {
    return this.forms.answers(user, id);
  }

  @Get('applications/:id/submitted-answers')
  @Authenticated()
  @ApiOperation({
    operationId: 'getSubmittedAnswers',
    summary:
      'The answers of the latest submission: the team, the office of a side and the agencies read all; a reviewer only those for reviewers.',
  })
  @ApiOkResponse({ type: SubmittedAnswersDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications whose submission you may not read' })
  submittedAnswers(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<SubmittedAnswersDto> {
    return this.forms.submittedAnswers(user, id);
  }

  @Put('applications/:id/answers')
  @Authenticated()
  @ApiOperation({
    operationId: 'putApplicationAnswers',
    summary:
      "Save a draft's answers (PI and co-PIs): incomplete is fine, each answer given must be valid (problems by question key). " +
      'If-Match is required, and a stale one gets 409 with the current version.',
  })
  @ApiOkResponse({ type: ApplicationAnswersDto })
  @ApiForbiddenResponse({ description: 'NOT_AN_EDITOR: only the PI and co-PIs answer the form' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications you may not see' })
  @ApiUnprocessableEntityResponse({
    description: 'NOT_EDITABLE: submitted; reopen it first. NO_FORM: the call asks no questions of its own',
  })
  putAnswers(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: PutAnswersDto,
    @IfMatch() version: number | undefined,
  ): Promise<ApplicationAnswersDto> {
    return this.forms.putAnswers(user, id, body.answers, version);
  }
}
