import { Module } from '@nestjs/common';
import { IdentityModule } from '#identity';
import { EmailDelivery } from './delivery/email-delivery.js';
import { Mailer } from './delivery/mailer.js';
import { InvitationMail } from './invitations/invitation-mail.js';
import { NotificationsController } from './notices/notifications.controller.js';
import { NotificationsRepository } from './notices/notifications.repository.js';
import { NotificationsService } from './notices/notifications.service.js';
import { Notifier } from './notices/notifier.js';
import { ScheduledNotices } from './schedule/scheduled-notices.js';

/**
 * Notices: in-app and by e-mail, written with the change that causes them (Notifier) or when
 * they fall due (ScheduledNotices, fed by the features' sources), delivered by background jobs;
 * and the e-mails that invite people without an account (InvitationMail).
 */
@Module({
  imports: [IdentityModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, Notifier, Mailer, EmailDelivery, ScheduledNotices, InvitationMail],
  exports: [Notifier, ScheduledNotices, InvitationMail],
})
export class NotificationsModule {}
