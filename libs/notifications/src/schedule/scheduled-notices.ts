import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type AppConfig, Clock, InjectConfig, JobQueue } from '#platform';
import type { ScheduledNoticeSource } from '../notices/notice.js';
import { NotificationsRepository } from '../notices/notifications.repository.js';
import { Notifier } from '../notices/notifier.js';

export const SWEEP_QUEUE = 'notifications.sweep';

/** Notices written per transaction by the sweep; a larger backlog takes several. */
const SWEEP_CHUNK = 200;

/**
 * Time-driven notices. Once a minute (a pg-boss cron, so once across all processes) the sweep
 * asks every registered source what is due at the clock's now: reminders at the configured
 * offsets before each deadline, decisions reaching their publication date. Reading deadlines at
 * sweep time means a moved deadline moves the reminders not yet sent; the mark written with the
 * notices means none goes out twice.
 */
@Injectable()
export class ScheduledNotices implements OnModuleInit {
  private readonly logger = new Logger('notices');
  private readonly sources: ScheduledNoticeSource[] = [];

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly notifier: Notifier,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: SWEEP_QUEUE, cron: '* * * * *', retryLimit: 0, expireInSeconds: 600 }, () =>
      this.sweep().then(() => undefined),
    );
  }

  register(source: ScheduledNoticeSource): void {
    this.sources.push(source);
  }

  /** Sends what is due now; answers how many notices (before fan-out to recipients) went out per source. */
  async sweep(): Promise<Record<string, number>> {
    const now = this.clock.now();
    const sent: Record<string, number> = {};
    for (const source of this.sources) {
      const due = await source.due(now, this.config.reminderOffsetsMinutes);
      let count = 0;
      for (let start = 0; start < due.length; start += SWEEP_CHUNK) {
        const chunk = due.slice(start, start + SWEEP_CHUNK);
        count += await this.notifications.transaction((manager) => this.notifier.notifyOnce(manager, chunk));
      }
      sent[source.name] = count;
    }
    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    if (total > 0) this.logger.log({ sent }, `scheduled notices sent: ${total}`);
    return sent;
  }
}
