import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type AppConfig, Clock, InjectConfig, JobQueue } from '#platform';
import { renderNotice } from '../notices/notice-texts.js';
import { NotificationsRepository } from '../notices/notifications.repository.js';
import { EMAIL_QUEUE } from '../notices/notifier.js';
import { Mailer } from './mailer.js';

/**
 * Takes e-mail jobs: renders the notice in the recipient's language and zone, sends it, and
 * records it as sent. A refusal throws, so pg-boss retries it with backoff; a notice already sent
 * (a job run twice) is not sent again.
 */
@Injectable()
export class EmailDelivery implements OnModuleInit {
  private readonly logger = new Logger('mail');

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ notificationId: string }>({ name: EMAIL_QUEUE, expireInSeconds: 120, batchSize: 10 }, (data) =>
      this.deliver(data.notificationId),
    );
  }

  async deliver(notificationId: string): Promise<void> {
    const notice = await this.notifications.forEmail(notificationId);
    if (!notice || notice.email !== 'queued' || notice.disabled) return;
    const text = renderNotice(notice, { language: notice.language, timeZone: notice.timeZone }, this.config.publicUrl);
    await this.mailer.send({
      to: { name: notice.name, address: notice.address },
      subject: `[jointcall] ${text.title}`,
      text: `${text.body}\n\n${text.link}\n`,
      messageId: `<${notice.id}@jointcall>`,
      language: notice.language,
    });
    await this.notifications.markEmailed(notice.id, this.clock.now());
    // One line per e-mail sent, in the log of the process that sent it: which worker delivered what.
    this.logger.log({ notificationId: notice.id, kind: notice.kind }, 'e-mail sent');
  }
}
