import { Module } from '@nestjs/common';
import { CallsModule } from '#calls';
import { IdentityModule } from '#identity';
import { StatisticsController } from './statistics/statistics.controller.js';
import { StatisticsRepository } from './statistics/statistics.repository.js';
import { StatisticsService } from './statistics/statistics.service.js';

/** Call statistics, their CSV export, and the agency and institution dashboards. Reads only. */
@Module({
  imports: [IdentityModule, CallsModule],
  controllers: [StatisticsController],
  providers: [StatisticsRepository, StatisticsService],
})
export class ReportingModule {}
