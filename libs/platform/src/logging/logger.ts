import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

/** The process's root logger: JSON lines, or pino-pretty when LOG_PRETTY (a terminal in development). */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'logPretty'>, name = 'jointcall'): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password'], censor: '[redacted]' },
    ...(config.logPretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  });
}
