import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvitationsService, type Principal } from '#identity';
import { InvitationMail } from '#notifications';
import { Clock } from '#platform';
import { ApplicationsRepository } from '../applications/applications.repository.js';
import { ApplicationsService } from '../applications/applications.service.js';
import type { ApplicationEventAction } from '../rules/application-state.js';
import type { ApplicationDto } from '../applications/dto/application.dto.js';
import type { InviteMemberDto } from './dto/invite-member.dto.js';
import { TeamInvitationsRepository } from './team-invitations.repository.js';

/** The kind of invitation subject this feature answers for: an entry of an application's team. */
export const TEAM_MEMBER_SUBJECT = 'application_member';

/**
 * Team members named by e-mail. Identity owns accounts and invitations, this feature its members:
 * it makes invitations through identity's service and is called back, through the subject it
 * registers, to describe a member and to link it to the account an invitation created.
 */
@Injectable()
export class TeamInvitationsService implements OnModuleInit {
  constructor(
    private readonly applicationsService: ApplicationsService,
    private readonly applications: ApplicationsRepository,
    private readonly team: TeamInvitationsRepository,
    private readonly invitations: InvitationsService,
    private readonly mail: InvitationMail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.invitations.registerSubject(TEAM_MEMBER_SUBJECT, {
      describe: (manager, memberId, email) => this.team.describe(manager, memberId, email),
      link: (manager, memberId, userId) => this.join(manager, memberId, userId),
    });
  }

  /**
   * The PI or a co-PI of a draft adds a member by e-mail address, as addMember does, in the same
   * transaction: an address that has an account names it at once; any other gets an invitation,
   * e-mailed once the change commits.
   */
  invite(
    principal: Principal,
    id: string,
    dto: InviteMemberDto,
    expectedVersion: number | undefined,
    requestId: string,
  ): Promise<ApplicationDto> {
    return this.applicationsService.addMember(principal, id, { ...dto, userId: null }, expectedVersion, async (manager, memberId) => {
      const outcome = await this.invitations.invite(manager, {
        email: dto.email,
        name: dto.name,
        organisationId: dto.institutionId ?? null,
        invitedBy: principal.id,
        subject: { type: TEAM_MEMBER_SUBJECT, id: memberId },
        requestId,
      });
      if (outcome.kind === 'account') await this.team.link(manager, memberId, outcome.userId);
      else await this.mail.send(manager, outcome.invitationId);
      await this.event(
        manager,
        id,
        principal.id,
        outcome.kind === 'account' ? 'application.member_added' : 'application.member_invited',
        dto.name,
      );
    });
  }

  /** An invitation accepted: the member is the new account now, and the application's version moves with its team. */
  private async join(manager: EntityManager, memberId: string, userId: string): Promise<void> {
    const applicationId = await this.team.link(manager, memberId, userId);
    if (applicationId === undefined) return;
    await this.applications.touch(manager, applicationId, undefined);
    await this.event(manager, applicationId, userId, 'application.member_joined', null);
  }

  private async event(
    manager: EntityManager,
    applicationId: string,
    actorId: string,
    action: ApplicationEventAction,
    comment: string | null,
  ): Promise<void> {
    await this.applications.insertEvent(manager, {
      applicationId,
      agencyId: null,
      actorId,
      action,
      from: null,
      to: null,
      comment,
      at: this.clock.now(),
    });
  }
}
