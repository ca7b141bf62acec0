import { Module } from '@nestjs/common';
import { ApplicationsModule } from '#applications';
import { CallsModule } from '#calls';
import { IdentityModule } from '#identity';
import { ReviewsController } from './reviews/reviews.controller.js';
import { ReviewsRepository } from './reviews/reviews.repository.js';
import { ReviewsService } from './reviews/reviews.service.js';

/** Eligibility, reviewer pools, conflicts, assignment, reviews, ranking and each agency's decision. */
@Module({
  imports: [IdentityModule, CallsModule, ApplicationsModule],
  controllers: [ReviewsController],
  providers: [ReviewsRepository, ReviewsService],
})
export class ReviewsModule {}
