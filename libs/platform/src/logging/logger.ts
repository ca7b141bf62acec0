import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

export const REDACTED = '[redacted]';

/** Standard output is written when this much is buffered, */
const LOG_WRITE_BYTES = 4096;
/** or when this long has passed. */
const LOG_FLUSH_MS = 1000;

/**
 * Fields that hold credentials wherever they appear in a log object: request headers, bodies (for
 * a log line that includes one), and the parameters of a failed query (which may hold personal data
 * or an unpublished proposal's text).
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.body.password',
  'req.body.refreshToken',
  'req.body.token',
  'res.headers["set-cookie"]',
  'password',
  'refreshToken',
  'accessToken',
  'token',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.jwtSecret',
  'err.parameters',
  'err.driverError.parameters',
];

/** Path segments that are credentials: the secret token of a personal calendar feed, and of an invitation. */
const SECRET_PATH_SEGMENTS: readonly RegExp[] = [/^(\/calendar\/)[^/?#]+(\.ics)$/, /^(\/invitations\/)[^/?#]+((?:\/accept)?)$/];

/** Query parameters whose values are credentials, whatever the route. */
const SECRET_QUERY_PARAMETERS = /^(?:token|access_?token|refresh_?token|id_?token|password|secret|api_?key|signature)$/i;

/** A request URL fit for a log line: secret path segments and credential-like query values replaced. */
export function redactRequestUrl(url: string): string {
  const queryStart = url.indexOf('?');
  let path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? undefined : url.slice(queryStart + 1);
  for (const pattern of SECRET_PATH_SEGMENTS) path = path.replace(pattern, `$1${REDACTED}$2`);
  if (query === undefined) return path;
  const redactedQuery = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals === -1 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: judge the name as written
      }
      return equals !== -1 && SECRET_QUERY_PARAMETERS.test(name) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${redactedQuery}`;
}

/** What the access log reads of a request (Node's IncomingMessage, with the id Fastify gave it). */
interface LoggedRequest {
  readonly id?: unknown;
  readonly method?: string;
  readonly url?: string;
  /** The whole path where a middleware sees only what follows its prefix. */
  readonly originalUrl?: string;
  readonly socket?: { readonly remoteAddress?: string };
}

/**
 * The request in an access-log line: its id, method, URL (secret segments and credential-like query
 * values masked) and the address it came from. No header at all: a credential cannot leak through
 * one, and a line stays a few hundred bytes at a thousand requests a second.
 */
export function requestForAccessLog(request: LoggedRequest): { id: unknown; method?: string; url?: string; remoteAddress?: string } {
  const url = request.originalUrl ?? request.url;
  return {
    id: request.id,
    method: request.method,
    url: url === undefined ? undefined : redactRequestUrl(url),
    remoteAddress: request.socket?.remoteAddress,
  };
}

/** The response in an access-log line: its status; its headers are the api's own and say nothing new. */
export function responseForAccessLog(response: { readonly statusCode?: number }): { statusCode?: number } {
  return { statusCode: response.statusCode };
}

/**
 * The process's root logger: JSON lines, or pino-pretty when LOG_PRETTY (a terminal in development)
 * and pino-pretty is installed (a development dependency: a production install logs JSON lines).
 * `destination` replaces standard output (tests read the lines from it).
 */
export function createRootLogger(
  config: Pick<AppConfig, 'logLevel' | 'logPretty'>,
  name = 'jointcall',
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    name,
    level: config.logLevel,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: REDACTED },
  };
  if (destination !== undefined) return pino(options, destination);
  if (config.logPretty && prettyInstalled()) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } },
    });
  }
  // Standard output written asynchronously, a few kilobytes at a time: under load, a system call for
  // every dozen access-log lines instead of one for each. A quiet process's lines wait a second at
  // most; what is still buffered is written synchronously when the process exits (a process killed
  // outright loses at most that buffer).
  return pino(options, pino.destination({ dest: 1, sync: false, minLength: LOG_WRITE_BYTES, periodicFlush: LOG_FLUSH_MS }));
}

/** Whether pino-pretty can be loaded: it is a development dependency, absent from a production install. */
function prettyInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
