import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '#platform';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access/access.guard.js';
import { AccessService } from './access/access.service.js';
import { IdentityAccessRepository } from './access/identity-access.repository.js';
import { IdentityPermission } from './access/permissions.js';
import { RouteDeclarations } from './access/route-declarations.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthRepository } from './auth/auth.repository.js';
import { AuthService } from './auth/auth.service.js';
import { BrowserSessionController } from './auth/browser-session.controller.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { SESSION_CACHE_MAX_ENTRIES, SessionCache } from './auth/session-cache.js';
import { SessionListener } from './auth/session-listener.js';
import { VerifiedTokens } from './auth/verified-tokens.js';
import { WritePositions } from './auth/write-positions.js';
import { InvitationsController } from './invitations/invitations.controller.js';
import { InvitationsRepository } from './invitations/invitations.repository.js';
import { InvitationsService } from './invitations/invitations.service.js';
import { OrganisationsController } from './organisations/organisations.controller.js';
import { OrganisationsRepository } from './organisations/organisations.repository.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { PeopleController } from './people/people.controller.js';
import { PeopleRepository } from './people/people.repository.js';
import { PeopleService } from './people/people.service.js';
import { UsersController } from './users/users.controller.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';

/** Organisations, users, sign-in, and the access module every feature asks. */
@Module({
  imports: [DiscoveryModule, PassportModule, JwtModule.register({})],
  controllers: [
    AuthController,
    BrowserSessionController,
    UsersController,
    OrganisationsController,
    PeopleController,
    InvitationsController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    WritePositions,
    AccessService,
    IdentityAccessRepository,
    RouteDeclarations,
    AuthRepository,
    AuthService,
    JwtStrategy,
    { provide: VerifiedTokens, useFactory: () => new VerifiedTokens() },
    {
      provide: SessionCache,
      inject: [APP_CONFIG, Clock],
      useFactory: (config: AppConfig, clock: Clock) =>
        new SessionCache({
          ttlMs: config.sessionCacheSeconds * 1000,
          maxEntries: SESSION_CACHE_MAX_ENTRIES,
          now: () => clock.now().getTime(),
        }),
    },
    SessionListener,
    OrganisationsRepository,
    OrganisationsService,
    UsersRepository,
    UsersService,
    PeopleRepository,
    PeopleService,
    InvitationsRepository,
    InvitationsService,
  ],
  exports: [AccessService, RouteDeclarations, InvitationsService],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly access: AccessService,
    private readonly rules: IdentityAccessRepository,
  ) {}

  onModuleInit(): void {
    this.access.register(IdentityPermission.readUser, (p, ids) => this.rules.readableUsers(p, ids));
    this.access.register(IdentityPermission.manageUser, (p, ids) => this.rules.manageableUsers(p, ids));
    this.access.register(IdentityPermission.readOrganisation, (p, ids) => this.rules.readableOrganisations(p, ids));
    this.access.register(IdentityPermission.manageOrganisation, (p, ids) => this.rules.manageableOrganisations(p, ids));
  }
}
