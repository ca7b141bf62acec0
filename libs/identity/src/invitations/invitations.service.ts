import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AppConfig,
  AuditLog,
  Clock,
  ConflictError,
  type DomainError,
  InjectConfig,
  NotFoundError,
  RuleViolationError,
} from '#platform';
import { hashPassword } from '../auth/passwords.js';
import { UsersRepository } from '../users/users.repository.js';
import type { AcceptedInvitationDto, AcceptInvitationDto, InvitationDto } from './dto/invitation.dto.js';
import {
  INVITATION_TTL_MS,
  invitationStatus,
  invitationToken,
  invitationTokenHash,
  invitationTokenKey,
  isInvitationTokenShaped,
} from './invitation-tokens.js';
import { type InvitationRecord, InvitationsRepository, type PendingInvitation } from './invitations.repository.js';

/** What an invitation leads to, as its page and e-mail show it. */
export interface InvitationTarget {
  /** The proposal. */
  readonly title: string;
  readonly call: { readonly ja: string; readonly en: string };
  /** The role in the team. */
  readonly role: string;
}

/**
 * A feature whose objects people can be invited to (the applications feature: a team entry)
 * registers one of these for its kind of subject. Identity owns accounts and invitations; the
 * feature owns the subject, and changes it only through these calls.
 */
export interface InvitationSubject {
  /** What the subject is while it still waits for the person at `email`; undefined once it is gone or names someone else. */
  describe(manager: EntityManager, subjectId: string, email: string): Promise<InvitationTarget | undefined>;
  /** Ties the subject to the person's account, in the transaction that accepts the invitation. */
  link(manager: EntityManager, subjectId: string, userId: string): Promise<void>;
}

export interface InvitationRequest {
  readonly email: string;
  readonly name: string;
  /** The home organisation the account will have. */
  readonly organisationId: string | null;
  readonly invitedBy: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly requestId: string;
}

/** The address has an account (link the subject to it now), or an invitation was made (e-mail it). */
export type InvitationOutcome =
  { readonly kind: 'account'; readonly userId: string } | { readonly kind: 'invited'; readonly invitationId: string };

/** What the invitation e-mail says, with the token only it carries. */
export interface InvitationLetter {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly token: string;
  readonly expiresAt: Date;
  readonly inviter: InvitationRecord['inviter'];
  readonly target: InvitationTarget;
}

class InvitationAcceptedError extends ConflictError {
  constructor() {
    super('INVITATION_ACCEPTED', 'This invitation has been accepted already: sign in with the account it created.');
  }
}

class InvitationExpiredError extends RuleViolationError {
  constructor() {
    super('INVITATION_EXPIRED', 'This invitation has expired: ask the person who invited you to invite you again.');
  }
}

/**
 * Invitations by e-mail for people without an account. A feature makes one inside its own change
 * (`invite`), and has it e-mailed; the invitee reads it and accepts it with the token, which creates
 * the account and links the subject to it in one transaction.
 */
@Injectable()
export class InvitationsService {
  private readonly subjects = new Map<string, InvitationSubject>();
  private readonly tokenKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @InjectConfig() config: AppConfig,
  ) {
    this.tokenKey = invitationTokenKey(config.secrets.jwtSecret);
  }

  registerSubject(type: string, subject: InvitationSubject): void {
    if (this.subjects.has(type)) throw new Error(`Invitation subject ${type} is registered twice`);
    this.subjects.set(type, subject);
  }

  /**
   * In the caller's transaction: the account that has this address (whatever its case; a disabled
   * one too, as the address cannot get a second), or else a new invitation, valid for 14 days.
   */
  async invite(manager: EntityManager, request: InvitationRequest): Promise<InvitationOutcome> {
    this.subject(request.subject.type);
    const userId = await this.invitations.accountWithEmail(manager, request.email);
    if (userId !== undefined) return { kind: 'account', userId };
    const id = randomUUID();
    const now = this.clock.now();
    await this.invitations.insert(manager, {
      id,
      email: request.email,
      name: request.name,
      organisationId: request.organisationId,
      subjectType: request.subject.type,
      subjectId: request.subject.id,
      invitedById: request.invitedBy,
      tokenHash: invitationTokenHash(invitationToken(this.tokenKey, id)),
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await this.audit.record(manager, {
      actorId: request.invitedBy,
      action: 'invitation.created',
      objectType: 'invitation',
      objectId: id,
      requestId: request.requestId,
      data: { email: request.email, subjectType: request.subject.type, subjectId: request.subject.id },
    });
    return { kind: 'invited', invitationId: id };
  }

  /** The e-mail of an invitation not yet sent, with its token; undefined once it is sent, accepted, expired or void. */
  async letter(id: string): Promise<InvitationLetter | undefined> {
    const invitation = await this.invitations.findById(this.db.manager, id);
    if (!invitation || invitation.emailedAt !== null || invitationStatus(invitation, this.clock.now()) !== 'pending') return undefined;
    const target = await this.describe(this.db.manager, invitation);
    return (
      target && {
        id,
        email: invitation.email,
        name: invitation.name,
        token: invitationToken(this.tokenKey, id),
        expiresAt: invitation.expiresAt,
        inviter: invitation.inviter,
        target,
      }
    );
  }

  async markEmailed(id: string): Promise<void> {
    await this.invitations.markEmailed(this.db.manager, id, this.clock.now());
  }

  /** Who invited the token's bearer to what. An unknown token, or one whose subject is gone, is not found. */
  async show(token: string): Promise<InvitationDto> {
    const { invitation, target } = await this.byToken(token);
    return {
      status: invitationStatus(invitation, this.clock.now()),
      name: invitation.name,
      invitedBy: invitation.inviter,
      invitedTo: target,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Creates the account (a researcher at the organisation the inviter named) and accepts, for it,
   * this invitation and every other one still pending for the same address: the token shows the
   * bearer reads that mailbox. One transaction; concurrent acceptances of an address take turns.
   */
  async accept(token: string, dto: AcceptInvitationDto, requestId: string): Promise<AcceptedInvitationDto> {
    const { invitation } = await this.byToken(token);
    const refusal = refusalOf(invitation, this.clock.now());
    if (refusal) throw refusal;
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (manager) => {
      const now = this.clock.now();
      const pending = await this.invitations.lockPending(manager, invitation.email, now);
      if (!pending.some((p) => p.id === invitation.id)) {
        const current = await this.invitations.findById(manager, invitation.id);
        throw (current && refusalOf(current, now)) ?? new NotFoundError('invitation');
      }
      if (!(await this.describe(manager, invitation))) throw new NotFoundError('invitation');
      const roles = ['researcher'] as const;
      const userId = await this.users.insert(
        manager,
        {
          email: invitation.email,
          name: dto.name ?? invitation.name,
          orcid: null,
          organisationId: invitation.organisationId,
          roles,
          language: dto.language ?? 'en',
          timeZone: null,
        },
        passwordHash,
      );
      await this.audit.record(manager, {
        actorId: userId,
        action: 'user.created',
        objectType: 'user',
        objectId: userId,
        requestId,
        data: { email: invitation.email, roles, organisationId: invitation.organisationId, invitationId: invitation.id },
      });
      await this.acceptLocked(manager, pending, invitation.email, userId, userId, requestId, now);
      return { userId, email: invitation.email };
    });
  }

  /**
   * In the caller's transaction, once an account has been made for `email` another way (by an
   * admin): the invitations still pending for the address are accepted for it.
   */
  async acceptPendingFor(manager: EntityManager, email: string, userId: string, actorId: string, requestId: string): Promise<void> {
    const now = this.clock.now();
    await this.acceptLocked(manager, await this.invitations.lockPending(manager, email, now), email, userId, actorId, requestId, now);
  }

  private async acceptLocked(
    manager: EntityManager,
    pending: readonly PendingInvitation[],
    email: string,
    userId: string,
    actorId: string,
    requestId: string,
    now: Date,
  ): Promise<void> {
    const accepted: string[] = [];
    for (const invitation of pending) {
      const subject = this.subject(invitation.subjectType);
      if (!(await subject.describe(manager, invitation.subjectId, email))) continue;
      await subject.link(manager, invitation.subjectId, userId);
      accepted.push(invitation.id);
      await this.audit.record(manager, {
        actorId,
        action: 'invitation.accepted',
        objectType: 'invitation',
        objectId: invitation.id,
        requestId,
        data: { userId },
      });
    }
    await this.invitations.markAccepted(manager, accepted, userId, now);
  }

  private async byToken(token: string): Promise<{ invitation: InvitationRecord; target: InvitationTarget }> {
    const invitation = isInvitationTokenShaped(token)
      ? await this.invitations.findByTokenHash(this.db.manager, invitationTokenHash(token))
      : undefined;
    const target = invitation && (await this.describe(this.db.manager, invitation));
    if (!invitation || !target) throw new NotFoundError('invitation');
    return { invitation, target };
  }

  private describe(manager: EntityManager, invitation: InvitationRecord): Promise<InvitationTarget | undefined> {
    return this.subject(invitation.subjectType).describe(manager, invitation.subjectId, invitation.email);
  }

  private subject(type: string): InvitationSubject {
    const subject = this.subjects.get(type);
    if (!subject) throw new Error(`No invitation subject registered for ${type}`);
    return subject;
  }
}

function refusalOf(invitation: InvitationRecord, now: Date): DomainError | undefined {
  switch (invitationStatus(invitation, now)) {
    case 'accepted':
      return new InvitationAcceptedError();
    case 'expired':
      return new InvitationExpiredError();
    default:
      return undefined;
  }
}
