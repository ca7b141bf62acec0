import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { type Clock, PlatformModule } from '#platform';
import { entities } from '#schema';
import { IdentityModule } from '#identity';
import { CallsModule } from '#calls';
import { ApplicationsModule } from '#applications';
import { ReviewsModule } from '#reviews';
import { NotificationsModule } from '#notifications';
import { ReportingModule } from '#reporting';
import { DocumentsModule } from '#documents';
import { FormsModule } from '#forms';
import type { AppConfig } from '#platform';
import type { Logger } from 'pino';

export interface ApiRuntime {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly logger: Logger;
  /** Tests pass a ManualClock; the system clock otherwise. */
  readonly clock?: Clock;
  /** Modules added by the API tests (probe routes); none in production. */
  readonly extraModules?: readonly Type[];
}

@Module({})
export class AppModule {
  static forRoot(runtime: ApiRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ ...runtime, entities, processName: 'api' }),
        IdentityModule,
        CallsModule,
        ApplicationsModule,
        ReviewsModule,
        NotificationsModule,
        ReportingModule,
        DocumentsModule,
        FormsModule,
        ...(runtime.extraModules ?? []),
      ],
    };
  }
}
