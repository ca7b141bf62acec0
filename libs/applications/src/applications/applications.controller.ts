import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated, Idempotent, IfMatch, type Page, PreferMinimal, RateLimited } from '#platform';
import { ApplicationsService } from './applications.service.js';
import {
  ApplicationCheckDto,
  ApplicationDto,
  ApplicationEventDto,
  ApplicationPageDto,
  type ApplicationSummaryDto,
  ApplicationVersionDto,
  ApproveSideDto,
  CreateApplicationDto,
  ExportApplicationsQueryDto,
  ExportLanguageQueryDto,
  InstitutionDeadlineDto,
  InstitutionDeadlineResultDto,
  ListApplicationsQueryDto,
  MemberInputDto,
  ReturnSideDto,
  UpdateApplicationDto,
  UpdateSideDto,
} from './dto/application.dto.js';

const uuid = new ParseUUIDPipe();

/** What an edit of a draft may be refused for, besides its If-Match. */
const EditRefusals = (unprocessable = 'NOT_EDITABLE: submitted; reopen it first') =>
  applyDecorators(
    ApiForbiddenResponse({ description: 'NOT_AN_EDITOR: only the PI and co-PIs edit' }),
    ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications you may not see' }),
    ApiUnprocessableEntityResponse({ description: unprocessable }),
  );

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Authenticated('researcher')
  @ApiOperation({ operationId: 'createApplication', summary: 'A draft for an open call and track; you become its PI.' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiUnprocessableEntityResponse({ description: 'CALL_NOT_OPEN' })
  create(@CurrentUser() user: Principal, @Body() body: CreateApplicationDto): Promise<ApplicationDto> {
    return this.applications.create(user, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listApplications',
    summary: 'view=mine (your team), office (your institution) or agency (received by your agency).',
  })
  @ApiOkResponse({ type: ApplicationPageDto })
  list(@CurrentUser() user: Principal, @Query() query: ListApplicationsQueryDto): Promise<Page<ApplicationSummaryDto>> {
    return this.applications.list(user, query);
  }

  @Get('export.csv')
  @Authenticated('institution_admin')
  @RateLimited('exports')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="applications.csv"')
  @ApiOperation({
    operationId: 'exportApplicationsCsv',
    summary:
      "Your institution's applications, one row per side (UTF-8 with BOM, RFC 4180), headers in lang (else yours). " +
      "With callId, a column per question of the call's form (header: label [key]) holding the latest submission's answers, " +
      'filled in for applications with a side at your institution.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: callId names a call you may not see' })
  exportCsv(@CurrentUser() user: Principal, @Query() query: ExportApplicationsQueryDto): Promise<string> {
    return this.applications.exportCsv(user, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getApplication' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications you may not see' })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ApplicationDto> {
    return this.applications.get(user, id);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'updateApplication',
    summary:
      'PI and co-PIs change a draft: If-Match is required, and a stale one gets 409 with the current version. ' +
      'The answer is the application, or with Prefer: return=minimal only its id and new version.',
  })
  @ApiExtraModels(ApplicationVersionDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(ApplicationDto) }, { $ref: getSchemaPath(ApplicationVersionDto) }] } })
  @EditRefusals()
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: UpdateApplicationDto,
    @IfMatch() version: number | undefined,
    @PreferMinimal('return=minimal: answer only the id and the new version (as autosave needs), not the whole application')
    minimal: boolean,
  ): Promise<ApplicationDto | ApplicationVersionDto> {
    return minimal ? this.applications.updateMinimal(user, id, body, version) : this.applications.update(user, id, body, version);
  }

  @Patch(':id/sides/:agencyId')
  @Authenticated()
  @ApiOperation({
    operationId: 'updateApplicationSide',
    summary: "A side's PI, institution and budget (or, in twinning, its funded project).",
  })
  @ApiOkResponse({ type: ApplicationDto })
  @EditRefusals()
  updateSide(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('agencyId', uuid) agencyId: string,
    @Body() body: UpdateSideDto,
    @IfMatch() version: number | undefined,
  ): Promise<ApplicationDto> {
    return this.applications.updateSide(user, id, agencyId, body, version);
  }

  @Post(':id/members')
  @Authenticated()
  @ApiOperation({ operationId: 'addApplicationMember' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @EditRefusals('NOT_EDITABLE: submitted; reopen it first. ONE_PI: the application has its PI')
  addMember(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: MemberInputDto,
    @IfMatch() version: number | undefined,
  ): Promise<ApplicationDto> {
    return this.applications.addMember(user, id, body, version);
  }

  @Patch(':id/members/:memberId')
  @Authenticated()
  @ApiOperation({ operationId: 'updateApplicationMember' })
  @ApiOkResponse({ type: ApplicationDto })
  @EditRefusals('NOT_EDITABLE: submitted; reopen it first. ONE_PI: the PI stays the PI')
  updateMember(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('memberId', uuid) memberId: string,
    @Body() body: MemberInputDto,
    @IfMatch() version: number | undefined,
  ): Promise<ApplicationDto> {
    return this.applications.updateMember(user, id, memberId, body, version);
  }

  @Delete(':id/members/:memberId')
  @Authenticated()
  @ApiOperation({ operationId: 'removeApplicationMember' })
  @ApiOkResponse({ type: ApplicationDto })
  @EditRefusals('NOT_EDITABLE: submitted; reopen it first. ONE_PI: the PI cannot be removed')
  removeMember(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('memberId', uuid) memberId: string,
    @IfMatch() version: number | undefined,
  ): Promise<ApplicationDto> {
    return this.applications.removeMember(user, id, memberId, version);
  }

  @Post(':id/check')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'checkApplication',
    summary: 'PI and co-PIs: every problem a submission now would be refused for, each once, without submitting.',
  })
  @ApiOkResponse({ type: ApplicationCheckDto })
  @ApiForbiddenResponse({ description: 'NOT_AN_EDITOR: a team member who does not edit the application' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications you may not see' })
  check(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ApplicationCheckDto> {
    return this.applications.check(user, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated()
  @Idempotent()
  @ApiOperation({
    operationId: 'submitApplication',
    summary: 'PI: each side goes to its office (with a receipt) or, where approval is waived, straight to its agency (with a receipt).',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiUnprocessableEntityResponse({
    description: 'WRONG_STATE, DEADLINE_PASSED or SUBMISSION_INCOMPLETE, with every problem in `errors` as checkApplication answers them',
  })
  submit(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ApplicationDto> {
    return this.applications.submit(user, id);
  }

  @Post(':id/sides/:agencyId/approve')
  @HttpCode(200)
  @Authenticated('institution_admin')
  @Idempotent()
  @ApiOperation({
    operationId: 'approveApplicationSide',
    summary: "The side's institution office records its checks and sends the side to its agency.",
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiUnprocessableEntityResponse({ description: 'INTEGRITY_CHECKS_MISSING, DEADLINE_PASSED, WRONG_STATE' })
  approve(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('agencyId', uuid) agencyId: string,
    @Body() body: ApproveSideDto,
  ): Promise<ApplicationDto> {
    return this.applications.approve(user, id, agencyId, body);
  }

  @Post(':id/sides/:agencyId/return')
  @HttpCode(200)
  @Authenticated('institution_admin')
  @Idempotent()
  @ApiOperation({ operationId: 'returnApplicationSide', summary: 'The office gives the application back to the PI with a comment.' })
  @ApiOkResponse({ type: ApplicationDto })
  returnSide(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('agencyId', uuid) agencyId: string,
    @Body() body: ReturnSideDto,
  ): Promise<ApplicationDto> {
    return this.applications.returnSide(user, id, agencyId, body.comment);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'reopenApplication',
    summary: 'PI, before the deadline: back to draft; the last submitted version still counts.',
  })
  @ApiOkResponse({ type: ApplicationDto })
  reopen(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ApplicationDto> {
    return this.applications.reopen(user, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'withdrawApplication', summary: 'PI, before any decision.' })
  @ApiOkResponse({ type: ApplicationDto })
  withdraw(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ApplicationDto> {
    return this.applications.withdraw(user, id);
  }

  @Get(':id/events')
  @Authenticated()
  @ApiOperation({ operationId: 'listApplicationEvents', summary: 'The event log: actor, action, from, to, comment, time.' })
  @ApiOkResponse({ type: [ApplicationEventDto] })
  events(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ApplicationEventDto[]> {
    return this.applications.events(user, id);
  }
}

@ApiTags('applications')
@Controller('calls')
export class InstitutionDeadlinesController {
  constructor(private readonly applications: ApplicationsService) {}

  @Put(':id/institution-deadline')
  @Authenticated('institution_admin')
  @ApiOperation({
    operationId: 'setInstitutionDeadline',
    summary: "Your institution's own deadline for a call, shown to your researchers.",
  })
  @ApiOkResponse({ type: InstitutionDeadlineResultDto })
  set(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: InstitutionDeadlineDto,
  ): Promise<InstitutionDeadlineResultDto> {
    return this.applications.setInstitutionDeadline(user, id, body.deadline);
  }
}

@ApiTags('applications')
@Controller('calls')
export class CallApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get(':id/applications/export.csv')
  @Authenticated('program_officer')
  @RateLimited('exports')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="call-applications.csv"')
  @ApiOperation({
    operationId: 'exportCallApplicationsCsv',
    summary:
      "The call's applications that reached your agency, one row per side (UTF-8 with BOM, RFC 4180), headers in lang (else yours), " +
      "with a column per question of the call's form (header: label [key]) holding every answer of the latest submission.",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: not a call your agency takes part in' })
  exportCsv(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ExportLanguageQueryDto,
  ): Promise<string> {
    return this.applications.exportCallCsv(user, id, query);
  }
}
