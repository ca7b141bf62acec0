import { applicationEntities } from '#applications';
import { callEntities } from '#calls';
import { documentEntities } from '#documents';
import { formEntities } from '#forms';
import { identityEntities } from '#identity';
import { notificationEntities } from '#notifications';
import { reviewEntities } from '#reviews';
import { AuditEvent, dataSourceOptions, IdempotencyKey, RateLimitCounter } from '#platform';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';

/**
 * The whole database schema in one place: every feature's entities, and the ordered migrations
 * that build them. Apps, scripts and tests take their data source from here.
 */
export const entities = [
  AuditEvent,
  IdempotencyKey,
  RateLimitCounter,
  ...identityEntities,
  ...callEntities,
  ...applicationEntities,
  ...reviewEntities,
  ...documentEntities,
  ...formEntities,
  ...notificationEntities,
];

export { migrations };

/** Data-source options over the whole schema, for migrating and seeding outside the Nest application. */
export function schemaDataSourceOptions(url: string, applicationName: string, connectTimeoutMs = 5000, poolSize = 2): DataSourceOptions {
  return dataSourceOptions({ url, poolSize, connectTimeoutMs, applicationName, entities, migrations });
}
