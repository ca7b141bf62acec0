import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiConflictResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type Principal, RequestId } from '#identity';
import { Authenticated, type Page, versionFromIfMatch } from '#platform';
import { CallsService } from './calls.service.js';
import { CreateCallDto } from './dto/call-input.dto.js';
import { CallDto, CallPageDto, CallSummaryDto, CancelCallDto, ListCallsQueryDto, ViewerZoneQueryDto } from './dto/call-output.dto.js';
import { UpdateCallDto } from './dto/update-call.dto.js';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from getCall' };

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
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CallDto })
  @ApiConflictResponse({ description: 'VERSION_MISMATCH: changed since you read it; the body has currentVersion' })
  update(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCallDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestId() requestId: string,
  ): Promise<CallDto> {
    return this.calls.update(user, id, body, versionFromIfMatch(ifMatch), requestId);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'publishCall', summary: 'Make the call visible to everyone; its status then follows the timeline.' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CallDto })
  publish(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestId() requestId: string,
  ): Promise<CallDto> {
    return this.calls.publish(user, id, versionFromIfMatch(ifMatch), requestId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'cancelCall', summary: 'Cancel the call; it stays visible as cancelled.' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: CallDto })
  cancel(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelCallDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestId() requestId: string,
  ): Promise<CallDto> {
    return this.calls.cancel(user, id, body.reason, versionFromIfMatch(ifMatch), requestId);
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
