import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, PlatformModule } from '#platform';
import { entities } from '#schema';
import type { Logger } from 'pino';

export interface WorkerRuntime {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly logger: Logger;
}

/**
 * The background process: job processors (reminders, notifications) register here as features
 * bring them. It serves no HTTP; it shares the database and the platform with the api.
 */
@Module({})
export class WorkerModule {
  static forRoot(runtime: WorkerRuntime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot({ ...runtime, entities, processName: 'worker' })],
    };
  }
}
