import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, IfMatch, type Page } from '#platform';
import { CurrentUser, RequestId } from '../access/current-user.decorator.js';
import type { Principal } from '../access/principal.js';
import { CreateUserDto, ListUsersQueryDto, UpdateMeDto, UpdateUserDto, UserDto, UserPageDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Authenticated()
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user, with roles and organisation.' })
  @ApiOkResponse({ type: UserDto })
  getMe(@CurrentUser() user: Principal): Promise<UserDto> {
    return this.users.me(user);
  }

  @Patch('me')
  @Authenticated()
  @ApiOperation({ operationId: 'updateMe', summary: 'Change your name, ORCID iD, language or time zone; anything else is refused (400).' })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'VERSION_MISMATCH: changed since you read it; the body has currentVersion' })
  updateMe(
    @CurrentUser() user: Principal,
    @Body() body: UpdateMeDto,
    @IfMatch() version: number | undefined,
    @RequestId() requestId: string,
  ): Promise<UserDto> {
    return this.users.updateMe(user, body, version, requestId);
  }

  @Get('users')
  @Authenticated('admin')
  @ApiOperation({ operationId: 'listUsers' })
  @ApiOkResponse({ type: UserPageDto })
  listUsers(@Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get('users/:id')
  @Authenticated('admin')
  @ApiOperation({ operationId: 'getUser' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  getUser(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(user, id);
  }

  @Post('users')
  @Authenticated('admin')
  @ApiOperation({ operationId: 'createUser' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'UNIQUE_VIOLATION: the e-mail address or ORCID iD is taken' })
  createUser(@CurrentUser() user: Principal, @Body() body: CreateUserDto, @RequestId() requestId: string): Promise<UserDto> {
    return this.users.create(user, body, requestId);
  }

  @Patch('users/:id')
  @Authenticated('admin')
  @ApiOperation({ operationId: 'updateUser', summary: 'Change a user: profile, organisation, roles, or disable sign-in.' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'VERSION_MISMATCH: changed since you read it; the body has currentVersion' })
  @ApiUnprocessableEntityResponse({
    description: 'OWN_ADMIN_ROLE: you cannot remove your own admin role; OWN_ACCOUNT_DISABLED: you cannot disable your own account',
  })
  updateUser(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @IfMatch() version: number | undefined,
    @RequestId() requestId: string,
  ): Promise<UserDto> {
    return this.users.update(user, id, body, version, requestId);
  }
}
