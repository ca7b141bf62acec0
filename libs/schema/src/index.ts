import { callEntities } from '#calls';
import { identityEntities } from '#identity';
import { AuditEvent } from '#platform';
import { migrations } from './migrations/index.js';

/**
 * The whole database schema in one place: every feature's entities, and the ordered migrations
 * that build them. Apps, scripts and tests take their data source from here.
 */
export const entities = [AuditEvent, ...identityEntities, ...callEntities];

export { migrations };
