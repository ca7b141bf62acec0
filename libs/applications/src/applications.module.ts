import { Module, type OnModuleInit } from '@nestjs/common';
import { CallsModule } from '#calls';
import { AccessService, IdentityModule } from '#identity';
import { NotificationsModule, ScheduledNotices } from '#notifications';
import { ApplicationsAccessRepository } from './applications/applications-access.repository.js';
import {
  ApplicationsController,
  CallApplicationsController,
  InstitutionDeadlinesController,
} from './applications/applications.controller.js';
import { ApplicationsRepository } from './applications/applications.repository.js';
import { ApplicationsService } from './applications/applications.service.js';
import { ExportColumns } from './exports/export-columns.js';
import { deadlineReminder } from './rules/deadline-reminders.js';
import { SubmissionParts } from './submissions/submission-parts.js';
import { SubmissionsController } from './submissions/submissions.controller.js';
import { SubmissionsRepository } from './submissions/submissions.repository.js';
import { SubmissionsService } from './submissions/submissions.service.js';
import { TeamInvitationsController } from './team/team-invitations.controller.js';
import { TeamInvitationsRepository } from './team/team-invitations.repository.js';
import { TeamInvitationsService } from './team/team-invitations.service.js';

/** Joint applications: drafts, teams, sides, institution approval, submission and the event log. */
@Module({
  imports: [IdentityModule, CallsModule, NotificationsModule],
  controllers: [
    ApplicationsController,
    InstitutionDeadlinesController,
    CallApplicationsController,
    SubmissionsController,
    TeamInvitationsController,
  ],
  providers: [
    ApplicationsAccessRepository,
    ApplicationsRepository,
    ApplicationsService,
    ExportColumns,
    SubmissionParts,
    SubmissionsRepository,
    SubmissionsService,
    TeamInvitationsRepository,
    TeamInvitationsService,
  ],
  exports: [ApplicationsRepository, ExportColumns, SubmissionParts, SubmissionsRepository],
})
export class ApplicationsModule implements OnModuleInit {
  constructor(
    private readonly access: AccessService,
    private readonly rules: ApplicationsAccessRepository,
    private readonly applications: ApplicationsRepository,
    private readonly scheduled: ScheduledNotices,
  ) {}

  onModuleInit(): void {
    this.rules.registerWith(this.access);
    this.scheduled.register({
      name: 'deadline reminders',
      due: async (now, offsets) => (await this.applications.dueDeadlineReminders(now, offsets)).map(deadlineReminder),
    });
  }
}
