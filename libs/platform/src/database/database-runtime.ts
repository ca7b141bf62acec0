import type { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseRuntime {
  /** Connection URL for TypeORM and pg. */
  readonly url: string;
  /** True when this process runs the database itself. */
  readonly embedded: boolean;
  /** Stops the embedded server, if this process started it. */
  close(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL under DATA_DIR. */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  log: (message: string) => void,
  options: { attachToRunning?: boolean } = {},
): Promise<DatabaseRuntime> {
  if (config.databaseUrl !== undefined) {
    return { url: config.databaseUrl, embedded: false, close: () => Promise.resolve() };
  }
  const server = new EmbeddedPostgres({ dataDir: config.dataDir, database: 'jointcall', log, ...options });
  try {
    const url = await server.start();
    return { url, embedded: true, close: () => server.stop() };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
}

/** Hides the password of a connection URL for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
