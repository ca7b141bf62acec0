import { Module, type OnModuleInit } from '@nestjs/common';
import { CallsModule } from '#calls';
import { AccessService, IdentityModule } from '#identity';
import { ApplicationPermission, ApplicationsAccessRepository } from './applications/applications-access.repository.js';
import { ApplicationsController, InstitutionDeadlinesController } from './applications/applications.controller.js';
import { ApplicationsRepository } from './applications/applications.repository.js';
import { ApplicationsService } from './applications/applications.service.js';

/** Joint applications: drafts, teams, sides, institution approval, submission and the event log. */
@Module({
  imports: [IdentityModule, CallsModule],
  controllers: [ApplicationsController, InstitutionDeadlinesController],
  providers: [ApplicationsAccessRepository, ApplicationsRepository, ApplicationsService],
  exports: [ApplicationsRepository],
})
export class ApplicationsModule implements OnModuleInit {
  constructor(
    private readonly access: AccessService,
    private readonly rules: ApplicationsAccessRepository,
  ) {}

  onModuleInit(): void {
    this.access.register(ApplicationPermission.read, (p, ids) => this.rules.readable(p, ids));
    this.access.register(ApplicationPermission.edit, (p, ids) => this.rules.editable(p, ids));
  }
}
