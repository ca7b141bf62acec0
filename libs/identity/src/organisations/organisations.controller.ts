import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, IfMatch, type Page } from '#platform';
import { CurrentUser, RequestId } from '../access/current-user.decorator.js';
import type { Principal } from '../access/principal.js';
import {
  CreateOrganisationDto,
  ListOrganisationsQueryDto,
  OrganisationDto,
  OrganisationPageDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@Controller('organizations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ operationId: 'listOrganizations', summary: 'Agencies and institutions, searchable by name, kind and country.' })
  @ApiOkResponse({ type: OrganisationPageDto })
  list(@Query() query: ListOrganisationsQueryDto): Promise<Page<OrganisationDto>> {
    return this.organisations.list(query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getOrganization' })
  @ApiOkResponse({ type: OrganisationDto, description: 'With an ETag for If-Match.' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationDto> {
    return this.organisations.get(user, id);
  }

  @Post()
  @Authenticated('admin')
  @ApiOperation({ operationId: 'createOrganization' })
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@CurrentUser() user: Principal, @Body() body: CreateOrganisationDto, @RequestId() requestId: string): Promise<OrganisationDto> {
    return this.organisations.create(user, body, requestId);
  }

  @Patch(':id')
  @Authenticated('admin')
  @ApiOperation({
    operationId: 'updateOrganization',
    summary: 'Change some fields; send If-Match with the ETag you read to avoid overwriting a concurrent change.',
  })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'VERSION_MISMATCH: changed since you read it; the body has currentVersion' })
  update(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOrganisationDto,
    @IfMatch() version: number | undefined,
    @RequestId() requestId: string,
  ): Promise<OrganisationDto> {
    return this.organisations.update(user, id, body, version, requestId);
  }
}
