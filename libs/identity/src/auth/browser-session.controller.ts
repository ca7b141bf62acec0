import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AppConfig, DomainError, InjectConfig, Public } from '#platform';
import { AuthService, REFRESH_TOKEN_TTL_MS, type TokenPair } from './auth.service.js';
import { isOwnOrigin } from './browser-origin.js';
import { BrowserSessionDto, LoginDto } from './dto/auth.dto.js';

/** The cookie holding a browser's refresh token: HttpOnly, SameSite=Strict, sent only to these routes. */
export const REFRESH_COOKIE = 'jointcall_refresh';
export const BROWSER_SESSION_PATH = '/auth/browser';

/**
 * Sign-in for the web pages. The access token is answered in the body (the page keeps it in
 * memory only); the refresh token never reaches page script: it is an HttpOnly cookie limited to
 * this path. Every route here checks that the request comes from the api's own origin, since the
 * browser attaches the cookie by itself. API clients keep using /auth/login and /auth/refresh.
 */
@ApiTags('auth')
@Controller(BROWSER_SESSION_PATH.slice(1))
export class BrowserSessionController {
  constructor(
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ operationId: 'signInBrowser', summary: 'Sign in from the web pages: the refresh token is set as an HttpOnly cookie.' })
  @ApiOkResponse({ type: BrowserSessionDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiForbiddenResponse({ description: 'FOREIGN_ORIGIN: the request does not come from these pages.' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_FAILED_LOGINS; see Retry-After.' })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionDto> {
    this.checkOrigin(request);
    return this.answer(reply, await this.auth.login(body.email, body.password, request.ip));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ operationId: 'refreshBrowserSession', summary: 'A new access token for the page, from the refresh cookie (rotated).' })
  @ApiOkResponse({ type: BrowserSessionDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_REFRESH_TOKEN: no cookie, or one that is expired, revoked or used.' })
  @ApiForbiddenResponse({ description: 'FOREIGN_ORIGIN' })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<BrowserSessionDto> {
    this.checkOrigin(request);
    const token = request.cookies[REFRESH_COOKIE];
    if (!token) throw new DomainError('unauthenticated', 'INVALID_REFRESH_TOKEN', 'Not signed in.');
    try {
      return this.answer(reply, await this.auth.refresh(token));
    } catch (error) {
      this.clearCookie(reply);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ operationId: 'signOutBrowser', summary: "End the page's session: its refresh and access tokens stop working." })
  @ApiNoContentResponse({ description: 'Signed out (also when already signed out).' })
  @ApiForbiddenResponse({ description: 'FOREIGN_ORIGIN' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    this.checkOrigin(request);
    const token = request.cookies[REFRESH_COOKIE];
    if (token) await this.auth.logoutByRefreshToken(token);
    this.clearCookie(reply);
  }

  private checkOrigin(request: FastifyRequest): void {
    if (!isOwnOrigin(request.headers.origin, `${request.protocol}://${request.host}`, this.config.publicUrl)) {
      throw new DomainError('forbidden', 'FOREIGN_ORIGIN', 'This sign-in is only for the pages of this site.');
    }
  }

  private answer(reply: FastifyReply, pair: TokenPair): BrowserSessionDto {
    void reply.setCookie(REFRESH_COOKIE, pair.refreshToken, { ...this.cookieOptions(), maxAge: REFRESH_TOKEN_TTL_MS / 1000 });
    return { tokenType: pair.tokenType, accessToken: pair.accessToken, expiresIn: pair.expiresIn };
  }

  private clearCookie(reply: FastifyReply): void {
    void reply.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }

  private cookieOptions() {
    return {
      httpOnly: true,
      sameSite: 'strict',
      path: BROWSER_SESSION_PATH,
      // Browsers keep Secure cookies only over HTTPS (and on localhost); plain-http development goes without.
      secure: this.config.nodeEnv === 'production' || this.config.publicUrl.startsWith('https:'),
    } as const;
  }
}
