export * from './organisations/organisation.entity.js';

import { Organisation } from './organisations/organisation.entity.js';

/** Entities owned by the identity feature. */
export const identityEntities = [Organisation];
