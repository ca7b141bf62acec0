import type { ClientConfig, Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The settings of the data source's primary pool (URL, credentials, TLS, connect timeout, type
 * parsers) for a node-postgres Client of its own, outside the pool: for what must hold one server
 * session for the life of the process, such as a LISTEN. `applicationName` names it in
 * pg_stat_activity.
 */
export function dedicatedConnectionConfig(dataSource: DataSource, applicationName: string): ClientConfig {
  const pool = (dataSource.driver as unknown as { master: Pool & { options: ClientConfig } }).master;
  return { ...pool.options, application_name: applicationName, keepAlive: true };
}
