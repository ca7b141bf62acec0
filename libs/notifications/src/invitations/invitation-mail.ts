import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvitationsService } from '#identity';
import { type AppConfig, InjectConfig, JobQueue } from '#platform';
import { Mailer } from '../delivery/mailer.js';
import { renderInvitation } from './invitation-letter.js';

/** Invitation e-mails, one job per invitation; the job carries the invitation's id, never its token. */
export const INVITATION_EMAIL_QUEUE = 'notifications.invitation-email';

/**
 * E-mails invitations to people without an account. A feature calls `send` in the transaction that
 * made the invitation (the transactional outbox of every e-mail); the job asks identity for the
 * letter, which derives the token again, sends it, and records it as sent, so a job run twice does
 * not mail twice and an invitation accepted or expired meanwhile is not mailed at all.
 */
@Injectable()
export class InvitationMail implements OnModuleInit {
  private readonly logger = new Logger('mail');

  constructor(
    private readonly invitations: InvitationsService,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ invitationId: string }>({ name: INVITATION_EMAIL_QUEUE, expireInSeconds: 120, batchSize: 10 }, (data) =>
      this.deliver(data.invitationId),
    );
  }

  send(manager: EntityManager, invitationId: string): Promise<void> {
    return this.jobs.send(manager, INVITATION_EMAIL_QUEUE, [{ invitationId }]);
  }

  async deliver(invitationId: string): Promise<void> {
    const letter = await this.invitations.letter(invitationId);
    if (!letter) return;
    const rendered = renderInvitation(letter, this.config.publicUrl);
    await this.mailer.send({
      to: { name: letter.name, address: letter.email },
      subject: rendered.subject,
      text: rendered.text,
      messageId: `<invitation-${letter.id}@jointcall>`,
      language: rendered.language,
    });
    await this.invitations.markEmailed(letter.id);
    this.logger.log({ invitationId: letter.id }, 'invitation e-mail sent');
  }
}
