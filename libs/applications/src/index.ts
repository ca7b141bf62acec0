export * from './applications/application.entity.js';
export * from './rules/application-state.js';

import {
  Application,
  ApplicationEvent,
  ApplicationInstitution,
  ApplicationMember,
  ApplicationReceipt,
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
  InstitutionDeadline,
  ApplicationInstitution,
];
export * from './rules/submission-checks.js';
export * from './applications.module.js';
export * from './applications/applications.repository.js';
