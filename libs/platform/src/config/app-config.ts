import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The validated configuration of one process. Built once, from the environment, at start-up. */
export interface AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  /** Where people reach the api, for links in calendars and e-mails. */
  readonly publicUrl: string;
  /** External PostgreSQL; undefined means the embedded server under dataDir. */
  readonly databaseUrl: string | undefined;
  /**
   * Streaming replicas of databaseUrl for reads that may lag a little (lists, dashboards, statistics,
   * calendars); empty reads everything from the primary. Only with an external primary.
   */
  readonly readDatabaseUrls: readonly string[];
  readonly databasePoolSize: number;
  readonly databaseConnectTimeoutMs: number;
  /**
   * How long an api process reuses a session it has checked (the user and the sign-in behind an
   * access token) before checking it again in PostgreSQL; 0 checks every request. Revocations do
   * not wait for it: they are pushed to every api instance (LISTEN/NOTIFY, see the identity feature).
   */
  readonly sessionCacheSeconds: number;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly logPretty: boolean;
  /** Allowed CORS origins; empty disables CORS. */
  readonly corsOrigins: readonly string[];
  /** The built web pages (index.html and assets/), served on the api's origin when the folder exists. */
  readonly webDir: string;
  readonly bodyLimitBytes: number;
  /** Proxies whose X-Forwarded-For is believed (for the client address of login limits): false, true, or addresses/CIDRs. */
  readonly trustProxy: boolean | string;
  readonly seedOnStart: boolean;
  /** Whether this process runs the background jobs (the worker always does; the api by default too). */
  readonly runJobs: boolean;
  readonly jobs: JobSettings;
  readonly mail: MailSettings;
  /** Minutes before a deadline at which reminders go out, largest first. */
  readonly reminderOffsetsMinutes: readonly number[];
  /** Per-user limits of the expensive routes, counted in PostgreSQL so they hold across api instances. */
  readonly rateLimits: RateLimitSettings;
  /** Uploaded proposal documents: where their bytes are kept, how large they may be, how they are scanned. */
  readonly documents: DocumentSettings;
  readonly secrets: Secrets;
}

/**
 * Where the bytes of uploaded documents are kept (PostgreSQL holds only their metadata): a folder on
 * this machine, or an S3-compatible bucket that several api instances share.
 */
export type DocumentStorageSettings = FilesystemStorageSettings | S3StorageSettings;

export interface FilesystemStorageSettings {
  readonly driver: 'filesystem';
  /** Absolute folder holding the stored files. */
  readonly root: string;
}

export interface S3StorageSettings {
  readonly driver: 's3';
  readonly bucket: string;
  readonly region: string;
  /** An S3-compatible server (MinIO, Ceph, ...); undefined means AWS itself. */
  readonly endpoint?: string;
  /** Bucket in the path rather than the host name, as most S3-compatible servers expect. */
  readonly forcePathStyle: boolean;
  /** Both or neither; neither leaves the credentials to the SDK's default chain (environment, profile, instance role). */
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  /** Create the bucket at start-up when it does not exist, instead of refusing to start. */
  readonly createBucket: boolean;
}

/** A clamd daemon: its unix socket, or its TCP address. */
export type ClamdTarget = { readonly socket: string } | { readonly host: string; readonly port: number };

export interface DocumentSettings {
  readonly storage: DocumentStorageSettings;
  /** The largest upload any requirement may allow (bytes); a hard cap for the multipart parser. */
  readonly maxUploadBytes: number;
  /** clamd, when configured: a unix socket path or host:port; null means files are not scanned. */
  readonly clamd: ClamdTarget | null;
  /** How long one scan may take before the file is left pending and scanned again later. */
  readonly scanTimeoutMs: number;
}

export interface RateLimit {
  /** Requests allowed per user within one window. */
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface RateLimitSettings {
  /** CSV exports (applications, call statistics), counted together. */
  readonly exports: RateLimit;
  /** Automatic reviewer assignment runs. */
  readonly autoAssign: RateLimit;
  /** Finding a person by e-mail address or ORCID iD, and inviting one into a team by e-mail, counted together. */
  readonly personLookup: RateLimit;
}

export interface JobSettings {
  /** How often an idle job loop looks for work. */
  readonly pollIntervalMs: number;
  /** Attempts after the first before a job is left failed for an admin to see. */
  readonly retryLimit: number;
  /** First retry delay; each further retry waits about twice as long. */
  readonly retryDelaySeconds: number;
}

export interface MailSettings {
  /** smtp:// or smtps:// server; undefined writes each e-mail under DATA_DIR/mail instead. */
  readonly smtpUrl: string | undefined;
  readonly from: string;
}

export interface Secrets {
  /** Signs access tokens (HMAC). */
  readonly jwtSecret: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NODE_ENVS: readonly NodeEnv[] = ['development', 'test', 'production'];
const MIN_SECRET_LENGTH = 32;
const STORAGE_DRIVERS: readonly DocumentStorageSettings['driver'][] = ['filesystem', 's3'];
/** clamd's own default TCP port. */
const CLAMD_PORT = 3310;

/**
 * Reads and validates the environment. Every problem is reported at once.
 * In development and test, missing secrets are generated once and kept in DATA_DIR/secrets.json;
 * in production they must be given.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS, 'development');
  const production = nodeEnv === 'production';
  const dataDir = resolve(read.string('DATA_DIR', '.data'));
  const databaseUrl = read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']);
  const readDatabaseUrls = read.urlList('READ_DATABASE_URL', ['postgres:', 'postgresql:']);
  if (readDatabaseUrls.length > 0 && databaseUrl === undefined) {
    problems.push('READ_DATABASE_URL needs DATABASE_URL: replicas follow an external primary, and the embedded database has none');
  }

  const host = read.string('HOST', '127.0.0.1');
  const port = read.integer('PORT', 3000, 0, 65535);
  const config = {
    nodeEnv,
    host,
    port,
    publicUrl: (read.optionalUrl('PUBLIC_URL', ['http:', 'https:']) ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(
      /\/+$/,
      '',
    ),
    databaseUrl,
    readDatabaseUrls,
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 500),
    databaseConnectTimeoutMs: read.integer('DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 120_000),
    sessionCacheSeconds: read.integer('SESSION_CACHE_SECONDS', 5, 0, 60),
    dataDir,
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    logPretty: read.boolean('LOG_PRETTY', !production && process.stdout.isTTY === true),
    corsOrigins: read.list('CORS_ORIGINS'),
    webDir: resolve(read.string('WEB_DIR', 'dist/web')),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    trustProxy: read.trustProxy('TRUST_PROXY'),
    seedOnStart: read.boolean('SEED_ON_START', !production),
    runJobs: read.boolean('RUN_JOBS', true),
    jobs: {
      pollIntervalMs: read.integer('JOB_POLL_INTERVAL_MS', 2000, 500, 60_000),
      retryLimit: read.integer('JOB_RETRY_LIMIT', 12, 0, 100),
      retryDelaySeconds: read.integer('JOB_RETRY_DELAY_SECONDS', 30, 1, 86_400),
    },
    mail: {
      smtpUrl: read.optionalUrl('SMTP_URL', ['smtp:', 'smtps:']),
      from: read.string('MAIL_FROM', 'jointcall <no-reply@jointcall.localhost>'),
    },
    reminderOffsetsMinutes: read.durations('REMINDER_OFFSETS', '14d,3d,1d,2h'),
    rateLimits: {
      exports: {
        limit: read.integer('RATE_LIMIT_EXPORTS', 10, 1, 1_000_000),
        windowSeconds: read.integer('RATE_LIMIT_EXPORTS_WINDOW_SECONDS', 60, 1, 86_400),
      },
      autoAssign: {
        limit: read.integer('RATE_LIMIT_AUTO_ASSIGN', 5, 1, 1_000_000),
        windowSeconds: read.integer('RATE_LIMIT_AUTO_ASSIGN_WINDOW_SECONDS', 60, 1, 86_400),
      },
      personLookup: {
        limit: read.integer('RATE_LIMIT_PERSON_LOOKUP', 30, 1, 1_000_000),
        windowSeconds: read.integer('RATE_LIMIT_PERSON_LOOKUP_WINDOW_SECONDS', 60, 1, 86_400),
      },
    },
    documents: {
      storage: documentStorage(read, problems, dataDir),
      maxUploadBytes: read.integer('DOCUMENT_MAX_BYTES', 52_428_800, 1024, 10_737_418_240),
      clamd: read.clamd('CLAMD'),
      scanTimeoutMs: read.integer('CLAMD_TIMEOUT_MS', 30_000, 100, 600_000),
    },
  };
  const jwtSecret = read.optionalString('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < MIN_SECRET_LENGTH) {
    problems.push(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (production && jwtSecret === undefined) problems.push('JWT_SECRET is required when NODE_ENV=production');
  if (production && config.seedOnStart) problems.push('SEED_ON_START must be false when NODE_ENV=production');
  if (problems.length > 0) throw new ConfigError(problems);

  const secrets: Secrets = { jwtSecret: jwtSecret ?? keptSecrets(dataDir).jwtSecret };
  return { ...config, secrets };
}

/** The storage driver and its settings; the S3 variables are read only when DOCUMENT_STORAGE=s3. */
function documentStorage(read: EnvReader, problems: string[], dataDir: string): DocumentStorageSettings {
  const driver = read.oneOf('DOCUMENT_STORAGE', STORAGE_DRIVERS, 'filesystem');
  if (driver === 'filesystem') return { driver, root: resolve(read.string('DOCUMENT_DIR', join(dataDir, 'documents'))) };

  const bucket = read.optionalString('S3_BUCKET');
  if (bucket === undefined) problems.push('S3_BUCKET is required when DOCUMENT_STORAGE=s3');
  else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    problems.push(`S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens (got "${bucket}")`);
  }
  const endpoint = read.optionalUrl('S3_ENDPOINT', ['http:', 'https:']);
  const accessKeyId = read.optionalString('S3_ACCESS_KEY_ID');
  const secretAccessKey = read.optionalString('S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are given together or not at all');
  }
  return {
    driver,
    bucket: bucket ?? '',
    region: read.string('S3_REGION', 'us-east-1'),
    endpoint,
    forcePathStyle: read.boolean('S3_FORCE_PATH_STYLE', endpoint !== undefined),
    accessKeyId,
    secretAccessKey,
    createBucket: read.boolean('S3_CREATE_BUCKET', false),
  };
}

/** Secrets generated on first use and kept (mode 0600) under the data directory. */
function keptSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
    if (typeof kept.jwtSecret === 'string' && kept.jwtSecret.length >= MIN_SECRET_LENGTH) {
      return { jwtSecret: kept.jwtSecret };
    }
  }
  const secrets: Secrets = { jwtSecret: randomBytes(48).toString('base64url') };
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  optionalString(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.optionalString(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optionalString(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optionalString(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optionalString(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }

  trustProxy(name: string): boolean | string {
    const raw = this.optionalString(name);
    if (raw === undefined || raw.toLowerCase() === 'false') return false;
    return raw.toLowerCase() === 'true' ? true : this.list(name).join(',');
  }

  /**
   * A clamd address: an absolute unix socket path (or unix:///path), tcp://host:port, or host:port;
   * null when unset. Without a port, clamd's default 3310.
   */
  clamd(name: string): ClamdTarget | null {
    const raw = this.optionalString(name);
    if (raw === undefined) return null;
    if (raw.startsWith('/')) return { socket: raw };
    if (raw.startsWith('unix:///')) return { socket: raw.slice('unix://'.length) };
    try {
      const url = new URL(raw.includes('://') ? raw : `tcp://${raw}`);
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      const port = url.port === '' ? CLAMD_PORT : Number(url.port);
      const bare = url.pathname === '' && url.username === '' && url.search === '' && url.hash === '';
      if (url.protocol === 'tcp:' && host !== '' && port > 0 && bare) return { host, port };
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be a unix socket path such as /run/clamav/clamd.ctl, or tcp://host:port (got "${raw}")`);
    return null;
  }

  /** A comma-separated list of durations such as "14d,3d,1d,2h,30m", answered in minutes, largest first. */
  durations(name: string, fallback: string): number[] {
    const raw = this.optionalString(name) ?? fallback;
    const units: Record<string, number> = { m: 1, h: 60, d: 1440 };
    const minutes = raw.split(',').map((item) => {
      const match = /^(\d{1,5})([mhd])$/.exec(item.trim());
      return match ? Number(match[1]) * units[match[2]!]! : NaN;
    });
    if (minutes.some((m) => !Number.isFinite(m) || m <= 0)) {
      this.problems.push(`${name} must be a comma-separated list of durations such as 14d,3d,1d,2h (got "${raw}")`);
      return [];
    }
    return [...new Set(minutes)].sort((a, b) => b - a);
  }

  list(name: string): string[] {
    const raw = this.optionalString(name);
    return raw === undefined
      ? []
      : raw
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '');
  }

  optionalUrl(name: string, protocols: readonly string[]): string | undefined {
    const raw = this.optionalString(name);
    if (raw === undefined) return undefined;
    this.checkUrl(name, raw, protocols);
    return raw;
  }

  /** A comma-separated list of URLs, each checked like optionalUrl; empty when unset. */
  urlList(name: string, protocols: readonly string[]): string[] {
    const urls = this.list(name);
    urls.forEach((url, i) => this.checkUrl(urls.length > 1 ? `${name} (entry ${i + 1})` : name, url, protocols));
    return urls;
  }

  private checkUrl(name: string, raw: string, protocols: readonly string[]): void {
    try {
      const url = new URL(raw);
      if (!protocols.includes(url.protocol)) {
        this.problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
  }
}
