import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, RequestId } from '#identity';
import { Authenticated, IfMatch, type Page } from '#platform';
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
  @ApiOkResponse({ type: ProgramDto })
  @ApiConflictResponse({ description: 'VERSION_MISMATCH: changed since you read it; the body has currentVersion' })
  update(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateProgramDto,
    @IfMatch() version: number | undefined,
    @RequestId() requestId: string,
  ): Promise<ProgramDto> {
    return this.programs.update(user, id, body, version, requestId);
  }
}
