export * from './reviews/review.entity.js';
export * from './rules/auto-assign.js';
export * from './rules/outcome.js';
export * from './rules/ranking.js';

import { CallReviewer, ConflictDeclaration, ReviewAssignment, SideDecisionRecord } from './reviews/review.entity.js';

/** Entities owned by the reviews feature. */
export const reviewEntities = [CallReviewer, ConflictDeclaration, ReviewAssignment, SideDecisionRecord];
export * from './reviews.module.js';
// For wiring outside Nest (the benchmark's baseline server).
export { ReviewsService } from './reviews/reviews.service.js';
export { ReviewsRepository } from './reviews/reviews.repository.js';
export { ReviewsAccessRepository } from './reviews/reviews-access.repository.js';
