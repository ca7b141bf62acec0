import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AuditLog,
  Clock,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  NotFoundError,
  type Page,
  RuleViolationError,
  toPage,
  VersionMismatchError,
} from '#platform';
import { AccessService } from '../access/access.service.js';
import { IdentityPermission } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import { hashPassword } from '../auth/passwords.js';
import { SessionCache } from '../auth/session-cache.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import type { CreateUserDto, ListUsersQueryDto, UpdateMeDto, UpdateUserDto, UserDto } from './dto/user.dto.js';
import { ownAccountProblem } from './own-account.js';
import { type UserFields, UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly access: AccessService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly sessions: SessionCache,
  ) {}

  async me(principal: Principal): Promise<UserDto> {
    return this.get(principal, principal.id);
  }

  /** Name, ORCID iD, language and time zone; the DTO refuses anything else. */
  async updateMe(principal: Principal, dto: UpdateMeDto, expectedVersion: number | undefined, requestId: string): Promise<UserDto> {
    const fields: Partial<UserFields> = { name: dto.name, orcid: dto.orcid, language: dto.language, timeZone: dto.timeZone };
    return this.write(principal, principal.id, fields, expectedVersion, requestId, 'user.profile_updated');
  }

  async list(query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.users.list({
      ...(query.q ? { q: query.q } : {}),
      ...(query.organisationId ? { organisationId: query.organisationId } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.cursor ? { after: decodeCursor(query.cursor, 2) } : {}),
      limit,
    });
    return toPage(
      rows,
      limit,
      (u) => [u.email.toLowerCase(), u.id],
      (u) => u,
    );
  }

  async get(principal: Principal, id: string): Promise<UserDto> {
    await this.access.require(principal, IdentityPermission.readUser, id, 'user');
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('user');
    return user;
  }

  async create(principal: Principal, dto: CreateUserDto, requestId: string): Promise<UserDto> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (manager) => {
      const id = await this.users.insert(
        manager,
        {
          email: dto.email,
          name: dto.name,
          orcid: dto.orcid ?? null,
          organisationId: dto.organisationId ?? null,
          roles: dto.roles,
          language: dto.language ?? 'en',
          timeZone: dto.timeZone ?? null,
        },
        passwordHash,
      );
      await this.record(manager, principal, id, 'user.created', requestId, {
        email: dto.email,
        roles: dto.roles,
        organisationId: dto.organisationId ?? null,
      });
      // Whoever invited this address into a team meant this person: the account joins those teams now.
      await this.invitations.acceptPendingFor(manager, dto.email, id, principal.id, requestId);
      return this.found(await this.users.findById(id, manager));
    });
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateUserDto,
    expectedVersion: number | undefined,
    requestId: string,
  ): Promise<UserDto> {
    await this.access.require(principal, IdentityPermission.manageUser, id, 'user');
    const own = ownAccountProblem(principal.id, id, dto);
    if (own === 'OWN_ADMIN_ROLE') {
      throw new RuleViolationError(own, 'You cannot remove your own admin role; another administrator can.', [
        { field: 'roles', message: 'roles must keep admin on your own account' },
      ]);
    }
    if (own === 'OWN_ACCOUNT_DISABLED') {
      throw new RuleViolationError(own, 'You cannot disable your own account; another administrator can.', [
        { field: 'disabled', message: 'disabled cannot be set on your own account' },
      ]);
    }
    return this.write(principal, id, { ...dto }, expectedVersion, requestId, 'user.updated');
  }

  private async write(
    principal: Principal,
    id: string,
    fields: Partial<UserFields>,
    expectedVersion: number | undefined,
    requestId: string,
    action: string,
  ): Promise<UserDto> {
    const user = await this.db.transaction(async (manager) => {
      const now = this.clock.now();
      if (!(await this.users.update(manager, id, fields, expectedVersion, now))) {
        const current = await this.users.findById(id, manager);
        if (current) throw new VersionMismatchError(current.version);
        throw new NotFoundError('user');
      }
      if (fields.disabled === true) await this.users.revokeAllSessions(manager, id, now, 'user_disabled');
      if (changesPrincipal(fields)) await this.users.announceChange(manager, id);
      await this.record(manager, principal, id, action, requestId, definedOnly(fields));
      return this.found(await this.users.findById(id, manager));
    });
    // Committed: this process forgets the user's sessions at once; the others through the notice.
    if (changesPrincipal(fields)) this.sessions.apply({ kind: 'user', userId: id });
    return user;
  }

  private record(
    manager: EntityManager,
    principal: Principal,
    id: string,
    action: string,
    requestId: string,
    data: Record<string, unknown>,
  ) {
    return this.audit.record(manager, { actorId: principal.id, action, objectType: 'user', objectId: id, requestId, data });
  }

  private found(user: UserDto | undefined): UserDto {
    if (!user) throw new NotFoundError('user');
    return user;
  }
}

/** Whether the change alters what the user's requests are checked against (see Principal). */
function changesPrincipal(fields: Partial<UserFields>): boolean {
  return fields.email !== undefined || fields.roles !== undefined || fields.organisationId !== undefined || fields.disabled !== undefined;
}

function definedOnly(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
