import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ApplicationsModule } from '#applications';
import { CallsModule } from '#calls';
import { DocumentsModule } from '#documents';
import { IdentityModule } from '#identity';
import { NotificationsModule } from '#notifications';
import { type AppConfig, type Clock, PlatformModule } from '#platform';
import { ReviewsModule } from '#reviews';
import { entities } from '#schema';

export interface WorkerRuntime {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly logger: Logger;
  /** Tests pass a ManualClock; the system clock otherwise. */
  readonly clock?: Clock;
}

/**
 * The background process: the features' job processors (e-mail delivery, the sweep of reminders
 * and published decisions) without HTTP. It shares the database and the platform with the api.
 */
@Module({})
export class WorkerModule {
  static forRoot(runtime: WorkerRuntime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ ...runtime, config: { ...runtime.config, runJobs: true }, entities, processName: 'worker' }),
        IdentityModule,
        CallsModule,
        ApplicationsModule,
        ReviewsModule,
        NotificationsModule,
        DocumentsModule,
      ],
    };
  }
}
