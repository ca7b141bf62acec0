import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, JobQueue } from '#platform';
import type { Notice } from './notice.js';
import { NotificationsRepository } from './notifications.repository.js';

/** E-mail jobs, one per notice; declared and taken by EmailDelivery. */
export const EMAIL_QUEUE = 'notifications.email';

/**
 * What features call to tell people about a change: inside the change's own transaction it writes
 * the in-app notices and the jobs that e-mail them, so a rolled-back change tells nobody and a
 * committed one is told even if no worker runs at that moment.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /**
   * Notices that go out once ever, whoever sends them first (a sweep that finds them due, or the
   * change that makes them due): marks their keys and sends only those not marked before. Answers
   * how many were sent.
   */
  async notifyOnce(manager: EntityManager, notices: readonly Notice[]): Promise<number> {
    if (notices.length === 0) return 0;
    const fresh = await this.notifications.mark(
      manager,
      notices.map((n) => n.dedupeKey),
      this.clock.now(),
    );
    await this.notify(
      manager,
      notices.filter((n) => fresh.has(n.dedupeKey)),
    );
    return fresh.size;
  }

  async notify(manager: EntityManager, notices: readonly Notice[]): Promise<void> {
    // All notices of a change in one statement, then their e-mail jobs in one more.
    const emails = await this.notifications.insertNotices(manager, notices, this.clock.now());
    await this.jobs.send(
      manager,
      EMAIL_QUEUE,
      emails.map((notificationId) => ({ notificationId })),
    );
  }
}
