import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiConflictResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type Principal, RequestId } from '#identity';
import { Authenticated, IfMatch, type Page } from '#platform';
import { CallsService } from './calls.service.js';
import { CreateCallDto } from './dto/call-input.dto.js';
import { CallDto, CallPageDto, CallSummaryDto, CancelCallDto, ListCallsQueryDto, ViewerZoneQueryDto } from './dto/call-output.dto.js';
import { UpdateCallDto } from './dto/update-call.dto.js';

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ operationId: 'listCalls', summary: 'Published calls (and your agency’s drafts), by next deadline.' })
  @ApiOkResponse({ type: CallPageDto })
  list(@CurrentUser() user: Principal, @Query() query: ListCallsQueryDto): Promise<Page<CallSummaryDto>> {
    return this.calls.list(user, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getCall', summary: "Every deadline in its agency's zone and in yours." })
  @ApiOkResponse({ type: CallDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (also a draft of an agency you are not an officer of)' })
  get(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: ViewerZoneQueryDto): Promise<CallDto> {
    return this.calls.get(user, id, query.tz);
  }

  @Post()
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'createCall', summary: "A draft call of one of your agency's programs, your agency leading." })
  @ApiCreatedResponse({ type: CallDto })
  create(@CurrentUser() user: Principal, @Body() body: CreateCallDto, @RequestId() requestId: string): Promise<CallDto> {
    return this.calls.create(user, body, requestId);
  }

  @Patch(':id')
  @Authenticated('program_officer')
  @ApiOperation({
    operationId: 'updateCall',
    summary: "Shared fields: the lead agency's officers. An agency's entry (deadline, budget cap, approval rule): that agency's officers.",
  })
  @ApiOkResponse({ type: CallDto })
  @ApiConflictResponse({ description: 'VERSION_MISMATCH: changed since you read it; the body has currentVersion' })
  update(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCallDto,
    @IfMatch() version: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CallDto> {
    return this.calls.update(user, id, body, version, requestId);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'publishCall', summary: 'Make the call visible to everyone; its status then follows the timeline.' })
  @ApiOkResponse({ type: CallDto })
  publish(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch({ required: false }) version: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CallDto> {
    return this.calls.publish(user, id, version, requestId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'cancelCall', summary: 'Cancel the call; it stays visible as cancelled.' })
  @ApiOkResponse({ type: CallDto })
  cancel(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelCallDto,
    @IfMatch({ required: false }) version: number | undefined,
    @RequestId() requestId: string,
  ): Promise<CallDto> {
    return this.calls.cancel(user, id, body.reason, version, requestId);
  }

  @Put(':id/watch')
  @HttpCode(204)
  @Authenticated('researcher', 'institution_admin')
  @ApiOperation({ operationId: 'watchCall', summary: 'Follow the call: its deadlines join your calendar feed.' })
  @ApiNoContentResponse()
  watch(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.calls.watch(user, id);
  }

  @Delete(':id/watch')
  @HttpCode(204)
  @Authenticated('researcher', 'institution_admin')
  @ApiOperation({ operationId: 'unwatchCall' })
  @ApiNoContentResponse()
  unwatch(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.calls.unwatch(user, id);
  }
}
