import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, Public } from '#platform';
import { CurrentUser } from '../access/current-user.decorator.js';
import type { Principal } from '../access/principal.js';
import { AuthService, type TokenPair } from './auth.service.js';
import { LoginDto, RefreshTokenDto, TokenPairDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ operationId: 'login', summary: 'Sign in with e-mail and password.' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS: the same answer for an unknown e-mail and a wrong password.' })
  @ApiTooManyRequestsResponse({
    description: 'TOO_MANY_FAILED_LOGINS: 100 failures in an hour for the account (or 500 for the address); see Retry-After.',
  })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenPair> {
    return this.auth.login(body.email, body.password, request.ip);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ operationId: 'refreshToken', summary: 'Exchange a refresh token for a new pair; a reused token ends its whole session.' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_REFRESH_TOKEN' })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ operationId: 'logout', summary: 'End this session: its refresh and access tokens stop working.' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  logout(@CurrentUser() principal: Principal): Promise<void> {
    return this.auth.logout(principal);
  }
}
