import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'jointcall-config-'));

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      readDatabaseUrls: [],
      dataDir: dir,
      logLevel: 'info',
      corsOrigins: [],
      bodyLimitBytes: 1_048_576,
      trustProxy: false,
      seedOnStart: true,
      sessionCacheSeconds: 5,
    });
  });

  it('reads how long sessions are cached, 0 turning the cache off, and refuses anything else', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), SESSION_CACHE_SECONDS: '0' }).sessionCacheSeconds).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir(), SESSION_CACHE_SECONDS: '30' }).sessionCacheSeconds).toBe(30);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SESSION_CACHE_SECONDS: '61' })).toThrow(
      /SESSION_CACHE_SECONDS must be an integer from 0 to 60 \(got "61"\)/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), SESSION_CACHE_SECONDS: '2.5' })).toThrow(/SESSION_CACHE_SECONDS must be an integer/);
  });

  it('reads reminder offsets as durations, largest first, and refuses anything else', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).reminderOffsetsMinutes).toEqual([20160, 4320, 1440, 120]);
    expect(loadConfig({ DATA_DIR: dataDir(), REMINDER_OFFSETS: '30m, 7d,1h,30m' }).reminderOffsetsMinutes).toEqual([10080, 60, 30]);
    expect(() => loadConfig({ DATA_DIR: dataDir(), REMINDER_OFFSETS: '2 weeks' })).toThrow(
      /REMINDER_OFFSETS must be a comma-separated list/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
  });

  it('generates a secret once and keeps it under DATA_DIR with owner-only permissions', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).secrets.jwtSecret;
    const second = loadConfig({ DATA_DIR: dir }).secrets.jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    const file = join(dir, 'secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ jwtSecret: first });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('requires secrets in production and refuses demo seeds there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), SEED_ON_START: 'true' })).toThrow(
      /JWT_SECRET is required[\s\S]*SEED_ON_START must be false/,
    );
  });

  it('reports every invalid variable at once', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'DATABASE_URL must start with postgres:// or postgresql://',
        'PORT must be an integer from 0 to 65535 (got "eighty")',
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
        'JWT_SECRET must be at least 32 characters',
      ]);
    }
  });

  it('parses lists and booleans', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      CORS_ORIGINS: 'https://a.example, https://b.example',
      SEED_ON_START: 'no',
      DATABASE_URL: 'postgres://u@db:5432/jc',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    });
    expect(config.trustProxy).toBe('10.0.0.0/8,127.0.0.1');
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.seedOnStart).toBe(false);
    expect(config.databaseUrl).toBe('postgres://u@db:5432/jc');
  });

  it('reads replicas as a list of postgres URLs, only beside an external primary', () => {
    const primary = 'postgres://u@db:5432/jc';
    expect(
      loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: primary, READ_DATABASE_URL: ' postgres://u@r1:5432/jc, postgresql://u@r2/jc ' })
        .readDatabaseUrls,
    ).toEqual(['postgres://u@r1:5432/jc', 'postgresql://u@r2/jc']);
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: primary, READ_DATABASE_URL: '' }).readDatabaseUrls).toEqual([]);
    expect(() => loadConfig({ DATA_DIR: dataDir(), READ_DATABASE_URL: 'postgres://u@r1:5432/jc' })).toThrow(
      /READ_DATABASE_URL needs DATABASE_URL/,
    );
    try {
      loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: primary, READ_DATABASE_URL: 'postgres://u@r1/jc,mysql://r2,not a url' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'READ_DATABASE_URL (entry 2) must start with postgres:// or postgresql://',
        'READ_DATABASE_URL (entry 3) is not a valid URL',
      ]);
    }
  });

  it('keeps documents under DATA_DIR, unscanned, up to 50 MiB by default', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).documents).toEqual({
      storage: { driver: 'filesystem', root: join(dir, 'documents') },
      maxUploadBytes: 52_428_800,
      clamd: null,
      scanTimeoutMs: 30_000,
    });
    const elsewhere = dataDir();
    const config = loadConfig({ DATA_DIR: dir, DOCUMENT_DIR: elsewhere, DOCUMENT_MAX_BYTES: '1048576', CLAMD_TIMEOUT_MS: '5000' });
    expect(config.documents).toMatchObject({
      storage: { driver: 'filesystem', root: elsewhere },
      maxUploadBytes: 1_048_576,
      scanTimeoutMs: 5000,
    });
  });

  it('reads an S3 bucket, path-style by default only beside an explicit endpoint', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DOCUMENT_STORAGE: 's3', S3_BUCKET: 'proposals' }).documents.storage).toEqual({
      driver: 's3',
      bucket: 'proposals',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      accessKeyId: undefined,
      secretAccessKey: undefined,
      createBucket: false,
    });
    expect(
      loadConfig({
        DATA_DIR: dataDir(),
        DOCUMENT_STORAGE: 's3',
        S3_BUCKET: 'jointcall.documents',
        S3_REGION: 'eu-central-1',
        S3_ENDPOINT: 'http://minio:9000',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_CREATE_BUCKET: 'true',
      }).documents.storage,
    ).toEqual({
      driver: 's3',
      bucket: 'jointcall.documents',
      region: 'eu-central-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      createBucket: true,
    });
    const virtualHosted = loadConfig({
      DATA_DIR: dataDir(),
      DOCUMENT_STORAGE: 's3',
      S3_BUCKET: 'proposals',
      S3_ENDPOINT: 'https://s3.example',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(virtualHosted.documents.storage).toMatchObject({ endpoint: 'https://s3.example', forcePathStyle: false });
  });

  it('reads clamd as a unix socket or a TCP address', () => {
    const clamd = (value: string) => loadConfig({ DATA_DIR: dataDir(), CLAMD: value }).documents.clamd;
    expect(clamd('/run/clamav/clamd.ctl')).toEqual({ socket: '/run/clamav/clamd.ctl' });
    expect(clamd('unix:///run/clamav/clamd.ctl')).toEqual({ socket: '/run/clamav/clamd.ctl' });
    expect(clamd('tcp://127.0.0.1:3310')).toEqual({ host: '127.0.0.1', port: 3310 });
    expect(clamd('clamav:3311')).toEqual({ host: 'clamav', port: 3311 });
    expect(clamd('tcp://[::1]:3310')).toEqual({ host: '::1', port: 3310 });
    expect(clamd('tcp://clamav')).toEqual({ host: 'clamav', port: 3310 });
  });

  it('refuses incomplete or invalid document settings, all at once', () => {
    try {
      loadConfig({
        DATA_DIR: dataDir(),
        DOCUMENT_STORAGE: 's3',
        S3_ENDPOINT: 'minio:9000',
        S3_ACCESS_KEY_ID: 'key',
        DOCUMENT_MAX_BYTES: '50MB',
        CLAMD: 'http://clamav:3310/scan',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'S3_BUCKET is required when DOCUMENT_STORAGE=s3',
        'S3_ENDPOINT must start with http:// or https://',
        'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are given together or not at all',
        'DOCUMENT_MAX_BYTES must be an integer from 1024 to 10737418240 (got "50MB")',
        'CLAMD must be a unix socket path such as /run/clamav/clamd.ctl, or tcp://host:port (got "http://clamav:3310/scan")',
      ]);
    }
    expect(() => loadConfig({ DATA_DIR: dataDir(), DOCUMENT_STORAGE: 'gcs' })).toThrow(/DOCUMENT_STORAGE must be one of filesystem, s3/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DOCUMENT_STORAGE: 's3', S3_BUCKET: 'Proposals_2026' })).toThrow(
      /S3_BUCKET must be a bucket name/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), CLAMD: 'tcp://clamav:0' })).toThrow(/CLAMD must be/);
  });
});
