import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated, Idempotent, type Page, RateLimited, versionFromIfMatch } from '#platform';
import type { ApplicationSummaryRow } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';
import {
  ApplicationDto,
  ApplicationEventDto,
  ApplicationPageDto,
  ApproveSideDto,
  CreateApplicationDto,
  ExportApplicationsQueryDto,
  InstitutionDeadlineDto,
  InstitutionDeadlineResultDto,
  ListApplicationsQueryDto,
  MemberInputDto,
  ReturnSideDto,
  UpdateApplicationDto,
  UpdateSideDto,
} from './dto/application.dto.js';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from getApplication' };
const uuid = new ParseUUIDPipe();

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
  list(@CurrentUser() user: Principal, @Query() query: ListApplicationsQueryDto): Promise<Page<ApplicationSummaryRow>> {
    return this.applications.list(user, query);
  }

  @Get('export.csv')
  @Authenticated('institution_admin')
  @RateLimited('exports')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="applications.csv"')
  @ApiOperation({
    operationId: 'exportApplicationsCsv',
    summary: "Your institution's applications, one row per side (UTF-8 with BOM, RFC 4180).",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv' })
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
    summary: 'PI and co-PIs change a draft; a stale If-Match gets 409 with the current version.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationDto })
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: UpdateApplicationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.applications.update(user, id, body, versionFromIfMatch(ifMatch));
  }

  @Patch(':id/sides/:agencyId')
  @Authenticated()
  @ApiOperation({
    operationId: 'updateApplicationSide',
    summary: "A side's PI, institution and budget (or, in twinning, its funded project).",
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationDto })
  updateSide(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('agencyId', uuid) agencyId: string,
    @Body() body: UpdateSideDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ApplicationDto> {
    return this.applications.updateSide(user, id, agencyId, body, versionFromIfMatch(ifMatch));
  }

  @Post(':id/members')
  @Authenticated()
  @ApiOperation({ operationId: 'addApplicationMember' })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: ApplicationDto })
  addMember(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: MemberInputDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.applications.addMember(user, id, body, versionFromIfMatch(ifMatch));
  }

  @Patch(':id/members/:memberId')
  @Authenticated()
  @ApiOperation({ operationId: 'updateApplicationMember' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationDto })
  updateMember(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('memberId', uuid) memberId: string,
    @Body() body: MemberInputDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ApplicationDto> {
    return this.applications.updateMember(user, id, memberId, body, versionFromIfMatch(ifMatch));
  }

  @Delete(':id/members/:memberId')
  @Authenticated()
  @ApiOperation({ operationId: 'removeApplicationMember' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationDto })
  removeMember(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('memberId', uuid) memberId: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ApplicationDto> {
    return this.applications.removeMember(user, id, memberId, versionFromIfMatch(ifMatch));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated()
  @Idempotent()
  @ApiOperation({
    operationId: 'submitApplication',
    summary: 'PI: each side goes to its office, or straight to its agency where approval is waived (with a receipt).',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiUnprocessableEntityResponse({ description: 'SUBMISSION_INCOMPLETE (every problem by field), DEADLINE_PASSED, WRONG_STATE' })
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
