export * from './applications/application.entity.js';
export * from './rules/application-state.js';

import {
  Application,
  ApplicationEvent,
  ApplicationInstitution,
  ApplicationMember,
  ApplicationReceipt,
  ApplicationSubmission,
  ApplicationSide,
  InstitutionDeadline,
} from './applications/application.entity.js';

/** Entities owned by the applications feature. */
export const applicationEntities = [
  Application,
  ApplicationSide,
  ApplicationMember,
  ApplicationEvent,
  ApplicationReceipt,
  ApplicationSubmission,
  InstitutionDeadline,
  ApplicationInstitution,
];
export * from './rules/submission-checks.js';
export * from './rules/submission-snapshot.js';
export * from './submissions/submission-parts.js';
export * from './exports/export-columns.js';
export * from './rules/export-headers.js';
export { freezeProposal, SubmissionsRepository, type SubmissionRecord } from './submissions/submissions.repository.js';
export { FrozenDocumentDto } from './submissions/dto/submission.dto.js';
export { submissionReaders } from './submissions/submissions.service.js';
export * from './applications.module.js';
export * from './applications/applications.repository.js';
// The services and repositories, for wiring outside Nest (the benchmark's baseline server).
export { ApplicationsService } from './applications/applications.service.js';
export { ApplicationsAccessRepository } from './applications/applications-access.repository.js';
