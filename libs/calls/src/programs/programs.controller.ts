import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiConflictResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type Principal, RequestId } from '#identity';
import { Authenticated, type Page, versionFromIfMatch } from '#platform';
import { CreateProgramDto, ListProgramsQueryDto, ProgramDto, ProgramPageDto, UpdateProgramDto } from './dto/program.dto.js';
import { ProgramsService } from './programs.service.js';

@ApiTags('programs')
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ operationId: 'listPrograms' })
  @ApiOkResponse({ type: ProgramPageDto })
  list(@Query() query: ListProgramsQueryDto): Promise<Page<ProgramDto>> {
    return this.programs.list(query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getProgram' })
  @ApiOkResponse({ type: ProgramDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ProgramDto> {
    return this.programs.get(id);
  }

  @Post()
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'createProgram', summary: 'A program of your own agency.' })
  @ApiCreatedResponse({ type: ProgramDto })
  create(@CurrentUser() user: Principal, @Body() body: CreateProgramDto, @RequestId() requestId: string): Promise<ProgramDto> {
    return this.programs.create(user, body, requestId);
  }

  @Patch(':id')
  @Authenticated('program_officer')
  @ApiOperation({ operationId: 'updateProgram', summary: 'Change a program of your own agency.' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: ProgramDto })
  @ApiConflictResponse({ description: 'VERSION_MISMATCH: changed since you read it; the body has currentVersion' })
  update(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateProgramDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestId() requestId: string,
  ): Promise<ProgramDto> {
    return this.programs.update(user, id, body, versionFromIfMatch(ifMatch), requestId);
  }
}
