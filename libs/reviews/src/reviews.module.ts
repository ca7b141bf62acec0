import { Module, type OnModuleInit } from '@nestjs/common';
import { ApplicationsModule } from '#applications';
import { CallsModule } from '#calls';
import { AccessService, IdentityModule } from '#identity';
import { NotificationsModule, ScheduledNotices } from '#notifications';
import { ResultsReleaseController } from './results/results-release.controller.js';
import { ResultsReleaseService } from './results/results-release.service.js';
import { decisionNotice, reviewReminder } from './rules/review-notices.js';
import { ReviewsAccessRepository } from './reviews/reviews-access.repository.js';
import { ReviewsController } from './reviews/reviews.controller.js';
import { ReviewsRepository } from './reviews/reviews.repository.js';
import { ReviewsService } from './reviews/reviews.service.js';

/** Eligibility, reviewer pools, conflicts, assignment, reviews, ranking, each agency's decision and the release of the results. */
@Module({
  imports: [IdentityModule, CallsModule, ApplicationsModule, NotificationsModule],
  controllers: [ReviewsController, ResultsReleaseController],
  providers: [ReviewsRepository, ReviewsAccessRepository, ReviewsService, ResultsReleaseService],
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly rules: ReviewsAccessRepository,
    private readonly access: AccessService,
    private readonly scheduled: ScheduledNotices,
  ) {}

  onModuleInit(): void {
    this.rules.registerWith(this.access);
    this.scheduled.register({
      name: 'review reminders',
      due: async (now, offsets) => (await this.reviews.dueReviewReminders(now, offsets)).map(reviewReminder),
    });
    this.scheduled.register({
      name: 'published decisions',
      due: async (now) => (await this.reviews.publishedDecisions(now)).map(decisionNotice),
    });
  }
}
