import { Module, type OnModuleInit } from '@nestjs/common';
import { AccessService, IdentityModule } from '#identity';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarService } from './calendar/calendar.service.js';
import { CallsAccessRepository } from './calls/calls-access.repository.js';
import { CallsController } from './calls/calls.controller.js';
import { CallsRepository } from './calls/calls.repository.js';
import { CallsService } from './calls/calls.service.js';
import { ProgramsController } from './programs/programs.controller.js';
import { ProgramsRepository } from './programs/programs.repository.js';
import { ProgramsService } from './programs/programs.service.js';

/** Programs, calls in three cooperation modes, watching and calendars. */
@Module({
  imports: [IdentityModule],
  controllers: [ProgramsController, CallsController, CalendarController],
  providers: [CallsAccessRepository, CallsRepository, CallsService, CalendarService, ProgramsRepository, ProgramsService],
  exports: [CallsRepository, CallsService],
})
export class CallsModule implements OnModuleInit {
  constructor(
    private readonly access: AccessService,
    private readonly rules: CallsAccessRepository,
  ) {}

  onModuleInit(): void {
    this.rules.registerWith(this.access);
  }
}
