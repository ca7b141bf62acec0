import type { Logger } from 'pino';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { type DatabaseRuntime, openDatabase } from '../database/database-runtime.js';
import { createRootLogger } from '../logging/logger.js';
import { onShutdownSignal } from './shutdown.js';

export interface ServiceContext {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly database: DatabaseRuntime;
}

export interface StartedService {
  /** Stops the service; the database closes after it. */
  close(): Promise<void>;
  /** What follows once stopping is wired up: listening, the ready line. */
  ready?(): Promise<void>;
}

/**
 * The one start and failure path of a long-running process (the api, the worker): configuration,
 * the root logger, the database (embedded unless DATABASE_URL), then `start`. SIGINT and SIGTERM
 * stop the service and then the database. A failure at start closes the database it opened and
 * ends the process with status 1 and the error on standard error.
 */
export function runService(
  options: { readonly loggerName?: string; readonly attachToRunning?: boolean },
  start: (context: ServiceContext) => Promise<StartedService>,
): void {
  const main = async (): Promise<void> => {
    const config = loadConfig();
    const logger = createRootLogger(config, options.loggerName);
    const database = await openDatabase(config, (message) => logger.info(message), { attachToRunning: options.attachToRunning === true });
    try {
      const service = await start({ config, logger, database });
      onShutdownSignal(logger, async () => {
        await service.close();
        await database.close();
      });
      await service.ready?.();
    } catch (error) {
      await database.close().catch(() => undefined);
      throw error;
    }
  };
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
